import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReportContent } from "../../../contracts/annual-report";
import { defaultEvaluationRubric } from "../../../policy/annual-report/evaluation-rubric";
import { annualReports, auditLog, bases, reviewAssignments, units } from "../../db/schema";
import { assignmentsOf, expertAccountsFor } from "../../review/review.test-helpers";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { reviewMeans } from "../../yearly/report-scores";
import { annualReportTarget } from "../../yearly/report-target";

const complete: AnnualReportContent = {
  summary: "基地围绕新材料开展国际合作。",
  agreements: [
    { partner: "维也纳技术大学", country: "AT", title: "联合研究协议", startsOn: "2024-01-01", endsOn: "2028-12-31" },
  ],
  results: { jointPapers: 4, internationalPatents: 1, transfers: 0, transferIncomeWan: 0 },
  management: {
    fullTimeStaff: 2,
    rules: ["基地管理办法"],
    ipManagement: "知识产权归属按协议约定。",
    securityPlan: "已制定科技安全预案。",
    biosafetyEthics: "不涉及生物安全事项。",
    tripsAbroad: 3,
  },
  support: { recommenderWan: 20, hostUnitWan: 100, conditions: "提供实验用房 800 平方米。" },
  experience: "加强协议管理。",
  nextYearPlan: "新增 1 项联合研发项目。",
};

/** Every leaf of the year's rubric at one score (0–10): a total of score × 10. */
const uniform = (score: number) =>
  Object.fromEntries(defaultEvaluationRubric(2026).indicators.map((indicator) => [indicator.id, score]));

