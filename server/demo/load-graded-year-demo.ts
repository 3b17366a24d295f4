import { and, asc, eq } from "drizzle-orm";
import type { AnnualReportContent } from "../../contracts/annual-report";
import { defaultEvaluationRubric } from "../../policy/annual-report/evaluation-rubric";
import { addDays, type IsoDate } from "../../policy/calendar/dates";
import type { Role } from "../../policy/roles";
import { ManualClock } from "../clock";
import type { CommandDeps, Invocation } from "../commands/command";
import { createAccount } from "../commands/create-account";
import { decideRoleGrant } from "../commands/role-grants";
import {
  accounts,
  annualReports,
  bases,
  evaluationRounds,
  experts,
  recommenders,
  rectificationCases,
  reviewAssignments,
  roleGrants,
  units,
} from "../db/schema";
import { applyAssignmentEvent } from "../review/apply-assignment-event";
import { createReviewRound } from "../review/create-review-round";
import { drawExperts } from "../review/draw-experts";
import { saveScores } from "../review/save-scores";
import { writePanelOpinion } from "../review/write-panel-opinion";
import { confirmGrades } from "../yearly/confirm-grades";
import { setFunding } from "../yearly/funding";
import { openEvaluationRound } from "../yearly/open-round";
import { publishGrades } from "../yearly/publish-grades";
import { fireRectificationEvent, saveRectificationText } from "../yearly/rectification-commands";
import { markMissedReports } from "../yearly/report-deadlines";
import { fireReportEvent } from "../yearly/report-events";
import { saveReport } from "../yearly/save-report";
import { startEvaluation } from "../yearly/start-evaluation";
import { demoPassword } from "./demo-accounts";
import { demoInvocation } from "./demo-invocation";

/**
 * Host units of the registry's earlier bases (load-decision-demo.ts) have no demo account of their own; their
 * administrators and city bureaus get one here, made the way every account is (system administrator creates,
 * security administrator approves), so each base of the graded year reports through its own people.
 */
const registryHosts: Array<{
  unit: string;
  username: string;
  recommender: { code: string; username: string; name: string };
}> = [
  {
    unit: "荆门高新装备研究院",
    username: "app.jingmen",
    recommender: { code: "420800", username: "rec.jingmen", name: "荆门市科技局" },
  },
  {
    unit: "咸宁南山新能源有限公司",
    username: "app.xianning",
    recommender: { code: "421200", username: "rec.xianning", name: "咸宁市科技局" },
  },
  {
    unit: "仙桃非织造材料研究院",
    username: "app.xiantao",
    recommender: { code: "429004", username: "rec.xiantao", name: "仙桃市科技局" },
  },
  {
    unit: "随州神农生物科技有限公司",
    username: "app.suizhou",
    recommender: { code: "421300", username: "rec.suizhou", name: "随州市科技局" },
  },
];

/** The base that ends the year 优秀 (the cohort's one slot) and the one graded 不合格 (rectification, Art. 24). */
const excellentField = "激光制造";
const unqualifiedField = "光电子信息";

/**
 * Each panel member's score (every leaf of the year's rubric, 0–10; a total of ten times it) by the base's field.
 * One base alone reaches 85 (优秀 needs the top ⌊10% × n⌋ — at least one slot, SPEC §7 — and ≥ 85); one falls below
 * 60 (不合格); the rest are 合格. Fields not listed score 7 (合格).
 */
const panelScores: Record<string, [number, number, number]> = {
  [excellentField]: [9, 9, 9],
  [unqualifiedField]: [6, 5, 5],
  智能制造: [8, 8, 7],
  先进材料: [7, 8, 7],
  新材料: [8, 8, 8],
  高端装备: [8, 7, 7],
};

/**
 * The expert pool's fields to draw from for a base's field (the officer chooses them per review, like the report
 * review's test does for 先进材料). The demo expert 王建国 (光电子信息) keeps only his current invitation.
 */
const drawFields: Record<string, string[]> = {
  先进材料: ["新材料"],
  激光制造: ["高端装备"],
  智能制造: ["人工智能"],
  光电子信息: ["高端芯片"],
};

/** A complete report (policy/annual-report/completeness.ts), naming the base's own field. */
const reportContent = (field: string, baseName: string): AnnualReportContent => ({
  summary: `${baseName}围绕${field}领域开展国际联合研发与人才交流，合作机构保持稳定。`,
  agreements: [
    {
      partner: "弗劳恩霍夫协会",
      country: "DE",
      title: `${field}联合研究协议`,
      startsOn: "2022-01-01",
      endsOn: "2030-12-31",
    },
    // Art. 7.2 asks for at least three partners with valid agreements: the demo keeps three, valid past the lapse.
    {
      partner: "米兰理工大学",
      country: "IT",
      title: `${field}技术合作备忘录`,
      startsOn: "2023-05-01",
      endsOn: "2031-04-30",
    },
    {
      partner: "新加坡国立大学",
      country: "SG",
      title: `${field}人才交流协议`,
      startsOn: "2023-09-01",
      endsOn: "2031-08-31",
    },
  ],
  results: { jointPapers: 2, internationalPatents: 1, transfers: 1, transferIncomeWan: 30 },
  projects: [{ title: `${field}国际联合研发`, partner: "弗劳恩霍夫协会", country: "DE", lead: true, fundingWan: 80 }],
  management: {
    fullTimeStaff: 2,
    rules: ["基地管理办法"],
    ipManagement: "合作成果知识产权按协议约定归属，设专人管理。",
    securityPlan: "已制定科技安全与数据出境预案。",
    biosafetyEthics: "不涉及生物安全事项；人员出访均经审批。",
    tripsAbroad: 2,
  },
  support: { recommenderWan: 10, hostUnitWan: 100, conditions: "提供实验用房与配套设备。" },
  experience: "以项目带动人才交流。",
  nextYearPlan: "新增 1 项国际联合研发项目。",
});

