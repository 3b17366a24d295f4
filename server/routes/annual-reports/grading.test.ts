import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rectificationEnd } from "../../../policy/calendar/deadlines";
import {
  accounts,
  annualReports,
  baseEvents,
  bases,
  evaluationGrades,
  notifications,
  rectificationCases,
  units,
} from "../../db/schema";
import { testKeys } from "../../test/constants";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { markMissedReports } from "../../yearly/report-deadlines";

type Line = { reportId: string; baseId: string; baseName: string; grade: string | null; consequenceZh: string | null };

describe.each(databaseKinds())("grading a year on %s", (kind) => {
  let t: TestApp;
  let roundId: string;
  let deadline: string;
  let hustReport: { id: string; baseId: string };
  let yichangBaseId: string;
  const unitBase = async (name: string) => {
    const [row] = await t.database.db
      .select({ id: bases.id })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .where(eq(units.name, name));
    return row!.id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const officer = await t.login("officer");
    const round = (await officer.get("/api/evaluation-rounds")).json().items[0];
    roundId = round.id;
    deadline = round.reportDeadline;
    yichangBaseId = await unitBase("宜昌三峡新材料股份有限公司");
    // The demo's report already with the department (华中科技大学's).
    const [report] = await t.database.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.roundId, roundId), eq(annualReports.state, "submitted")));
    hustReport = { id: report!.id, baseId: report!.baseId };
    const started = await officer.post(`/api/annual-reports/${report!.id}/events`, { event: "start-evaluation" });
    expect(started.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("holds the grading while reports are on their way or unscored, naming each base", async () => {
    const officer = await t.login("officer");
    const view = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(view.confirmed).toBe(false);
    expect(view.blockers.map((b: { path: string }) => b.path)).toContain(`reports.${hustReport.id}`);
    expect(view.availableActions).not.toContain("confirm");
    const refused = await officer.post(`/api/evaluation-rounds/${roundId}/grades`, { version: view.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("cohort-not-ready");
    expect(refused.json().errors.length).toBe(view.blockers.length);
    const early = await officer.get(`/api/evaluation-rounds/${roundId}/exports/funding`);
    expect(early.statusCode).toBe(409);
  });

  it("records an on-site check for the department only, never dated in the future", async () => {
    const unit = await t.login("app.yichang");
    const body = { reportId: hustReport.id, checkedOn: "2026-03-09", findings: "合作协议系伪造。", fraudFound: true };
    expect((await unit.post(`/api/evaluation-rounds/${roundId}/onsite-checks`, body)).statusCode).toBe(403);
    expect((await unit.get(`/api/evaluation-rounds/${roundId}/grading`)).statusCode).toBe(403);
    const officer = await t.login("officer");
    const future = await officer.post(`/api/evaluation-rounds/${roundId}/onsite-checks`, {
      ...body,
      checkedOn: "2026-03-11",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe("checkedOn");
    const recorded = await officer.post(`/api/evaluation-rounds/${roundId}/onsite-checks`, body);
    expect(recorded.statusCode).toBe(201);
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, hustReport.baseId));
    expect(timeline.map((entry) => entry.kind)).toContain("onsite-checked");
  });

  it("grades the cohort once the deadline has settled every report, with each consequence, in one confirmation", async () => {
    t.clock.set(new Date(Date.parse(`${deadline}T00:00:00+08:00`) + 86_400_000));
    await markMissedReports({ database: t.database, clock: t.clock, keys: testKeys });
    const officer = await t.login("officer");
    const view = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(view.blockers).toEqual([]);
    expect(view.availableActions).toContain("confirm");
    const lines: Line[] = view.lines;
    const hust = lines.find((line) => line.reportId === hustReport.id)!;
    expect(hust).toMatchObject({ grade: "unqualified" });
    expect(hust.consequenceZh).toContain("第二十条第一项");
    const yichang = lines.find((line) => line.baseId === yichangBaseId)!;
    expect(yichang.grade).toBe("unqualified");
    expect(yichang.consequenceZh).toContain("整改");

    const recommender = await t.login("rec.yichang");
    expect(
      (await recommender.post(`/api/evaluation-rounds/${roundId}/grades`, { version: view.version })).statusCode,
    ).toBe(403);
    const stale = await officer.post(`/api/evaluation-rounds/${roundId}/grades`, { version: view.version - 1 });
    expect(stale.statusCode).toBe(409);
    const confirmed = await officer.post(`/api/evaluation-rounds/${roundId}/grades`, { version: view.version });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().graded).toBe(lines.length);
    const again = await officer.post(`/api/evaluation-rounds/${roundId}/grades`, { version: view.version + 1 });
    expect(again.statusCode).toBe(409);
    // Confirmed grades end the round: listed as 已结束, and the deadline job no longer looks at it.
    const listed = (await officer.get("/api/evaluation-rounds")).json().items;
    expect(listed.find((item: { id: string }) => item.id === roundId)).toMatchObject({ status: "closed" });

    const [hustBase] = await t.database.db.select().from(bases).where(eq(bases.id, hustReport.baseId));
    expect(hustBase!.status).toBe("revocation-proposed");
    const [hustRow] = await t.database.db.select().from(annualReports).where(eq(annualReports.id, hustReport.id));
    expect(hustRow!.state).toBe("graded");
    const [yichangBase] = await t.database.db.select().from(bases).where(eq(bases.id, yichangBaseId));
    expect(yichangBase!.status).toBe("rectifying");
    const [rectification] = await t.database.db
      .select()
      .from(rectificationCases)
      .where(eq(rectificationCases.baseId, yichangBaseId));
    expect(rectification).toMatchObject({ state: "open", year: view.year });
    expect(rectification!.dueOn).toBe(rectificationEnd(rectification!.openedOn));
    const stored = await t.database.db.select().from(evaluationGrades).where(eq(evaluationGrades.roundId, roundId));
    expect(stored).toHaveLength(lines.length);
    expect(stored[0]).toMatchObject({ edition: expect.any(String), cutoffs: { excellentMinimumScore: 85 } });
    const kinds = (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, hustReport.baseId))).map(
      (entry) => entry.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["graded", "revocation-proposed"]));
  });

  it("allocates funding by grade, exports it and the 优秀 list as Excel, and publishes the grades to the units once", async () => {
    const officer = await t.login("officer");
    let view = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(view.confirmed).toBe(true);
    const funding = { excellent: 300_000, qualified: 100_000, unqualified: 0 };
    const bad = await officer.request({
      method: "PUT",
      url: `/api/evaluation-rounds/${roundId}/funding`,
      payload: { funding: { ...funding, qualified: -1 }, version: view.version },
      headers: { "x-csrf-token": officer.csrfToken },
    });
    expect(bad.statusCode).toBe(400);
    const set = await officer.request({
      method: "PUT",
      url: `/api/evaluation-rounds/${roundId}/funding`,
      payload: { funding, version: view.version },
      headers: { "x-csrf-token": officer.csrfToken },
    });
    expect(set.statusCode).toBe(200);
    view = (await officer.get(`/api/evaluation-rounds/${roundId}/grading`)).json();
    expect(view.funding).toEqual(funding);
    const xlsx = await officer.get(`/api/evaluation-rounds/${roundId}/exports/funding`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toContain(`${view.year}年度`);
    const names: string[] = [];
    sheet.eachRow((row) => names.push(String(row.getCell(2).value)));
    for (const line of view.lines as Line[]) expect(names).toContain(line.baseName);
    expect(names).toContain("合计");
    const excellent = await officer.get(`/api/evaluation-rounds/${roundId}/exports/excellent`);
    expect(excellent.statusCode).toBe(200);

    const published = await officer.post(`/api/evaluation-rounds/${roundId}/publish`, { version: view.version });
    expect(published.statusCode).toBe(200);
    expect(
      (await officer.post(`/api/evaluation-rounds/${roundId}/publish`, { version: view.version + 1 })).statusCode,
    ).toBe(409);
    await t.flushOutbox();
    const [yichangAccount] = await t.database.db.select().from(accounts).where(eq(accounts.username, "app.yichang"));
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, yichangAccount!.id));
    expect(inbox.some((note) => note.titleZh.includes("年度绩效考核结果：不合格"))).toBe(true);
  });
});