/** Art. 22: a submitted annual report goes under evaluation and through an expert review, like an application. */
describe.each(databaseKinds())("the annual report as an expert-review target on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let usernames: Map<string, string>;
  let roundId: string;
  let reportId: string;
  let baseName: string;
  let reviewId: string;
  const asExpert = (expertId: string) => t.login(usernames.get(expertId)!);
  const stateOf = async (id: string) =>
    (await t.database.db.select({ state: annualReports.state }).from(annualReports).where(eq(annualReports.id, id)))[0]
      ?.state;
  const awaitingIds = async () =>
    (
      (await officer.get("/api/reviews/targets?kind=annual-report&includeOpen=true")).json().items as Array<{
        id: string;
      }>
    ).map((item) => item.id);

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    usernames = await expertAccountsFor(t, "新材料");
    // The demo's round is last year's; this year's is opened here, with a report for 宜昌三峡新材料's base.
    const opened = await officer.post("/api/evaluation-rounds", {
      year: 2026,
      title: "2026年度考核",
      reportDeadline: "2027-03-31",
      evaluator: "experts",
    });
    expect(opened.statusCode).toBe(201);
    roundId = opened.json().id;
    const [unit] = await t.database.db.select().from(units).where(eq(units.name, "宜昌三峡新材料股份有限公司"));
    const [base] = await t.database.db.select().from(bases).where(eq(bases.unitId, unit!.id));
    baseName = base!.standardName;
    const [report] = await t.database.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.roundId, roundId), eq(annualReports.baseId, base!.id)));
    reportId = report!.id;
  });
  afterAll(() => t.close());

  it("takes the report to the department: saved, submitted, approved by the unit and the recommender", async () => {
    const unit = await t.login("app.yichang");
    const saved = await unit.request({
      method: "PUT",
      url: `/api/annual-reports/${reportId}`,
      payload: { content: complete, version: 1 },
      headers: { "x-csrf-token": unit.csrfToken },
    });
    expect(saved.statusCode).toBe(200);
    for (const event of ["submit-report", "unit-approve"]) {
      expect((await unit.post(`/api/annual-reports/${reportId}/events`, { event })).statusCode, event).toBe(200);
    }
    const approved = await (await t.login("rec.yichang")).post(`/api/annual-reports/${reportId}/events`, {
      event: "recommender-approve",
    });
    expect(approved.json().state).toBe("submitted");
  });

  it("refuses a review of a report not under evaluation, and does not list it as awaiting one", async () => {
    const allowed = await annualReportTarget.canStartReview!(t.database.db, reportId);
    expect(allowed).toMatchObject({ ok: false, refusal: { code: "not-under-evaluation", article: "22" } });
    expect(await annualReportTarget.canStartReview!(t.database.db, "nope")).toMatchObject({
      ok: false,
      refusal: { code: "not-found" },
    });
    const created = await officer.post("/api/reviews", { targetKind: "annual-report", targetId: reportId });
    expect(created.statusCode).toBe(409);
    expect(created.json().code).toBe("not-under-evaluation");
    expect(await awaitingIds()).not.toContain(reportId);
  });

  it("starts the evaluation for officers only: 401, 403, 404, then every submitted report in one command", async () => {
    const url = `/api/evaluation-rounds/${roundId}/start-evaluation`;
    expect((await t.anonymous.post(url, {})).statusCode).toBe(401);
    for (const username of ["app.yichang", "rec.yichang", "expert"]) {
      expect((await (await t.login(username)).post(url, {})).statusCode, username).toBe(403);
    }
    expect(await stateOf(reportId)).toBe("submitted");
    expect((await officer.post("/api/evaluation-rounds/nope/start-evaluation", {})).statusCode).toBe(404);

    const started = await officer.post(url, {});
    expect(started.statusCode).toBe(200);
    expect(started.json()).toEqual({ started: 1 });
    expect(await stateOf(reportId)).toBe("under-evaluation");
    // The other reports of the round were not submitted, and stay where they were.
    const others = await t.database.db.select().from(annualReports).where(eq(annualReports.roundId, roundId));
    expect(others.filter((r) => r.state === "under-evaluation").map((r) => r.id)).toEqual([reportId]);
    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, reportId));
    expect(audited.map((entry) => entry.action)).toContain("annual-report.start-evaluation");
    const [command] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "evaluation.start"), eq(auditLog.outcome, "success"), eq(auditLog.targetId, roundId)),
      );
    expect(command).toMatchObject({ targetId: roundId, changes: { started: 1 } });
    expect((await officer.post(url, {})).json()).toEqual({ started: 0 });
  });

  it("lists the report for the officer and opens its review with the year's rubric, the round as its batch", async () => {
    const targets = (await officer.get("/api/reviews/targets?kind=annual-report")).json().items;
    expect(targets).toContainEqual({
      kind: "annual-report",
      id: reportId,
      title: `${baseName}2026年度工作报告`,
      unitName: "宜昌三峡新材料股份有限公司",
      field: "先进材料",
      groupId: roundId,
      groupTitle: "2026年度考核",
      hasOpenRound: false,
      defaultFields: ["先进材料"],
    });
    const created = await officer.post("/api/reviews", {
      targetKind: "annual-report",
      targetId: reportId,
      settings: { draw: { panelSize: 3, backups: 1, fields: ["新材料"] } },
    });
    expect(created.statusCode).toBe(201);
    reviewId = created.json().id;
    expect(created.json()).toMatchObject({
      targetKind: "annual-report",
      targetTitle: `${baseName}2026年度工作报告`,
      unitName: "宜昌三峡新材料股份有限公司",
      groupId: roundId,
      rubric: defaultEvaluationRubric(2026),
    });
    const drawn = await officer.post(`/api/reviews/${reviewId}/draws`, {});
    expect(drawn.statusCode).toBe(201);
    expect(drawn.json().panel).toHaveLength(3);
    // The host unit's own expert is kept off its report's panel (the provider's facts carry the unit).
    expect(drawn.json().exclusions).toContainEqual(expect.objectContaining({ name: "沈冰", rule: "same-unit" }));
  });

  it("shows the panel the report as it prints; nobody else reads it", async () => {
    const [first] = await assignmentsOf(t, reviewId, "invited");
    const expert = await asExpert(first!.expertId);
    const url = `/api/reviews/assignments/${first!.id}/materials`;
    await expert.post(`/api/reviews/assignments/${first!.id}/accept`, {});
    expect((await expert.get(url)).json().code).toBe("declare-first");
    await expert.post(`/api/reviews/assignments/${first!.id}/declaration`, { conflict: false });
    const materials = await expert.get(url);
    expect(materials.statusCode).toBe(200);
    const body = materials.json();
    expect(body).toMatchObject({ title: `${baseName}2026年度工作报告`, files: [], findings: [] });
    const section = (heading: string) =>
      body.sections.find((s: { headingZh: string }) => s.headingZh === heading)?.items as Array<{
        labelZh: string;
        value: string;
      }>;
    expect(section("基地信息")).toContainEqual(
      expect.objectContaining({ labelZh: "依托单位", value: "宜昌三峡新材料股份有限公司" }),
    );
    expect(section("二、国际合作协议")[0]!.value).toContain("合作机构：维也纳技术大学");
    expect(section("九、基地管理")).toContainEqual(expect.objectContaining({ labelZh: "专职管理人员", value: "2人" }));
    expect(section("三、联合研发项目")).toEqual([{ labelZh: "内容", labelEn: "Content", value: "无" }]);

    // The host unit itself, another unit and the recommender have no review abilities; another expert is not on it.
    for (const username of ["app.yichang", "app.wuhan-ent", "rec.yichang"]) {
      expect((await (await t.login(username)).get(url)).statusCode, username).toBe(403);
    }
    expect((await (await t.login("expert")).get(url)).statusCode).toBe(404);
  });

  it("completes the review: reviewMeans gives the panel's mean; the report stays under evaluation for grading", async () => {
    expect(await reviewMeans(t.database.db, roundId)).toEqual(new Map());
    const totals = [9, 8, 6]; // 90, 80 and 60: a mean of 76.67 (the median would be 80)
    const assignments = (await assignmentsOf(t, reviewId)).sort((a, b) => a.id.localeCompare(b.id));
    expect(assignments).toHaveLength(3);
    for (const [index, assignment] of assignments.entries()) {
      const expert = await asExpert(assignment.expertId);
      if (assignment.status === "invited") {
        await expert.post(`/api/reviews/assignments/${assignment.id}/accept`, {});
        await expert.post(`/api/reviews/assignments/${assignment.id}/declaration`, { conflict: false });
      }
      const saved = await expert.post(`/api/reviews/assignments/${assignment.id}/scores`, {
        scores: uniform(totals[index]!),
      });
      expect(saved.statusCode).toBe(200);
      expect((await expert.post(`/api/reviews/assignments/${assignment.id}/submit`, {})).statusCode).toBe(200);
    }
    const [leader] = await t.database.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.roundId, reviewId), eq(reviewAssignments.role, "leader")));
    const completed = await (await asExpert(leader!.expertId)).post(`/api/reviews/${reviewId}/panel-opinion`, {
      opinion: "专家组认为该基地年度合作成效明显，管理规范。",
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json().status).toBe("completed");

    const means = await reviewMeans(t.database.db, roundId);
    expect([...means.keys()]).toEqual([reportId]);
    expect(means.get(reportId)).toBeCloseTo(230 / 3, 2);
    expect(await reviewMeans(t.database.db, "nope")).toEqual(new Map());
    expect(await stateOf(reportId)).toBe("under-evaluation");
    await t.flushOutbox();
    const inbox = (await officer.get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(
      `专家评审已完成：${baseName}2026年度工作报告（平均分 76.67）`,
    );
  });
});