/** Creates an account and has its roles approved, unless the username exists. */
async function ensureAccount(
  deps: CommandDeps,
  spec: { username: string; displayName: string; roles: Role[]; unitId: string | null; recommenderId: string | null },
): Promise<void> {
  const db = deps.database.db;
  const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, spec.username));
  if (existing) return;
  const id = await createAccount(await demoInvocation(deps, "sysadmin"), {
    username: spec.username,
    displayName: spec.displayName,
    initialPassword: demoPassword,
    unitId: spec.unitId,
    recommenderId: spec.recommenderId,
    isUnitAdmin: spec.unitId !== null,
    roles: spec.roles,
    isDemo: true,
  });
  const secadmin = await demoInvocation(deps, "secadmin");
  const pending = await db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.accountId, id));
  for (const grant of pending)
    await decideRoleGrant(secadmin, { grantId: grant.id, decision: "approve", reason: "演示数据" });
}

/**
 * The year before the open one, already evaluated and graded (Art. 22–24): the round opened 150 days ago, every
 * base reported and the reports passed their host unit and recommender, the evaluation started after the deadline,
 * each report reviewed by a drawn panel of three experts, the grades confirmed 60 days ago (one 优秀, one 不合格, the
 * rest 合格), funding set by grade and the grades published, and the 不合格 base's rectification plan filed — its
 * case due a year after the confirmation. Each step runs the command a user would trigger, on a clock standing at
 * that step's day, so the history is dated the way it would have happened. Idempotent: skipped once the year's
 * round exists.
 */
