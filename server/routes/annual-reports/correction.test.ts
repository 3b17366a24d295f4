import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReportContent } from "../../../contracts/annual-report";
import { accounts, annualReports, auditLog, baseEvents, bases, notifications, units } from "../../db/schema";
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

/** 10:00 China time on a China date. */
const morningOf = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** 补正 (Art. 22): the department asks the host unit to correct its report under evaluation, by a due date. */
describe.each(databaseKinds())("the correction window of an annual report on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let unit: Agent;
  let reportId: string;
  let baseId: string;
  let baseName: string;
  const events = (id: string) => `/api/annual-reports/${id}/events`;
  const request = "请补充与维也纳技术大学联合研究协议的盖章扫描件。";
  const save = (agent: Agent, content: AnnualReportContent, version: number) =>
    agent.request({
      method: "PUT",
      url: `/api/annual-reports/${reportId}`,
      payload: { content, version },
      headers: { "x-csrf-token": agent.csrfToken },
    });
  const row = async () => (await t.database.db.select().from(annualReports).where(eq(annualReports.id, reportId)))[0]!;
  const timeline = async () =>
    (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId))).filter((entry) =>
      entry.kind.startsWith("correction-"),
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    unit = await t.login("app.yichang");
    const opened = await officer.post("/api/evaluation-rounds", {
      year: 2026,
      title: "2026年度考核",
      reportDeadline: "2027-03-31",
      evaluator: "experts",
    });
    expect(opened.statusCode).toBe(201);
    const [owner] = await t.database.db.select().from(units).where(eq(units.name, "宜昌三峡新材料股份有限公司"));
    const [base] = await t.database.db.select().from(bases).where(eq(bases.unitId, owner!.id));
    baseId = base!.id;
    baseName = base!.standardName;
    const [report] = await t.database.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.roundId, opened.json().id), eq(annualReports.baseId, baseId)));
    reportId = report!.id;
    expect((await save(unit, complete, 1)).statusCode).toBe(200);
    for (const event of ["submit-report", "unit-approve"]) {
      expect((await unit.post(events(reportId), { event })).statusCode, event).toBe(200);
    }
    expect(
      (await (await t.login("rec.yichang")).post(events(reportId), { event: "recommender-approve" })).statusCode,
    ).toBe(200);
    const started = await officer.post(`/api/evaluation-rounds/${opened.json().id}/start-evaluation`, {});
    expect(started.json()).toEqual({ started: 1 });
  });
  afterAll(() => t.close());

  it("is the department's to open: 401 without a session, 403 for the unit and recommender, 404 to an expert or another unit", async () => {
    const body = { event: "open-correction", correction: { request, dueOn: "2026-03-20" } };
    expect((await t.anonymous.post(events(reportId), body)).statusCode).toBe(401);
    for (const username of ["app.yichang", "rec.yichang"]) {
      expect((await (await t.login(username)).post(events(reportId), body)).statusCode, username).toBe(403);
    }
    // An expert reads only the reports assigned to it, another unit only its own: to them this one does not exist.
    for (const username of ["expert", "app.wuhan-ent"]) {
      expect((await (await t.login(username)).post(events(reportId), body)).statusCode, username).toBe(404);
    }
    const view = (await officer.get(`/api/annual-reports/${reportId}`)).json();
    expect(view.availableEvents).toContain("open-correction");
    expect((await unit.get(`/api/annual-reports/${reportId}`)).json().availableEvents).toEqual([]);
    expect((await row()).state).toBe("under-evaluation");
  });

  it("refuses a request without its text or with a due date not after today: 400 naming Art. 22 and the field", async () => {
    const cases = [
      [{ dueOn: "2026-03-20" }, "correction.request"],
      [{ request: "   ", dueOn: "2026-03-20" }, "correction.request"],
      [{ request }, "correction.dueOn"],
      [{ request, dueOn: "2026-02-30" }, "correction.dueOn"],
      [{ request, dueOn: "2026-03-10" }, "correction.dueOn"],
      [{ request, dueOn: "2026-03-09" }, "correction.dueOn"],
    ] as const;
    for (const [correction, path] of cases) {
      const refused = await officer.post(events(reportId), { event: "open-correction", correction });
      expect(refused.statusCode, JSON.stringify(correction)).toBe(400);
      expect(refused.json()).toMatchObject({ article: "22", errors: [{ path }] });
    }
    const none = await officer.post(events(reportId), { event: "open-correction" });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe("correction.request");
    const stray = await officer.post(events(reportId), { event: "open-correction", correction: { request, due: "x" } });
    expect(stray.statusCode).toBe(400);
    expect((await row()).state).toBe("under-evaluation");
    expect(await timeline()).toEqual([]);
  });

  it("opens the window: request and due date stored with the state, audited, on the timeline, the unit notified", async () => {
    const opened = await officer.post(events(reportId), {
      event: "open-correction",
      correction: { request: `  ${request}  `, dueOn: "2026-03-20" },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      state: "correction-window",
      correctionRequest: request,
      correctionDueOn: "2026-03-20",
      availableEvents: ["withdraw"],
    });
    expect(await row()).toMatchObject({
      state: "correction-window",
      correctionRequest: request,
      correctionDueOn: "2026-03-20",
    });
    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "annual-report.open-correction"),
          eq(auditLog.targetId, reportId),
          eq(auditLog.outcome, "success"),
        ),
      );
    expect(audited).toMatchObject({
      outcome: "success",
      reason: request,
      changes: {
        state: { from: "under-evaluation", to: "correction-window" },
        article: "22",
        correction: { request, dueOn: "2026-03-20" },
      },
    });
    expect(await timeline()).toEqual([
      expect.objectContaining({
        kind: "correction-opened",
        data: { year: 2026, reportId, reason: request, dueOn: "2026-03-20" },
      }),
    ]);

    await t.flushOutbox();
    const unitAccountIds = (
      await t.database.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.unitId, (await row()).unitId))
    ).map((account) => account.id);
    const delivered = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/annual-reports/${reportId}`));
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((notice) => unitAccountIds.includes(notice.accountId))).toBe(true);
    expect(delivered[0]!.titleZh).toBe(`${baseName}2026年度工作报告需补正，截止日期2026年3月20日`);
    const inbox = (await unit.get("/api/notifications")).json();
    expect(inbox.items.map((notice: { titleZh: string }) => notice.titleZh)).toContain(delivered[0]!.titleZh);
  });

  it("lets the host unit edit and submit the correction; nobody else edits it, the officer cannot close it early", async () => {
    const view = (await unit.get(`/api/annual-reports/${reportId}`)).json();
    expect(view).toMatchObject({
      editable: true,
      availableEvents: ["submit-correction"],
      correctionDueOn: "2026-03-20",
    });
    const early = await officer.post(events(reportId), { event: "close-correction" });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: "correction-not-due", article: "22" });
    const recommender = await t.login("rec.yichang");
    expect((await save(recommender, complete, view.version)).statusCode).toBe(403);
    expect((await recommender.post(events(reportId), { event: "submit-correction" })).statusCode).toBe(403);

    const corrected = { ...complete, experience: "加强协议管理，补充了协议扫描件。" };
    const saved = await save(unit, corrected, view.version);
    expect(saved.statusCode).toBe(200);
    // On the due date itself the window is still open.
    t.clock.set(morningOf("2026-03-20"));
    unit = await t.login("app.yichang"); // the idle session has timed out meanwhile
    const submitted = await unit.post(events(reportId), { event: "submit-correction" });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: "under-evaluation", editable: false });
    expect((await row()).content.experience).toBe(corrected.experience);
    expect((await timeline()).map((entry) => entry.kind)).toEqual(["correction-opened", "correction-submitted"]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "annual-report.submit-correction"),
          eq(auditLog.targetId, reportId),
          eq(auditLog.outcome, "success"),
        ),
      );
    expect(audited).toHaveLength(1);
  });

  it("after the due date refuses the unit's submission and edits; the officer closes and the report stands as it is", async () => {
    officer = await t.login("officer");
    const opened = await officer.post(events(reportId), {
      event: "open-correction",
      correction: { request: "请补充2026年度国际培训的签到表。", dueOn: "2026-03-27" },
    });
    expect(opened.statusCode).toBe(200);
    const { version } = (await unit.get(`/api/annual-reports/${reportId}`)).json();

    t.clock.set(morningOf("2026-03-28"));
    unit = await t.login("app.yichang");
    officer = await t.login("officer");
    const view = (await unit.get(`/api/annual-reports/${reportId}`)).json();
    expect(view).toMatchObject({ state: "correction-window", editable: false, availableEvents: [] });
    const late = await unit.post(events(reportId), { event: "submit-correction" });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: "correction-overdue", article: "22" });
    const edit = await save(unit, { ...complete, experience: "逾期修改" }, version);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe("correction-overdue");

    expect((await officer.get(`/api/annual-reports/${reportId}`)).json().availableEvents).toEqual([
      "close-correction",
      "withdraw",
    ]);
    expect(
      (await (await t.login("rec.yichang")).post(events(reportId), { event: "close-correction" })).statusCode,
    ).toBe(403);
    const closed = await officer.post(events(reportId), { event: "close-correction" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().state).toBe("under-evaluation");
    const stored = await row();
    expect(stored.state).toBe("under-evaluation");
    expect(stored.content.experience).toBe("加强协议管理，补充了协议扫描件。");
    expect((await timeline()).map((entry) => entry.kind)).toEqual([
      "correction-opened",
      "correction-submitted",
      "correction-opened",
      "correction-closed",
    ]);
    const history = closed.json().events.map((entry: { event: string }) => entry.event);
    expect(history.slice(-4)).toEqual(["open-correction", "submit-correction", "open-correction", "close-correction"]);
  });
});
