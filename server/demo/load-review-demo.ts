import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Rubric } from "../../policy/grading/rubric";
import type { Title } from "../../policy/reference/titles";
import { type Actor, type CommandDeps, execute, systemActor } from "../commands/command";
import { applications, calls, experts, units } from "../db/schema";
import { insertExpert } from "../review/create-expert";
import { createReviewRound } from "../review/create-review-round";
import { drawExperts } from "../review/draw-experts";
import { registerReviewTargets } from "../review/register-targets";
import { type DemoAccountMaker, demoAccounts, demoPassword } from "./demo-accounts";
import { demoTimeline } from "./demo-timeline";

/** ~30 experts across the 2025 fields, units and divisions; the first is the demo account `expert` (王教授). */
const suspendedIndex = 29;

const pool: Array<[string, Title, string, string, string[]]> = [
  ["王建国", "senior", "武汉大学", "420100", ["量子与光子科技", "光电子信息"]],
  ["李华", "senior", "华中师范大学", "420100", ["量子与光子科技"]],
  ["陈思远", "associate-senior", "三峡大学", "420500", ["量子与光子科技", "新型能源"]],
  ["刘敏", "senior", "武汉理工大学", "420100", ["新材料", "高端装备"]],
  ["张伟", "senior", "中国地质大学（武汉）", "420100", ["新材料"]],
  ["赵磊", "associate-senior", "湖北大学", "420100", ["新材料", "生物医药"]],
  ["孙丽", "senior", "武汉纺织大学", "420100", ["新材料"]],
  ["周强", "senior", "湖北工业大学", "420100", ["高端装备", "新能源与智能网联汽车"]],
  ["吴涛", "associate-senior", "湖北汽车工业学院", "420300", ["新能源与智能网联汽车"]],
  ["郑洁", "senior", "东风汽车集团有限公司技术中心", "420100", ["新能源与智能网联汽车", "人工智能"]],
  ["冯刚", "senior", "襄阳职业技术学院", "420600", ["高端装备"]],
  ["何静", "senior", "华中农业大学", "420100", ["生物医药"]],
  ["马超", "associate-senior", "湖北医药学院", "420300", ["生物医药"]],
  ["胡琳", "senior", "武汉生物制品研究所", "420100", ["生物医药"]],
  ["高翔", "senior", "长江大学", "421000", ["新型能源", "新材料"]],
  ["罗平", "associate-senior", "中国长江三峡集团科学技术研究院", "420500", ["新型能源"]],
  ["梁宇", "senior", "国网湖北省电力有限公司电力科学研究院", "420100", ["新型能源", "人工智能"]],
  ["宋佳", "senior", "武汉邮电科学研究院", "420100", ["光电子信息", "高端芯片"]],
  ["唐浩", "senior", "长江存储科技有限责任公司", "420100", ["高端芯片"]],
  ["许明", "associate-senior", "湖北文理学院", "420600", ["高端芯片", "光电子信息"]],
  ["韩雪", "senior", "武汉光电国家研究中心", "420100", ["光电子信息", "高端芯片"]],
  ["曹阳", "senior", "湖北省人工智能研究院", "420100", ["人工智能"]],
  ["彭飞", "associate-senior", "黄冈师范学院", "421100", ["人工智能", "高端装备"]],
  ["邓超", "senior", "荆楚理工学院", "420800", ["新材料", "高端装备"]],
  ["谢婷", "senior", "湖北民族大学", "422800", ["生物医药"]],
  ["徐晨", "intermediate", "孝感学院", "420900", ["人工智能"]],
  ["袁博", "senior", "湖北省农业科学院", "420100", ["生物医药", "新材料"]],
  ["蒋立", "associate-senior", "咸宁职业技术学院", "421200", ["新型能源"]],
  ["沈冰", "senior", "宜昌三峡新材料股份有限公司", "420500", ["新材料"]],
  ["董杰", "senior", "随州职业技术学院", "421300", ["高端装备"]],
];

/**
 * Every active expert of the demo pool can sign in, so an officer's draw in the demo reaches people who can score:
 * 王建国 is `expert`, the others `expert02`… in pool order, all with the demo password.
 */
export const demoExpertAccounts: ReadonlyArray<{ name: string; username: string }> = pool.flatMap(([name], index) =>
  index === suspendedIndex
    ? []
    : [{ name, username: index === 0 ? "expert" : `expert${String(index + 1).padStart(2, "0")}` }],
);

