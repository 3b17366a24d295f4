import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReportContent } from "../../../contracts/annual-report";
import { defaultEvaluationRubric } from "../../../policy/annual-report/evaluation-rubric";
import { hashPassword } from "../../auth/passwords";
import {
  accounts,
  annualReports,
  auditLog,
  baseEvents,
  bases,
  evaluationRounds,
  evaluatorScores,
  outbox,
  roleGrants,
  units,
} from "../../db/schema";
import { demoPassword } from "../../demo/demo-accounts";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

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

const leafIds = defaultEvaluationRubric(2026).indicators.map((indicator) => indicator.id);
const uniform = (score: number) => Object.fromEntries(leafIds.map((id) => [id, score]));

/** 委托第三方评估机构 (Art. 16.3, 22): a third-party round, entrusted, scored by its evaluator and graded on it. */
describe.each(databaseKinds())("the third-party evaluator on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let evaluator: Agent;
  let otherEvaluator: Agent;
  let evaluatorAccountId: string;
  let otherEvaluatorAccountId: string;
  let roundId: string;
  let reportId: string;
  let baseId: string;
  let otherReportId: string;
  let expertsRoundReportId: string;
  const put = (agent: Agent, url: string, payload: unknown) =>
    agent.request({ method: "PUT", url, payload: payload as object });
  const accountIdOf = async (username: string) =>
    (await t.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)))[0]!.id;

  /** A second evaluator organization: an account with the approved evaluator role, as the 三员 would grant it. */
  async function createEvaluator(username: string): Promise<string> {
    const id = randomUUID();
    const now = t.clock.now();
    await t.database.db.insert(accounts).values({
      id,
      username,
      displayName: "另一评估机构",
      passwordHash: await hashPassword(demoPassword),
      mustChangePassword: false,
      isDemo: true,
      createdAt: now,
      unitId: null,
      recommenderId: null,
    });
    await t.database.db.insert(roleGrants).values({
      id: randomUUID(),
      accountId: id,
      role: "evaluator",
      status: "approved",
      requestedAt: now,
      decidedAt: now,
    });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    const opened = await officer.post("/api/evaluation-rounds", {
      year: 2026,
      title: "2026年度考核（第三方评估）",
      reportDeadline: "2027-03-31",
      evaluator: "third-party",
    });
    expect(opened.statusCode).toBe(201);
    roundId = opened.json().id;
    const [unit] = await t.database.db.select().from(units).where(eq(units.name, "宜昌三峡新材料股份有限公司"));
    const [base] = await t.database.db.select().from(bases).where(eq(bases.unitId, unit!.id));
    baseId = base!.id;
    const reports = await t.database.db.select().from(annualReports).where(eq(annualReports.roundId, roundId));
    reportId = reports.find((report) => report.baseId === baseId)!.id;
    otherReportId = reports.find((report) => report.baseId !== baseId)!.id;
    const [expertsReport] = await t.database.db
      .select({ id: annualReports.id })
      .from(annualReports)
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
      .where(and(eq(evaluationRounds.evaluator, "experts"), ne(annualReports.state, "awaiting-report")));
    expertsRoundReportId = expertsReport!.id;

    const unitAgent = await t.login("app.yichang");
    const saved = await put(unitAgent, `/api/annual-reports/${reportId}`, { content: complete, version: 1 });
    expect(saved.statusCode).toBe(200);
    for (const event of ["submit-report", "unit-approve"]) {
      expect((await unitAgent.post(`/api/annual-reports/${reportId}/events`, { event })).statusCode, event).toBe(200);
    }
    const approved = await (await t.login("rec.yichang")).post(`/api/annual-reports/${reportId}/events`, {
      event: "recommender-approve",
    });
    expect(approved.json().state).toBe("submitted");
    expect((await officer.post(`/api/evaluation-rounds/${roundId}/start-evaluation`, {})).json()).toEqual({
      started: 1,
    });

    evaluator = await t.login("evaluator");
    evaluatorAccountId = await accountIdOf("evaluator");
    otherEvaluatorAccountId = await createEvaluator("evaluator.other");
    otherEvaluator = await t.login("evaluator.other");
  });
  afterAll(() => t.close());

  const entrustmentUrl = () => `/api/evaluation-rounds/${roundId}/entrustment`;
  const taskUrl = (id = reportId) => `/api/evaluator/tasks/${id}`;

  it("shows the officer whom the round may be entrusted to, and nothing to the evaluator before it is", async () => {
    const view = await officer.get(entrustmentUrl());
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      roundId,
      evaluator: "third-party",
      entrustment: null,
      availableActions: ["entrust"],
    });
    const ids = (view.json().evaluators as Array<{ accountId: string }>).map((option) => option.accountId);
    expect(ids).toEqual(expect.arrayContaining([evaluatorAccountId, otherEvaluatorAccountId]));
    expect(ids).not.toContain(await accountIdOf("officer"));
    expect((await evaluator.get(entrustmentUrl())).statusCode).toBe(404);
    expect((await evaluator.get("/api/evaluator/tasks")).json()).toEqual({ items: [] });
    expect((await evaluator.get(`/api/annual-reports/${reportId}`)).statusCode).toBe(404);
    expect((await officer.get("/api/evaluation-rounds/nope/entrustment")).statusCode).toBe(404);
  });

  it("entrusts for the department only: 401, 403, 404, 409 for an experts round, 400 naming the account field", async () => {
    const body = { evaluatorAccountId };
    expect((await put(t.anonymous, entrustmentUrl(), body)).statusCode).toBe(401);
    for (const username of ["app.yichang", "rec.yichang", "expert", "evaluator"]) {
      expect((await put(await t.login(username), entrustmentUrl(), body)).statusCode, username).toBe(403);
    }
    expect((await put(officer, "/api/evaluation-rounds/nope/entrustment", body)).statusCode).toBe(404);
    const [expertsRound] = await t.database.db
      .select({ id: evaluationRounds.id })
      .from(evaluationRounds)
      .where(eq(evaluationRounds.evaluator, "experts"));
    const experts = await put(officer, `/api/evaluation-rounds/${expertsRound!.id}/entrustment`, body);
    expect(experts.statusCode).toBe(409);
    expect(experts.json()).toMatchObject({ code: "round-not-third-party", article: "22" });
    for (const accountId of [await accountIdOf("officer"), await accountIdOf("expert"), "nope"]) {
      const refused = await put(officer, entrustmentUrl(), { evaluatorAccountId: accountId });
      expect(refused.statusCode, accountId).toBe(400);
      expect(refused.json().errors.map((error: { path: string }) => error.path)).toEqual(["evaluatorAccountId"]);
    }
    expect((await put(officer, entrustmentUrl(), { evaluatorAccountId: "" })).statusCode).toBe(400);

    const entrusted = await put(officer, entrustmentUrl(), body);
    expect(entrusted.statusCode).toBe(200);
    expect(entrusted.json().entrustment).toMatchObject({
      roundId,
      evaluatorAccountId,
      evaluatorName: "第三方评估机构",
      entrustedByName: expect.any(String),
    });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "evaluation.entrust"), eq(auditLog.targetId, roundId)));
    // The three refused accounts and the entrustment (the 403s stop at the edge, before the command).
    expect(audited.map((entry) => entry.outcome).sort()).toEqual(["refused", "refused", "refused", "success"]);
    const notices = await t.database.db.select().from(outbox).where(eq(outbox.kind, "notify"));
    expect(notices.map((row) => row.payload)).toContainEqual(
      expect.objectContaining({ accountIds: [evaluatorAccountId], link: "/evaluator-tasks" }),
    );
    // The evaluator sees its own entrustment, without the officer's options or actions.
    expect((await evaluator.get(entrustmentUrl())).json()).toMatchObject({
      entrustment: { evaluatorAccountId },
      evaluators: [],
      availableActions: [],
    });
    expect((await otherEvaluator.get(entrustmentUrl())).statusCode).toBe(404);
  });

  it("lets the evaluator read only its round's reports under evaluation; everyone else's are 404", async () => {
    const rounds = async (agent: Agent) =>
      (await agent.get("/api/evaluation-rounds")).json().items.map((round: { id: string }) => round.id);
    expect(await rounds(evaluator)).toEqual([roundId]);
    expect(await rounds(otherEvaluator)).toEqual([]);
    expect((await rounds(officer)).length).toBeGreaterThan(1);
    const tasks = (await evaluator.get("/api/evaluator/tasks")).json().items;
    expect(tasks).toEqual([
      expect.objectContaining({ reportId, roundId, year: 2026, scoreState: "not-started", total: null }),
    ]);
    const report = await evaluator.get(`/api/annual-reports/${reportId}`);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ id: reportId, state: "under-evaluation", availableEvents: [] });
    expect(report.json().abilities).toEqual(["annual-report.read"]);
    const listed = (await evaluator.get("/api/annual-reports")).json().items.map((item: { id: string }) => item.id);
    expect(listed).toEqual([reportId]);
    expect((await evaluator.get(`/api/annual-reports/${reportId}/files`)).statusCode).toBe(200);
    expect((await evaluator.get(`/api/annual-reports/${reportId}/document?format=docx`)).statusCode).toBe(200);
    expect((await otherEvaluator.get(`/api/annual-reports/${reportId}/document?format=docx`)).statusCode).toBe(404);
    expect((await otherEvaluator.get(`/api/annual-reports/${reportId}/files`)).statusCode).toBe(404);
    for (const id of [otherReportId, expertsRoundReportId]) {
      expect((await evaluator.get(`/api/annual-reports/${id}`)).statusCode, id).toBe(404);
      expect((await evaluator.get(taskUrl(id))).statusCode, id).toBe(404);
      expect((await put(evaluator, taskUrl(id), { scores: {}, version: 0 })).statusCode, id).toBe(404);
    }
    // Another evaluator organization sees nothing of a round not entrusted to it.
    expect((await otherEvaluator.get("/api/evaluator/tasks")).json()).toEqual({ items: [] });
    expect((await otherEvaluator.get("/api/annual-reports")).json().items).toEqual([]);
    expect((await otherEvaluator.get(`/api/annual-reports/${reportId}`)).statusCode).toBe(404);
    expect((await otherEvaluator.get(taskUrl())).statusCode).toBe(404);
    expect((await put(otherEvaluator, taskUrl(), { scores: {}, version: 0 })).statusCode).toBe(404);
    expect((await otherEvaluator.post(`${taskUrl()}/submit`, { version: 0 })).statusCode).toBe(404);
    // The task routes are the evaluator's alone.
    expect((await t.anonymous.get("/api/evaluator/tasks")).statusCode).toBe(401);
    for (const username of ["officer", "expert", "app.yichang", "rec.yichang"]) {
      expect((await (await t.login(username)).get("/api/evaluator/tasks")).statusCode, username).toBe(403);
    }
  });

  it("re-entrusts while nothing is submitted, dropping the previous evaluator's drafts", async () => {
    expect((await put(evaluator, taskUrl(), { scores: { security: 5 }, version: 0 })).statusCode).toBe(200);
    expect((await put(officer, entrustmentUrl(), { evaluatorAccountId: otherEvaluatorAccountId })).statusCode).toBe(
      200,
    );
    expect(await t.database.db.select().from(evaluatorScores).where(eq(evaluatorScores.roundId, roundId))).toEqual([]);
    expect((await evaluator.get(taskUrl())).statusCode).toBe(404);
    expect((await otherEvaluator.get("/api/evaluator/tasks")).json().items).toHaveLength(1);
    expect((await put(officer, entrustmentUrl(), { evaluatorAccountId })).statusCode).toBe(200);
    expect((await otherEvaluator.get(taskUrl())).statusCode).toBe(404);
  });

  it("saves a draft: each score within its leaf's range, else 400 naming it; a stale version 409", async () => {
    const task = (await evaluator.get(taskUrl())).json();
    expect(task).toMatchObject({
      version: 0,
      scores: {},
      opinion: "",
      availableActions: ["save", "submit", "record-onsite-check"],
    });
    expect(task.rubric.indicators.map((indicator: { id: string }) => indicator.id)).toEqual(leafIds);

    const bad = await put(evaluator, taskUrl(), { scores: { "basic-conditions": 11, nope: 1 }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(["scores.basic-conditions", "scores.nope"]);
    expect((await put(evaluator, taskUrl(), { scores: { security: -1 }, version: 0 })).statusCode).toBe(400);
    expect((await put(evaluator, taskUrl(), { scores: {}, version: 0, extra: 1 })).statusCode).toBe(400);

    const saved = await put(evaluator, taskUrl(), { scores: { "basic-conditions": 8 }, opinion: "", version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, scoreState: "draft", scores: { "basic-conditions": 8 } });
    expect((await put(evaluator, taskUrl(), { scores: {}, version: 0 })).statusCode).toBe(409);
  });

  it("holds the grading while the report is unscored, and refuses an incomplete submission naming each gap", async () => {
    const grading = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(grading.blockers.map((issue: { path: string }) => issue.path)).toContain(`reports.${reportId}`);

    const incomplete = await evaluator.post(`${taskUrl()}/submit`, { version: 1 });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: "score-incomplete", article: "22" });
    expect(incomplete.json().errors.map((error: { path: string }) => error.path)).toEqual([
      ...leafIds.filter((id) => id !== "basic-conditions").map((id) => `scores.${id}`),
      "opinion",
    ]);
    expect((await evaluator.post(`${taskUrl()}/submit`, { version: 0 })).statusCode).toBe(409);
  });

  it("submits a complete score: stored in hundredths, on the timeline, the officers told, the report's grade score", async () => {
    const saved = await put(evaluator, taskUrl(), { scores: uniform(9), opinion: "合作成效显著。", version: 1 });
    expect(saved.statusCode).toBe(200);
    const submitted = await evaluator.post(`${taskUrl()}/submit`, { version: 2 });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      scoreState: "submitted",
      total: 90,
      version: 3,
      submittedAt: expect.any(String),
      availableActions: ["record-onsite-check"],
    });
    const [row] = await t.database.db.select().from(evaluatorScores).where(eq(evaluatorScores.reportId, reportId));
    expect(row).toMatchObject({ totalCenti: 9000, evaluatorAccountId, opinion: "合作成效显著。" });
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId));
    expect(timeline.find((entry) => entry.kind === "evaluator-scored")?.data).toMatchObject({
      year: 2026,
      reportId,
      score: 90,
    });
    const notices = (await t.database.db.select().from(outbox)).map((entry) => entry.payload);
    expect(notices).toContainEqual(expect.objectContaining({ link: `/evaluation/${roundId}` }));
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, reportId), eq(auditLog.outcome, "success")));
    expect(audited.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["evaluation.score-save", "evaluation.score-submit"]),
    );

    const grading = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(grading.lines.find((line: { reportId: string }) => line.reportId === reportId)).toMatchObject({ score: 90 });
    expect(grading.blockers.map((issue: { path: string }) => issue.path)).not.toContain(`reports.${reportId}`);
    expect((await evaluator.get("/api/evaluator/tasks")).json().items).toEqual([
      expect.objectContaining({ reportId, scoreState: "submitted", total: 90 }),
    ]);
  });

  it("records an on-site check on its round's reports under evaluation only (Art. 22)", async () => {
    const url = `/api/evaluation-rounds/${roundId}/onsite-checks`;
    const body = {
      reportId,
      checkedOn: "2026-03-09",
      findings: "现场查看联合实验室，协议原件齐全。",
      fraudFound: false,
    };
    for (const [agent, id] of [
      [otherEvaluator, reportId],
      [evaluator, otherReportId],
    ] as const) {
      expect((await agent.post(url, { ...body, reportId: id })).statusCode).toBe(404);
    }
    const [expertsReport] = await t.database.db
      .select({ roundId: annualReports.roundId })
      .from(annualReports)
      .where(eq(annualReports.id, expertsRoundReportId));
    const elsewhere = await evaluator.post(`/api/evaluation-rounds/${expertsReport!.roundId}/onsite-checks`, {
      ...body,
      reportId: expertsRoundReportId,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect((await (await t.login("expert")).post(url, body)).statusCode).toBe(403);
    const recorded = await evaluator.post(url, body);
    expect(recorded.statusCode).toBe(201);
    const grading = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(grading.onsiteChecks).toEqual([expect.objectContaining({ reportId, fraudFound: false })]);
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId));
    expect(timeline.map((entry) => entry.kind)).toContain("onsite-checked");
  });

  it("refuses a resubmission, a save after it and a new entrustment, with 409", async () => {
    expect((await evaluator.post(`${taskUrl()}/submit`, { version: 3 })).json()).toMatchObject({
      code: "score-submitted",
    });
    expect((await evaluator.post(`${taskUrl()}/submit`, { version: 3 })).statusCode).toBe(409);
    expect((await put(evaluator, taskUrl(), { scores: uniform(10), version: 3 })).statusCode).toBe(409);
    const again = await put(officer, entrustmentUrl(), { evaluatorAccountId: otherEvaluatorAccountId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "scores-submitted", article: "16.3" });
    expect((await officer.get(entrustmentUrl())).json().availableActions).toEqual([]);
    const [row] = await t.database.db.select().from(evaluatorScores).where(eq(evaluatorScores.reportId, reportId));
    expect(row?.totalCenti).toBe(9000);
  });
});
