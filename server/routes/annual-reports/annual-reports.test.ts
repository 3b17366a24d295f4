import { and, eq, inArray, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReportContent } from "../../../contracts/annual-report";
import { auditLog, baseEvents, bases, units } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

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

describe.each(databaseKinds())("annual reports on %s", (kind) => {
  let t: TestApp;
  let baseId: string;
  let reportId: string;
  const put = (agent: Awaited<ReturnType<TestApp["login"]>>, url: string, payload: object) =>
    agent.request({ method: "PUT", url, payload, headers: { "x-csrf-token": agent.csrfToken } });

  beforeAll(async () => {
    t = await startTestApp(kind);
    // The demo gives 宜昌三峡新材料 a base; the demo's own round is last year's, so these tests open this year's.
    const [unit] = await t.database.db.select().from(units).where(eq(units.name, "宜昌三峡新材料股份有限公司"));
    const [base] = await t.database.db.select().from(bases).where(eq(bases.unitId, unit!.id));
    baseId = base!.id;
  });
  afterAll(() => t.close());

  it("opens a year's evaluation with a report for every base still in the series by the year's end", async () => {
    const officer = await t.login("officer");
    const wrong = await officer.post("/api/evaluation-rounds", {
      year: 2026,
      title: "2026年度考核",
      reportDeadline: "2026-12-31",
      evaluator: "experts",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(["reportDeadline"]);
    const opened = await officer.post("/api/evaluation-rounds", {
      year: 2026,
      title: "2026年度考核",
      reportDeadline: "2027-03-31",
      evaluator: "experts",
    });
    expect(opened.statusCode).toBe(201);
    const cohort = await t.database.db
      .select({ id: bases.id })
      .from(bases)
      .where(and(inArray(bases.status, ["active", "rectifying"]), lte(bases.recognizedOn, "2026-12-31")));
    expect(opened.json().reports).toBe(cohort.length);
    expect(cohort.map((b) => b.id)).toContain(baseId);
    const again = await officer.post("/api/evaluation-rounds", {
      year: 2026,
      title: "重复",
      reportDeadline: "2027-04-30",
      evaluator: "experts",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("round-exists");
    const rounds = (await officer.get("/api/evaluation-rounds")).json().items;
    expect(rounds[0]).toMatchObject({ year: 2026, status: "open", counts: { "awaiting-report": cohort.length } });
  });

  it("shows each unit and recommender only its own reports; another's is a 404", async () => {
    const own = (await (await t.login("app.yichang")).get("/api/annual-reports?year=2026")).json().items;
    expect(own.map((r: { baseId: string }) => r.baseId)).toEqual([baseId]);
    reportId = own[0].id;
    const wuhanEnt = (await (await t.login("app.wuhan-ent")).get("/api/annual-reports?year=2026")).json().items;
    expect(wuhanEnt.map((r: { id: string }) => r.id)).not.toContain(reportId);
    expect((await (await t.login("app.wuhan-ent")).get(`/api/annual-reports/${reportId}`)).statusCode).toBe(404);
    const yichang = (await (await t.login("rec.yichang")).get("/api/annual-reports?year=2026")).json().items;
    expect(yichang.map((r: { id: string }) => r.id)).toContain(reportId);
    const wuhan = await t.login("rec.wuhan");
    expect(
      (await wuhan.get("/api/annual-reports?year=2026")).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(reportId);
    expect(
      (await wuhan.post(`/api/annual-reports/${reportId}/events`, { event: "recommender-approve" })).statusCode,
    ).toBe(404);
    expect((await (await t.login("officer")).get("/api/annual-reports?year=2026")).json().items.length).toBeGreaterThan(
      1,
    );
  });

  it("refuses an incomplete submission naming each missing part, then takes the completed report", async () => {
    const unit = await t.login("app.yichang");
    const early = await unit.post(`/api/annual-reports/${reportId}/events`, { event: "submit-report" });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: "report-incomplete", article: "22" });
    expect(early.json().errors.map((e: { path: string }) => e.path)).toContain("management");
    const detail = (await unit.get(`/api/annual-reports/${reportId}`)).json();
    expect(detail).toMatchObject({ editable: true, availableEvents: ["submit-report"] });
    const bad = await put(unit, `/api/annual-reports/${reportId}`, {
      content: { ...complete, agreements: [{ ...complete.agreements![0], endsOn: "2027-02-30" }] },
      version: detail.version,
    });
    expect(bad.statusCode).toBe(400);
    const saved = await put(unit, `/api/annual-reports/${reportId}`, { content: complete, version: detail.version });
    expect(saved.statusCode).toBe(200);
    const stale = await put(unit, `/api/annual-reports/${reportId}`, { content: complete, version: detail.version });
    expect(stale.json().code).toBe("stale-version");
    const submitted = await unit.post(`/api/annual-reports/${reportId}/events`, { event: "submit-report" });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: "unit-review", missing: [], editable: false });
    expect((await put(unit, `/api/annual-reports/${reportId}`, { content: {}, version: 3 })).json().code).toBe(
      "report-not-editable",
    );
  });

  it("goes through the unit's and the recommender's review; a return needs a reason; the base's timeline records it", async () => {
    const unit = await t.login("app.yichang");
    const approved = await unit.post(`/api/annual-reports/${reportId}/events`, { event: "unit-approve" });
    expect(approved.json().state).toBe("recommender-review");
    expect(
      (await unit.post(`/api/annual-reports/${reportId}/events`, { event: "recommender-approve" })).statusCode,
    ).toBe(403);
    const recommender = await t.login("rec.yichang");
    const noReason = await recommender.post(`/api/annual-reports/${reportId}/events`, { event: "return-report" });
    expect(noReason.json()).toMatchObject({ code: "reason-required" });
    const returned = await recommender.post(`/api/annual-reports/${reportId}/events`, {
      event: "return-report",
      reason: "请补充联合研发项目情况。",
    });
    expect(returned.json().state).toBe("awaiting-report");
    await unit.post(`/api/annual-reports/${reportId}/events`, { event: "submit-report" });
    await unit.post(`/api/annual-reports/${reportId}/events`, { event: "unit-approve" });
    const done = await recommender.post(`/api/annual-reports/${reportId}/events`, { event: "recommender-approve" });
    expect(done.json()).toMatchObject({ state: "submitted", availableEvents: [] });
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId));
    // The demo's graded year left its own entries on the base: this year's are the ones this report made.
    expect(timeline.filter((entry) => entry.data.year === 2026).map((entry) => entry.kind)).toEqual([
      "report-submitted",
      "report-unit-approved",
      "report-returned",
      "report-submitted",
      "report-unit-approved",
      "report-approved",
    ]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "annual-report.recommender-approve"), eq(auditLog.targetId, reportId)));
    // The refused attempts (the unit's, another jurisdiction's) are on record as refusals beside the one success.
    expect(audited.filter((entry) => entry.outcome === "success")).toHaveLength(1);
    expect(audited.filter((entry) => entry.outcome === "refused").length).toBeGreaterThanOrEqual(1);
  });

  it("marks a report not submitted only once the deadline has passed", async () => {
    const officer = await t.login("officer");
    const others = (await officer.get("/api/annual-reports?year=2026&state=awaiting-report")).json().items;
    const other = others[0].id;
    const early = await officer.post(`/api/annual-reports/${other}/events`, { event: "mark-not-submitted" });
    expect(early.json()).toMatchObject({ code: "deadline-not-passed", article: "22" });
    t.clock.set(new Date("2027-03-31T16:00:00Z")); // 2027-04-01 00:00 in China
    const marked = await (await t.login("officer")).post(`/api/annual-reports/${other}/events`, {
      event: "mark-not-submitted",
    });
    expect(marked.json().state).toBe("not-submitted");
  });
});