/** The demo calls' rubric (Art. 22 indicators, weights summing to 1): every stored rubric has indicators. */
export const demoRubric = (year: number): Rubric => ({
  id: `rubric-${year}-demo`,
  year,
  titleZh: `${year}年度省国合基地认定专家评审指标`,
  indicators: [
    {
      id: "foundation",
      labelZh: "国际合作基础",
      labelEn: "Cooperation record",
      weight: 0.4,
      min: 0,
      max: 40,
      article: "7.2",
    },
    { id: "team", labelZh: "团队与负责人", labelEn: "Team and director", weight: 0.3, min: 0, max: 30, article: "12" },
    { id: "plan", labelZh: "建设工作方案", labelEn: "Work plan", weight: 0.3, min: 0, max: 30, article: "7.3" },
  ],
});

/**
 * The expert pool for the demo with an account for every active expert (`expert` is 王建国), and one application of the
 * review demo batch in expert review with a panel already drawn (量子与光子科技: three experts, no backups), so the
 * expert portal has an invitation to open. Idempotent: skipped once the pool has experts.
 */
export async function loadReviewDemo(
  deps: CommandDeps,
  officer: Actor,
  createDemoAccount: DemoAccountMaker,
): Promise<void> {
  const db = deps.database.db;
  registerReviewTargets(); // the demo may load before the app is built (start, tests' template)
  const [any] = await db.select({ id: experts.id }).from(experts).limit(1);
  if (any) return;
  const accountIds = new Map<string, string>();
  for (const { name, username } of demoExpertAccounts) {
    const spec = demoAccounts.find((account) => account.username === username);
    accountIds.set(
      name,
      await createDemoAccount(
        spec ?? {
          username,
          password: demoPassword,
          displayName: `${name}（评审专家）`,
          roles: ["expert"],
          label: "评审专家",
          labelEn: "Expert",
        },
      ),
    );
  }
  const unitIds = new Map(
    (await db.select({ id: units.id, name: units.name }).from(units)).map((unit) => [unit.name, unit.id]),
  );
  await execute(deps, systemActor, "expert.import", { type: "expert" }, async (context) => {
    for (const [index, [name, title, unitName, divisionCode, fields]] of pool.entries()) {
      const id = await insertExpert(context, {
        name,
        title,
        fields,
        unitId: unitIds.get(unitName) ?? null,
        unitName,
        divisionCode,
        phone: `1397200${String(index).padStart(4, "0")}`,
        email: null,
        idNumber: null,
        status: index === suspendedIndex ? "suspended" : "active",
        note: "演示数据",
      });
      const accountId = accountIds.get(name);
      if (accountId) await context.tx.update(experts).set({ accountId }).where(eq(experts.id, id));
    }
    await context.audit({ changes: { imported: pool.length, note: "演示专家库" } });
  });

  const [unit] = await db.select().from(units).where(eq(units.name, "宜昌三峡新材料股份有限公司"));
  if (!unit) return;
  const callId = randomUUID();
  const applicationId = randomUUID();
  const now = deps.clock.now();
  const batch = demoTimeline(now).reviewCall;
  await execute(deps, systemActor, "review.demo", { type: "application", id: applicationId }, async (context) => {
    await context.tx.insert(calls).values({
      id: callId,
      year: batch.year,
      kind: "annual",
      titleZh: `${batch.year}年度湖北省国际科技合作基地认定（专家评审演示批次）`,
      titleEn: `${batch.year} recognition — expert review demo batch`,
      opensAt: batch.opensAt,
      closesAt: batch.closesAt,
      deadline: batch.deadline,
      rubric: demoRubric(batch.year),
      status: "closed",
      edition: "2025",
      createdAt: now,
    });
    await context.tx.insert(applications).values({
      id: applicationId,
      callId,
      unitId: unit.id,
      recommenderId: unit.recommenderId,
      state: "in-expert-review",
      type: "joint-research",
      field: "量子与光子科技",
      standardName: "湖北省量子与光子科技国际科技合作基地（联合研究）",
      form: {
        application: {
          developmentGoals: "面向“一带一路”共建国家开展光量子材料联合研究，建设联合实验室。",
          operatingMechanism: "理事会领导下的主任负责制，设国际学术委员会。",
          countries: { key: ["RU"], main: ["KZ", "TH"], radiating: ["EG"] },
          partners: [
            { name: "莫斯科国立大学", country: "RU" },
            { name: "哈萨克斯坦国立大学", country: "KZ" },
            { name: "朱拉隆功大学", country: "TH" },
          ],
        },
        director: { name: "赵峡", title: "associate-senior" },
      },
      createdAt: now,
      updatedAt: now,
    });
    await context.audit({ changes: { note: "专家评审演示：进入专家评审的申报" } });
  });
  const roundId = await createReviewRound(deps, officer, {
    targetKind: "application",
    targetId: applicationId,
    settings: { draw: { panelSize: 3, backups: 0 }, aggregation: {} },
  });
  await drawExperts(deps, officer, roundId, {});
}