export async function loadGradedYearDemo(deps: CommandDeps, today: IsoDate, year: number): Promise<void> {
  const db = deps.database.db;
  const [done] = await db
    .select({ id: evaluationRounds.id })
    .from(evaluationRounds)
    .where(eq(evaluationRounds.year, year));
  if (done) return;

  /** The dependencies of a step `days` from today (negative: in the past), at 10:00 China time that day. */
  const on = (days: number): CommandDeps => ({
    ...deps,
    clock: new ManualClock(`${addDays(today, days)}T10:00:00+08:00`),
  });
  const as = async (username: string, days: number): Promise<Invocation> => {
    const invocation = await demoInvocation(deps, username);
    return { ...invocation, deps: on(days) };
  };

  // Their accounts exist before the round opens: made 160 days ago.
  for (const host of registryHosts) {
    const [unit] = await db.select().from(units).where(eq(units.name, host.unit));
    const [recommender] = await db
      .select({ id: recommenders.id })
      .from(recommenders)
      .where(eq(recommenders.code, host.recommender.code));
    if (!unit || !recommender) continue;
    await ensureAccount(on(-160), {
      username: host.username,
      displayName: `${unit.name} 科技处`,
      roles: ["applicant"],
      unitId: unit.id,
      recommenderId: null,
    });
    await ensureAccount(on(-160), {
      username: host.recommender.username,
      displayName: host.recommender.name,
      roles: ["recommender"],
      unitId: null,
      recommenderId: recommender.id,
    });
  }

  const opened = await openEvaluationRound(await as("officer", -150), {
    year,
    title: `${year}年度省级国际科技合作基地绩效考核`,
    reportDeadline: addDays(today, -90),
    evaluator: "experts",
  });

  // Who acts for each report: the host unit's administrator, then the base's recommender (华科 recommends itself).
  const hostAccounts = await db
    .select({ username: accounts.username, unitId: accounts.unitId, recommenderId: accounts.recommenderId })
    .from(accounts)
    .innerJoin(roleGrants, eq(roleGrants.accountId, accounts.id))
    .where(and(eq(accounts.isDemo, true), eq(roleGrants.status, "approved")));
  const reports = await db
    .select({
      id: annualReports.id,
      version: annualReports.version,
      unitId: annualReports.unitId,
      recommenderId: annualReports.recommenderId,
      baseName: bases.standardName,
      field: bases.field,
    })
    .from(annualReports)
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .where(eq(annualReports.roundId, opened.id))
    .orderBy(asc(bases.standardName));
  for (const report of reports) {
    const unitAdmin = hostAccounts.find(
      (account) => account.unitId === report.unitId && account.username.startsWith("app."),
    );
    const recommender = hostAccounts.find((account) => account.recommenderId === report.recommenderId);
    // A base whose unit has nobody to report is left to the deadline job below (未按规定提交, Art. 22).
    if (!unitAdmin || !recommender) continue;
    const unit = await as(unitAdmin.username, -130);
    await saveReport(unit, {
      reportId: report.id,
      content: reportContent(report.field, report.baseName),
      version: report.version,
    });
    for (const event of ["submit-report", "unit-approve"] as const) {
      await fireReportEvent(await as(unitAdmin.username, -125), { reportId: report.id, request: { event } });
    }
    await fireReportEvent(await as(recommender.username, -120), {
      reportId: report.id,
      request: { event: "recommender-approve" },
    });
  }

  await markMissedReports(on(-89));
  await startEvaluation(await as("officer", -88), opened.id);

  // Each report under evaluation gets its expert review: drawn, accepted, declared, scored, submitted, concluded.
  const officer = await as("officer", -85);
  const reviewed = await db
    .select({ id: annualReports.id, field: bases.field })
    .from(annualReports)
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .where(and(eq(annualReports.roundId, opened.id), eq(annualReports.state, "under-evaluation")));
  const leaves = defaultEvaluationRubric(year).indicators.map((indicator) => indicator.id);
  for (const report of reviewed) {
    const roundId = await createReviewRound(officer.deps, officer.actor, {
      targetKind: "annual-report",
      targetId: report.id,
      settings: {
        draw: { panelSize: 3, backups: 0, fields: drawFields[report.field] ?? [report.field] },
        aggregation: {},
      },
    });
    await drawExperts(officer.deps, officer.actor, roundId, {});
    const panel = await db
      .select({ id: reviewAssignments.id, role: reviewAssignments.role, username: accounts.username })
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .innerJoin(accounts, eq(accounts.id, experts.accountId))
      .where(eq(reviewAssignments.roundId, roundId))
      .orderBy(asc(reviewAssignments.id));
    const scores = panelScores[report.field] ?? [7, 7, 7];
    for (const [index, seat] of panel.entries()) {
      const expert = await as(seat.username, -80);
      const score = scores[index % scores.length]!;
      for (const event of ["accept", "declare"] as const) {
        await applyAssignmentEvent(expert.deps, expert.actor, {
          assignmentId: seat.id,
          event,
          ...(event === "declare" ? { statement: "本人与该基地及其依托单位无利益冲突。" } : {}),
        });
      }
      await saveScores(expert.deps, expert.actor, seat.id, {
        scores: Object.fromEntries(leaves.map((leaf) => [leaf, score])),
        comments: {},
        opinion:
          score >= 8
            ? "年度合作成效明显，管理规范。"
            : score >= 6
              ? "完成年度任务，合作深度有待提升。"
              : "年度合作活动少，成果不足。",
        recommendation: null,
      });
      await applyAssignmentEvent(expert.deps, expert.actor, { assignmentId: seat.id, event: "submit" });
    }
    const leader = panel.find((seat) => seat.role === "leader")!;
    const chair = await as(leader.username, -75);
    await writePanelOpinion(chair.deps, chair.actor, {
      roundId,
      leaderAssignmentId: leader.id,
      opinion: "专家组审阅年度工作报告后形成一致意见，评分如各专家所列。",
    });
  }

  const round = async () => (await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, opened.id)))[0]!;
  await confirmGrades(await as("officer", -60), {
    roundId: opened.id,
    input: { version: (await round()).version, excellentAtTie: [] },
  });
  await setFunding(await as("officer", -58), {
    roundId: opened.id,
    input: { version: (await round()).version, funding: { excellent: 300_000, qualified: 100_000, unqualified: 0 } },
  });
  await publishGrades(await as("officer", -55), { roundId: opened.id, version: (await round()).version });

  // The 不合格 base's host unit files its rectification plan (Art. 24); the case stays open until its due date.
  const cases = await db
    .select({ id: rectificationCases.id, unitId: rectificationCases.unitId })
    .from(rectificationCases)
    .where(eq(rectificationCases.roundId, opened.id));
  for (const rectification of cases) {
    const unitAdmin = hostAccounts.find(
      (account) => account.unitId === rectification.unitId && account.username.startsWith("app."),
    );
    if (!unitAdmin) continue;
    const unit = await as(unitAdmin.username, -52);
    const version = async () =>
      (await db.select().from(rectificationCases).where(eq(rectificationCases.id, rectification.id)))[0]!.version;
    await saveRectificationText(unit, {
      caseId: rectification.id,
      field: "plan",
      text: "一、补签到期合作协议并新增 1 家合作机构；二、设立基地专职管理岗位 2 名；三、每季度向推荐部门报送合作进展。",
      expectedVersion: await version(),
    });
    await fireRectificationEvent(await as(unitAdmin.username, -50), {
      caseId: rectification.id,
      event: "file-plan",
      expectedVersion: await version(),
    });
  }
}
