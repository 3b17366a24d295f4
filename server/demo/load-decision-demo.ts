import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { BaseCountries } from "../../contracts/registry";
import { addDays } from "../../policy/calendar/dates";
import { editionFor } from "../../policy/measures/editions";
import { standardName } from "../../policy/names";
import type { BaseType } from "../../policy/reference/base-types";
import type { Region } from "../../policy/reference/regions";
import type { UnitType } from "../../policy/reference/unit-types";
import { usccCheckDigit } from "../../policy/uscc";
import type { Caller } from "../access/caller";
import { type Actor, type CommandDeps, execute, systemActor } from "../commands/command";
import { createUnit } from "../commands/save-unit";
import { accounts, applications, bases, calls, recognitionDocuments, recommenders, units } from "../db/schema";
import { evaluateApplication } from "../decision/evaluate-application";
import { investigateObjection } from "../decision/investigate-objection";
import { publishNotice } from "../decision/publish-notice";
import { receiveObjection } from "../decision/receive-objection";
import { recognizeApplications } from "../decision/recognize-applications";
import { recordApproval } from "../decision/record-approval";
import { recordOnSiteVerification } from "../decision/record-on-site-verification";
import { startOnSiteVerification } from "../decision/start-on-site-verification";
import { demoIssuedOn, demoTimeline } from "./demo-timeline";
import { demoRubric } from "./load-review-demo";

interface DemoBase {
  unit: { name: string; first17: string; type: UnitType; division: string; recommender: string };
  type: BaseType;
  field: string;
  region?: Region;
  director: string;
  countries: BaseCountries;
}

const unit = (name: string, first17: string, type: UnitType, division: string, recommender = division) => ({
  name,
  first17,
  type,
  division,
  recommender,
});

/** Candidates of the demo's past round, one per decision state (units outside the demo recommenders' areas). */
const candidates: Array<DemoBase & { goal: string }> = [
  {
    goal: "reviewed",
    unit: unit("湖北隆中高端装备股份有限公司", "91420600MA4A1B2C3", "enterprise", "420600"),
    type: "technology-transfer",
    field: "高端装备",
    director: "马骏",
    countries: { key: ["DE"], main: ["IT"], radiating: ["PL"] },
  },
  {
    goal: "verified",
    unit: unit("黄石大冶新材料科技有限公司", "91420200MA4D4E5F6", "enterprise", "420200"),
    type: "joint-research",
    field: "新材料",
    director: "石磊",
    countries: { key: ["RU"], main: ["KZ"], radiating: ["BY"] },
  },
  {
    goal: "evaluated",
    unit: unit("十堰车谷智能网联汽车研究院有限公司", "91420300MA4G7H8J9", "new-rd-institution", "420300"),
    type: "characteristic",
    field: "新能源与智能网联汽车",
    director: "车文",
    countries: { key: ["JP"], main: ["DE"], radiating: ["TH"] },
  },
  {
    goal: "approved",
    unit: unit("荆州长江农业生物技术研究所", "12421000MB0K1L2M3", "research-institute", "421000"),
    type: "joint-research",
    field: "生物医药",
    director: "荆楚",
    countries: { key: ["EG"], main: ["KE"], radiating: ["ET"] },
  },
  {
    goal: "publicized",
    unit: unit("恩施硒谷生物科技有限公司", "91422800MA4N4P5Q6", "enterprise", "422800"),
    type: "characteristic",
    field: "人工智能",
    director: "向阳",
    countries: { key: ["TH"], main: ["MY"], radiating: ["LA"] },
  },
  {
    goal: "recognized",
    unit: unit("孝感量子光电科技有限公司", "91420900MA4R7T8U9", "enterprise", "420900"),
    type: "joint-research",
    field: "量子与光子科技",
    director: "孝明",
    countries: { key: ["AT"], main: ["CH"], radiating: ["HU"] },
  },
];

