import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { achievements, annualReports, auditLog, baseEvents } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/** Every role but the department's officer; none of them may list, publish or withdraw. */
const otherRoles = ["app.hust", "app.yichang", "rec.wuhan", "expert", "evaluator", "sysadmin", "secadmin", "auditor"];

describe.each(databaseKinds())("published achievements (Art. 16.4) on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let heldReport: { id: string; baseId: string; unitName: string; baseName: string };
  let pendingReportId: string;
  const statuses: number[] = [];
  const seen = (response: LightMyRequestResponse) => {
    statuses.push(response.statusCode);
    return response;
  };
  const input = () => ({
    reportId: heldReport.id,
    title: "激光增材制造联合研发",
    summary: "与弗劳恩霍夫激光技术研究所联合攻关大尺寸构件激光增材制造工艺，形成国际专利 1 项。",
    partner: "弗劳恩霍夫激光技术研究所",
    country: "DE",
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    // The demo's 华科 report is with the department (submitted); 光谷激光's still waits for its recommender.
    const [held] = await t.database.db.select().from(annualReports).where(eq(annualReports.state, "submitted"));
    const detail = (await officer.get(`/api/annual-reports/${held!.id}`)).json();
    heldReport = { id: held!.id, baseId: held!.baseId, unitName: detail.unitName, baseName: detail.baseName };
    const [pending] = await t.database.db
      .select()
      .from(annualReports)
      .where(eq(annualReports.state, "recommender-review"));
    pendingReportId = pending!.id;
  });
  afterAll(async () => {
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    await t.close();
  });

  it("asks for a session (401) and refuses every role but the officer (403) on each department route", async () => {
    const routes = [
      ["GET", "/api/achievements?year=2025"],
      ["POST", "/api/achievements"],
      ["POST", "/api/achievements/any/withdraw"],
    ] as const;
    for (const [method, url] of routes) {
      const anonymous = seen(await t.anonymous.request({ method, url, payload: method === "POST" ? {} : undefined }));
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
    for (const username of otherRoles) {
      const agent = await t.login(username);
      for (const [method, url] of routes) {
        const response = seen(await agent.request({ method, url, ...(method === "POST" ? { payload: input() } : {}) }));
        expect(response.statusCode, `${username} ${method} ${url}`).toBe(403);
      }
    }
    expect(await t.database.db.select().from(achievements)).toEqual([]);
  });

  it("answers 400 with each field's path and a Chinese and English message, and never stores bad input", async () => {
    const bad = seen(
      await officer.post("/api/achievements", { reportId: heldReport.id, title: " ", summary: "", country: "de" }),
    );
    expect(bad.statusCode).toBe(400);
    const errors: Array<{ path: string; messageZh: string; messageEn: string }> = bad.json().errors;
    expect(errors.map((error) => error.path).sort()).toEqual(["country", "summary", "title"]);
    const title = errors.find((error) => error.path === "title")!;
    expect(title.messageZh).toBe("请填写成果名称");
    expect(title.messageEn).toBe("The title is required");
    const unknown = seen(await officer.post("/api/achievements", { ...input(), country: "ZZ" }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: "country", messageZh: expect.stringMatching(/国家/) });
    const extra = seen(await officer.post("/api/achievements", { ...input(), baseId: "x" }));
    expect(extra.statusCode).toBe(400);
    const long = seen(await officer.post("/api/achievements", { ...input(), title: "长".repeat(201) }));
    expect(long.json().errors[0]).toMatchObject({ path: "title", messageEn: "The title is at most 200 characters" });
    const badYear = seen(await officer.get("/api/achievements?year=abc"));
    expect(badYear.statusCode).toBe(400);
    expect(seen(await t.anonymous.get("/api/public/achievements?year=abc")).statusCode).toBe(400);
    expect(await t.database.db.select().from(achievements)).toEqual([]);
  });

  it("answers 404 for a report or an achievement that does not exist", async () => {
    const missing = seen(await officer.post("/api/achievements", { ...input(), reportId: "no-such-report" }));
    expect(missing.statusCode).toBe(404);
    const withdraw = seen(await officer.post("/api/achievements/no-such/withdraw", { version: 1, reason: "误发" }));
    expect(withdraw.statusCode).toBe(404);
    expect(seen(await officer.get("/api/annual-reports/no-such/achievement-candidates")).statusCode).toBe(404);
  });

  it("refuses a report that has not reached the department, citing Art. 16.4, and audits the refusal", async () => {
    const refused = seen(await officer.post("/api/achievements", { ...input(), reportId: pendingReportId }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "report-not-with-department", article: "16.4" });
    const candidates = seen(await officer.get(`/api/annual-reports/${pendingReportId}/achievement-candidates`));
    expect(candidates.json()).toMatchObject({ availableActions: [], publishRefusal: { article: "16.4" } });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "achievement.publish"), eq(auditLog.outcome, "refused")));
    expect(entries.some((entry) => entry.reason?.startsWith("report-not-with-department"))).toBe(true);
  });

  it("offers the report's joint projects to prefill, with publish for the department only", async () => {
    const candidates = seen(await officer.get(`/api/annual-reports/${heldReport.id}/achievement-candidates`)).json();
    expect(candidates.availableActions).toEqual(["publish"]);
    expect(candidates.publishRefusal).toBeNull();
    expect(candidates.projects[0]).toMatchObject({
      index: 0,
      title: "激光增材制造联合研发",
      partner: "弗劳恩霍夫激光技术研究所",
      country: "DE",
      countryNameZh: "德国",
      publishedId: null,
    });
    const unit = await t.login("app.hust");
    const own = seen(await unit.get(`/api/annual-reports/${heldReport.id}/achievement-candidates`));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ availableActions: [], publishRefusal: null });
    const other = await t.login("app.yichang");
    expect(seen(await other.get(`/api/annual-reports/${heldReport.id}/achievement-candidates`)).statusCode).toBe(404);
  });

  it("publishes: the public list shows it with names and nothing internal; timeline, audit and the unit's notice", async () => {
    const published = seen(await officer.post("/api/achievements", input()));
    expect(published.statusCode).toBe(201);
    const achievement = published.json();
    expect(achievement).toMatchObject({
      reportId: heldReport.id,
      baseName: heldReport.baseName,
      unitName: heldReport.unitName,
      countryNameZh: "德国",
      withdrawnAt: null,
      version: 1,
      availableActions: ["withdraw"],
    });
    const again = seen(await officer.post("/api/achievements", input()));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "achievement-already-published", article: "16.4" });

    const list = seen(await t.anonymous.get("/api/public/achievements")).json();
    expect(list.years).toEqual([achievement.year]);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toEqual({
      id: achievement.id,
      year: achievement.year,
      title: input().title,
      summary: input().summary,
      partner: input().partner,
      countryNameZh: "德国",
      countryNameEn: "Germany",
      baseName: heldReport.baseName,
      unitName: heldReport.unitName,
      publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const otherYear = seen(await t.anonymous.get(`/api/public/achievements?year=${achievement.year - 1}`)).json();
    expect(otherYear.items).toEqual([]);

    const officerList = seen(await officer.get(`/api/achievements?year=${achievement.year}`)).json();
    expect(officerList.items.map((item: { id: string }) => item.id)).toEqual([achievement.id]);
    const candidates = seen(await officer.get(`/api/annual-reports/${heldReport.id}/achievement-candidates`)).json();
    expect(candidates.projects[0].publishedId).toBe(achievement.id);

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "achievement.publish"), eq(auditLog.targetId, achievement.id)));
    expect(audit).toMatchObject({ outcome: "success", actorName: expect.any(String), targetType: "achievement" });
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, heldReport.baseId));
    expect(timeline.map((entry) => entry.kind)).toContain("achievement-published");
    expect(await t.flushOutbox()).toBeGreaterThan(0);
  });

  it("withdraws under the version it read: the row stays, the public list hides it, and only once", async () => {
    const [row] = await t.database.db.select().from(achievements);
    const noReason = seen(await officer.post(`/api/achievements/${row!.id}/withdraw`, { version: 1, reason: "" }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ path: "reason", messageZh: "请填写撤回理由" });
    const stale = seen(await officer.post(`/api/achievements/${row!.id}/withdraw`, { version: 0, reason: "误发" }));
    expect(stale.statusCode).toBe(409);
    const withdrawn = seen(
      await officer.post(`/api/achievements/${row!.id}/withdraw`, { version: 1, reason: "合作方未同意公开" }),
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ withdrawnAt: expect.any(String), availableActions: [], version: 2 });

    const list = seen(await t.anonymous.get("/api/public/achievements")).json();
    expect(list).toEqual({ years: [], items: [] });
    const [kept] = await t.database.db.select().from(achievements).where(eq(achievements.id, row!.id));
    expect(kept).toMatchObject({ title: row!.title, withdrawnBy: expect.any(String), version: 2 });
    const officerList = seen(await officer.get("/api/achievements")).json();
    expect(officerList.items[0]).toMatchObject({ id: row!.id, withdrawnByName: expect.any(String) });

    const twice = seen(await officer.post(`/api/achievements/${row!.id}/withdraw`, { version: 2, reason: "再次" }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: "achievement-already-withdrawn", article: "16.4" });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "achievement.withdraw"), eq(auditLog.outcome, "success")));
    expect(audit).toMatchObject({ targetId: row!.id, reason: "合作方未同意公开" });
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, heldReport.baseId));
    expect(timeline.map((entry) => entry.kind)).toContain("achievement-withdrawn");

    // Withdrawn, the title is free again: the department may publish it anew.
    const republished = seen(await officer.post("/api/achievements", input()));
    expect(republished.statusCode).toBe(201);
  });
});
