import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { AnnualReportContent } from "../../contracts/annual-report";
import type { BaseCountries } from "../../contracts/registry";
import { addDays, yearOf } from "../../policy/calendar/dates";
import { standardName } from "../../policy/names";
import type { BaseType } from "../../policy/reference/base-types";
import { type CommandDeps, execute, systemActor } from "../commands/command";
import { annualReports, bases, evaluationRounds } from "../db/schema";
import { openEvaluationRound } from "../yearly/open-round";
import { fireReportEvent } from "../yearly/report-events";
import { saveReport } from "../yearly/save-report";
import { demoInvocation } from "./demo-invocation";
import { demoTimeline } from "./demo-timeline";
import { loadGradedYearDemo } from "./load-graded-year-demo";

/** Bases of the demo accounts' own units, so each host unit, its recommender and the officer have a yearly cycle. */
const ownBases: Array<{ account: string; type: BaseType; field: string; director: string; countries: BaseCountries }> =
  [
    {
      account: "app.yichang",
      type: "joint-research",
      field: "先进材料",
      director: "赵峡",
      countries: { key: ["AT"], main: ["DE"], radiating: ["HU"] },
    },
    {
      account: "app.wuhan-ent",
      type: "technology-transfer",
      field: "激光制造",
      director: "刘洋",
      countries: { key: ["DE"], main: ["FR"], radiating: ["PL"] },
    },
    {
      account: "app.hust",
      type: "joint-research",
      field: "智能制造",
      director: "张明",
      countries: { key: ["GB"], main: ["SG"], radiating: ["MY"] },
    },
  ];

const draft: AnnualReportContent = {
  summary: "基地依托单位围绕先进材料开展国际联合研发，与奥地利、德国合作机构保持稳定合作。",
  agreements: [
    {
      partner: "维也纳技术大学",
      country: "AT",
      title: "先进陶瓷材料联合研究协议",
      startsOn: "2023-03-01",
      endsOn: "2028-02-29",
    },
    {
      partner: "格拉茨工业大学",
      country: "AT",
      title: "功能材料联合实验室协议",
      startsOn: "2023-06-01",
      endsOn: "2031-05-31",
    },
    {
      partner: "亚琛工业大学",
      country: "DE",
      title: "材料表征技术合作协议",
      startsOn: "2024-01-01",
      endsOn: "2031-12-31",
    },
  ],
  results: { jointPapers: 3, internationalPatents: 1, transfers: 0, transferIncomeWan: 0 },
};

const complete: AnnualReportContent = {
  ...draft,
  projects: [
    { title: "激光增材制造联合研发", partner: "弗劳恩霍夫激光技术研究所", country: "DE", lead: true, fundingWan: 120 },
  ],
  management: {
    fullTimeStaff: 2,
    rules: ["基地管理办法", "国际合作项目管理细则"],
    ipManagement: "合作成果知识产权按协议约定归属，设专人管理。",
    securityPlan: "已制定科技安全与数据出境预案。",
    biosafetyEthics: "不涉及生物安全事项；人员出访均经审批。",
    tripsAbroad: 4,
  },
  support: { recommenderWan: 20, hostUnitWan: 150, conditions: "提供实验用房 1200 平方米及配套设备。" },
  experience: "以项目带动人才交流，合作协议到期前三个月启动续签。",
  nextYearPlan: "新增 1 项国际联合研发项目，举办 1 期国际技术培训班。",
};

/**
 * The yearly cycle of the demo (Art. 18, 22): bases for the demo host units, recognized earlier (registry import);
 * the year before last evaluated and graded (load-graded-year-demo.ts); and last year's evaluation open with its
 * deadline 45 days on. 宜昌's report is a draft, 光谷激光's waits for its recommender, 华科's is with the
 * department — each moved there through the commands users trigger.
 */
export async function loadYearlyDemo(deps: CommandDeps): Promise<void> {
  const db = deps.database.db;
  const { today } = demoTimeline(deps.clock.now());
  // Recognized before the end of the year before last on every loading day (today − 800 is at the latest
  // 22 October of that year), so the bases take part in the graded year as well as in the open one.
  const recognizedOn = addDays(today, -800);
  const year = yearOf(today) - 1;
  const baseIds = new Map<string, string>();
  // Read outside the import's transaction: the embedded database has one connection.
  const unitIds = new Map<string, string>();
  for (const spec of ownBases) unitIds.set(spec.account, (await demoInvocation(deps, spec.account)).caller.unitId!);
  await execute(deps, systemActor, "base.import", { type: "base" }, async (context) => {
    for (const spec of ownBases) {
      const unitId = unitIds.get(spec.account)!;
      const name = standardName({ type: spec.type, field: spec.field });
      if (!name.ok) throw new Error(`demo base name: ${name.refusal.messageEn}`);
      const [existing] = await context.tx
        .select({ id: bases.id })
        .from(bases)
        .where(and(eq(bases.unitId, unitId), eq(bases.standardName, name.value)));
      if (existing) {
        baseIds.set(spec.account, existing.id);
        continue;
      }
      const row = {
        id: randomUUID(),
        standardName: name.value,
        unitId,
        type: spec.type,
        field: spec.field,
        directorName: spec.director,
        countries: spec.countries,
        recognizedOn,
        documentNumber: `鄂科技函〔${yearOf(recognizedOn)}〕12号`,
        origin: "provincial-2022",
        edition: "2022",
        status: "active",
        statusChangedOn: recognizedOn,
      };
      await context.tx.insert(bases).values({ ...row, createdAt: context.clock.now() });
      await context.audit({ targetId: row.id, changes: { ...row, note: "演示数据：既有名录导入" } });
      baseIds.set(spec.account, row.id);
    }
  });

  // The year before, already graded, happened first: its history is dated in the past (load-graded-year-demo.ts).
  await loadGradedYearDemo(deps, today, year - 1);

  const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.year, year));
  if (round) return;
  const opened = await openEvaluationRound(await demoInvocation(deps, "officer"), {
    year,
    title: `${year}年度省级国际科技合作基地绩效考核`,
    reportDeadline: addDays(today, 45),
    evaluator: "experts",
  });
  const reportOf = async (account: string) => {
    const [report] = await db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.roundId, opened.id), eq(annualReports.baseId, baseIds.get(account)!)));
    return report!;
  };
  type Move = { content: AnnualReportContent; events: Array<"submit-report" | "unit-approve" | "recommender-approve"> };
  // 华科 recommends itself (a ministry university, Art. 17), so its administrator acts at both stages.
  const moves: Record<string, Move> = {
    "app.yichang": { content: draft, events: [] },
    "app.wuhan-ent": { content: complete, events: ["submit-report", "unit-approve"] },
    "app.hust": { content: complete, events: ["submit-report", "unit-approve", "recommender-approve"] },
  };
  for (const [account, move] of Object.entries(moves)) {
    const report = await reportOf(account);
    const unit = await demoInvocation(deps, account);
    await saveReport(unit, { reportId: report.id, content: move.content, version: report.version });
    for (const event of move.events) await fireReportEvent(unit, { reportId: report.id, request: { event } });
  }
}