/** Bases recognized in earlier rounds (2022 measures), entered as registry imports so the public registry is full. */
const earlier: Array<DemoBase & { recognizedOn: string; documentNumber: string }> = [
  {
    unit: unit("荆门高新装备研究院", "12420800MB0W1X2Y3", "new-rd-institution", "420800"),
    type: "joint-research",
    field: "高端装备",
    director: "门杰",
    countries: { key: ["DE"], main: ["CZ"], radiating: ["HU"] },
    recognizedOn: "2023-12-15",
    documentNumber: "鄂科技函〔2023〕21号",
  },
  {
    unit: unit("咸宁南山新能源有限公司", "91421200MA4Y3X4A5", "enterprise", "421200"),
    type: "technology-transfer",
    field: "新型能源",
    director: "宁远",
    countries: { key: ["PK"], main: ["TH"], radiating: ["LA"] },
    recognizedOn: "2024-12-10",
    documentNumber: "鄂科技函〔2024〕17号",
  },
  {
    unit: unit("仙桃非织造材料研究院", "12429004MB0B6C7D8", "research-institute", "429004"),
    type: "characteristic",
    field: "新材料",
    director: "仙华",
    countries: { key: ["IT"], main: ["ES"], radiating: ["PT"] },
    recognizedOn: "2022-11-30",
    documentNumber: "鄂科技函〔2022〕30号",
  },
  {
    unit: unit("随州神农生物科技有限公司", "91421300MA4E9F1G2", "enterprise", "421300"),
    type: "joint-research",
    field: "生物医药",
    region: "HK",
    director: "随安",
    countries: { key: ["HK"], main: ["MO"], radiating: ["SG"] },
    recognizedOn: "2024-12-10",
    documentNumber: "鄂科技函〔2024〕17号",
  },
];

export async function ensureUnit(deps: CommandDeps, spec: DemoBase["unit"]): Promise<string> {
  const uscc = spec.first17 + usccCheckDigit(spec.first17);
  const [existing] = await deps.database.db.select({ id: units.id }).from(units).where(eq(units.uscc, uscc));
  if (existing) return existing.id;
  const [recommender] = await deps.database.db
    .select({ id: recommenders.id })
    .from(recommenders)
    .where(eq(recommenders.code, spec.recommender));
  return createUnit(
    { deps, actor: systemActor },
    {
      name: spec.name,
      uscc,
      type: spec.type,
      divisionCode: spec.division,
      address: "",
      parentUnitId: null,
      college: null,
      directRecommending: false,
      recommenderId: recommender!.id,
      legalRepresentative: "演示",
      contactName: "国际合作部",
      contactPhone: "027-87000000",
    },
  );
}

/** 2026-01-05 → 2026年1月5日, as a letter writes it. */
const chineseDate = (date: string) => {
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
};

const nameOf = (base: DemoBase) =>
  standardName({ type: base.type, field: base.field, ...(base.region ? { region: base.region } : {}) });

/** The decision demo round's call, named for its year the way the department titles its notices. */
export const decisionRoundTitle = (year: number) => `关于开展${year}年度湖北省国际科技合作基地认定工作的通知`;

/**
 * Demo data of the decision half of a round (SPEC §5.1 steps 6–9): a past round's candidates in reviewed,
 * verified, evaluated, approved, publicized (one objection under investigation) and recognized, moved on by the
 * decision commands from `reviewed` (the expert review's hand-off, entered directly), and earlier bases in the
 * registry. Every date is placed relative to the loading day (demo-timeline.ts): the round lies in the past and the
 * 公示 under way starts on the loading day. Idempotent: skipped once a recognition document exists.
 */
export async function loadDecisionDemo(deps: CommandDeps, officer: Actor): Promise<void> {
  const db = deps.database.db;
  const [done] = await db.select({ id: recognitionDocuments.id }).from(recognitionDocuments).limit(1);
  if (done) return;
  const [account] = await db.select().from(accounts).where(eq(accounts.username, "officer"));
  if (!account) return;
  const caller: Caller = {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: ["officer"],
    unitId: null,
    unitName: null,
    recommenderId: null,
    recommenderName: null,
    division: null,
    isUnitAdmin: false,
    mustChangePassword: false,
    isDemo: true,
    sessionId: "demo-loader",
    csrfToken: "",
  };
  const call = { deps, caller, actor: officer };

  const ids = new Map<string, string>();
  const callId = randomUUID();
  const round = demoTimeline(deps.clock.now()).decisionRound;
  const { today } = demoTimeline(deps.clock.now());
  await execute(deps, systemActor, "demo.decision-round", { type: "call", id: callId }, async (context) => {
    await context.tx.insert(calls).values({
      id: callId,
      year: round.year,
      kind: "annual",
      titleZh: decisionRoundTitle(round.year),
      titleEn: `${round.year} call for provincial international S&T cooperation bases`,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      deadline: round.deadline,
      rubric: demoRubric(round.year),
      status: "closed",
      edition: editionFor(round.deadline).edition.id,
      settings: { documentNumberPrefix: "鄂科技函" },
      createdAt: context.clock.now(),
    });
    await context.audit({ changes: { callId, note: `演示数据：${round.year}年度认定批次（专家评审已完成）` } });
  });
  for (const candidate of candidates) {
    const unitId = await ensureUnit(deps, candidate.unit);
    const [held] = await db.select({ recommenderId: units.recommenderId }).from(units).where(eq(units.id, unitId));
    const id = randomUUID();
    ids.set(candidate.goal, id);
    const name = nameOf(candidate);
    await execute(deps, systemActor, "demo.application", { type: "application", id }, async (context) => {
      await context.tx.insert(applications).values({
        id,
        callId,
        unitId,
        recommenderId: held!.recommenderId,
        state: "reviewed",
        type: candidate.type,
        field: candidate.field,
        standardName: name.ok ? name.value : null,
        form: {
          application: { type: candidate.type, field: candidate.field, countries: candidate.countries },
          director: { name: candidate.director },
        },
        submittedAt: round.submittedAt,
        createdAt: round.createdAt,
        updatedAt: context.clock.now(),
      });
      await context.audit({ changes: { state: "reviewed", note: "演示数据：专家评审已完成" } });
    });
  }
  const id = (goal: string) => ids.get(goal)!;
  const past = ["verified", "evaluated", "approved", "publicized", "recognized"];

  for (const goal of past) {
    await startOnSiteVerification(call, { applicationId: id(goal) });
    await recordOnSiteVerification(call, {
      applicationId: id(goal),
      visitedOn: round.visitedOn,
      team: ["王建国（组长）", "刘敏", "李处长"],
      findings: "研发场地、仪器设备与申报材料一致；外方合作人员按协议在岗；管理制度齐全。",
      conclusion: "confirmed",
      fileIds: [],
    });
  }
  for (const goal of past.slice(1)) {
    await evaluateApplication(call, {
      applicationId: id(goal),
      opinion: "专家评审意见较好，合作国别布局合理，建议认定。",
    });
  }
  await recordApproval(call, {
    meetingDate: round.meetingDate,
    minuteRef: `厅党组会纪要〔${round.meetingDate.slice(0, 4)}〕2号`,
    applicationIds: past.slice(2).map(id),
  });
  const first = await publishNotice(call, { startOn: round.firstNoticeStartOn, applicationIds: [id("recognized")] });
  await recognizeApplications(call, {
    prefix: "鄂科技函",
    number: 3,
    issuedOn: demoIssuedOn(first.endOn, today),
    title: `关于认定${round.year}年度湖北省国际科技合作基地的通知`,
    applicationIds: [id("recognized")],
  });

  // The 公示 under way starts today; the demo recorded the holiday years its window reaches (load-demo.ts).
  const startOn = round.currentNoticeStartOn;
  const notice = await publishNotice(call, { startOn, applicationIds: [id("publicized")] });
  const objectionId = await receiveObjection(call, {
    noticeId: notice.id,
    applicationId: id("publicized"),
    objectorKind: "person",
    realName: "陈某",
    contact: "13900005678",
    content: "认为该单位与泰国合作机构的合作协议已到期。",
    facts: `合作协议第八条约定有效期至${chineseDate(addDays(today, -40))}（附协议复印件）。`,
    receivedOn: startOn,
  });
  await investigateObjection(call, { objectionId, notes: "已函请依托单位提供续签协议原件，待核实。" });

  const earlierUnits = new Map<string, string>();
  for (const base of earlier) earlierUnits.set(base.unit.name, await ensureUnit(deps, base.unit));
  await execute(deps, systemActor, "base.import", { type: "base" }, async (context) => {
    for (const base of earlier) {
      const unitId = earlierUnits.get(base.unit.name)!;
      const name = nameOf(base);
      const row = {
        id: randomUUID(),
        standardName: name.ok ? name.value : base.field,
        unitId,
        type: base.type,
        field: base.field,
        region: base.region ?? null,
        directorName: base.director,
        countries: base.countries,
        recognizedOn: base.recognizedOn,
        documentNumber: base.documentNumber,
        origin: "provincial-2022",
        edition: "2022",
        status: "active",
        statusChangedOn: base.recognizedOn,
      };
      await context.tx.insert(bases).values({ ...row, createdAt: context.clock.now() });
      await context.audit({ targetId: row.id, changes: { ...row, note: "演示数据：既有名录导入" } });
    }
  });
}
