import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../../commands/command";
import { accounts, baseEvents, bases, notifications, rectificationCases } from "../../db/schema";
import { invocationAs } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { openRectification } from "../../yearly/rectification";

describe.each(databaseKinds())("rectification (Art. 24) on %s", (kind) => {
  let t: TestApp;
  const put = (agent: Agent, url: string, payload: object) =>
    agent.request({ method: "PUT", url, payload, headers: { "x-csrf-token": agent.csrfToken } });

  /** A base of the demo unit, graded 不合格 by the officer: the grading command's call, in its own transaction. */
  async function openCaseFor(username: string, roundId: string) {
    const unit = await t.login(username);
    const [base] = (await unit.get("/api/bases")).json().items as Array<{ id: string }>;
    const [row] = await t.database.db.select({ unitId: bases.unitId }).from(bases).where(eq(bases.id, base!.id));
    const officer = await invocationAs(t, "officer");
    const id = await execute(
      officer.deps,
      officer.actor,
      "evaluation.grade",
      { type: "base", id: base!.id },
      (context) => openRectification(context, { baseId: base!.id, unitId: row!.unitId, roundId, year: 2025 }),
    );
    return { id, baseId: base!.id, unitId: row!.unitId };
  }

  const baseStatus = async (baseId: string) =>
    (await t.database.db.select({ status: bases.status }).from(bases).where(eq(bases.id, baseId)))[0]?.status;
  const timeline = async (baseId: string) =>
    (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId))).map((entry) => ({
      kind: entry.kind,
      data: entry.data,
    }));

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("opens a case due a year later: the base is 整改中, the timeline says so and the unit is told", async () => {
    const opened = await openCaseFor("app.yichang", "round-rectification-a");
    const [row] = await t.database.db.select().from(rectificationCases).where(eq(rectificationCases.id, opened.id));
    expect(row).toMatchObject({ state: "open", openedOn: "2026-03-10", dueOn: "2027-03-09", version: 1 });
    expect(await baseStatus(opened.baseId)).toBe("rectifying");
    expect(await timeline(opened.baseId)).toContainEqual({
      kind: "rectification-opened",
      data: { article: "24", year: 2025, dueOn: "2027-03-09" },
    });
    await t.flushOutbox();
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, "app.yichang"));
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, account!.id), eq(notifications.link, `/rectifications/${opened.id}`)));
    expect(notes).toHaveLength(1);
  });

  it("walks plan → report → passed: the base is active again, every step on its timeline", async () => {
    const { id, baseId } = await openCaseFor("app.hust", "round-rectification-b");
    const unit = await t.login("app.hust");
    const officer = await t.login("officer");
    const url = `/api/rectifications/${id}`;

    expect((await unit.get("/api/rectifications")).json().items.map((item: { id: string }) => item.id)).toContain(id);
    const fresh = (await unit.get(url)).json();
    expect(fresh).toMatchObject({
      state: "open",
      planEditable: true,
      reportEditable: false,
      availableEvents: [],
      daysLeft: 364,
      baseStatus: "rectifying",
    });
    expect(fresh.abilities).toEqual(expect.arrayContaining(["rectification.read", "rectification.submit"]));

    // The report before the plan: refused on Art. 24.
    const early = await unit.post(`${url}/events`, { event: "file-report", expectedVersion: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: "plan-not-filed", article: "24" });
    expect((await put(unit, `${url}/report`, { finalReport: "x", expectedVersion: 1 })).statusCode).toBe(409);

    // Bad input names its field; a stale version is a 409.
    const bad = await put(unit, `${url}/plan`, { plan: 42, expectedVersion: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { path: string }) => error.path)).toContain("plan");
    const saved = await put(unit, `${url}/plan`, {
      plan: "一、完善国际合作管理制度；二、新增合作协议 2 项。",
      expectedVersion: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, availableEvents: ["file-plan"] });
    const stale = await put(unit, `${url}/plan`, { plan: "old", expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale-version");

    const planFiled = await unit.post(`${url}/events`, { event: "file-plan", expectedVersion: 2 });
    expect(planFiled.statusCode).toBe(200);
    expect(planFiled.json()).toMatchObject({ state: "plan-filed", planEditable: false, reportEditable: true });
    expect((await put(unit, `${url}/plan`, { plan: "changed", expectedVersion: 3 })).json()).toMatchObject({
      code: "not-editable",
      article: "24",
    });
    expect(
      (await put(unit, `${url}/report`, { finalReport: "整改措施已落实，附协议扫描件。", expectedVersion: 3 }))
        .statusCode,
    ).toBe(200);
    const reportFiled = await unit.post(`${url}/events`, { event: "file-report", expectedVersion: 4 });
    expect(reportFiled.json()).toMatchObject({ state: "report-filed", availableEvents: [] });

    // Only the department decides.
    const byUnit = await unit.post(`${url}/events`, { event: "pass", expectedVersion: 5 });
    expect(byUnit.statusCode).toBe(403);
    expect((await officer.get(url)).json().availableEvents).toEqual(["pass", "fail"]);
    expect((await officer.post(`${url}/events`, { event: "pass", expectedVersion: 4 })).statusCode).toBe(409);
    const passed = await officer.post(`${url}/events`, { event: "pass", expectedVersion: 5 });
    expect(passed.statusCode).toBe(200);
    expect(passed.json()).toMatchObject({ state: "passed", baseStatus: "active", decidedOn: "2026-03-10" });
    expect(await baseStatus(baseId)).toBe("active");
    const kinds = (await timeline(baseId)).map((entry) => entry.kind);
    for (const kind of [
      "rectification-opened",
      "rectification-plan-filed",
      "rectification-report-filed",
      "rectification-passed",
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it("still 不合格: fails with a reason, the base is proposed for revocation on Art. 20.6", async () => {
    const { id, baseId } = await openCaseFor("app.wuhan-ent", "round-rectification-c");
    const unit = await t.login("app.wuhan-ent");
    const officer = await t.login("officer");
    const url = `/api/rectifications/${id}`;
    await put(unit, `${url}/plan`, { plan: "整改方案", expectedVersion: 1 });
    await unit.post(`${url}/events`, { event: "file-plan", expectedVersion: 2 });
    await put(unit, `${url}/report`, { finalReport: "整改报告", expectedVersion: 3 });
    await unit.post(`${url}/events`, { event: "file-report", expectedVersion: 4 });

    const noReason = await officer.post(`${url}/events`, { event: "fail", expectedVersion: 5 });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: "reason-required", article: "20.6", errors: [{ path: "reason" }] });
    const failed = await officer.post(`${url}/events`, {
      event: "fail",
      reason: "国际合作项目仍未落实",
      expectedVersion: 5,
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({
      state: "failed",
      baseStatus: "revocation-proposed",
      decisionReason: "国际合作项目仍未落实",
      availableEvents: [],
    });
    expect(await baseStatus(baseId)).toBe("revocation-proposed");
    const entries = await timeline(baseId);
    expect(entries).toContainEqual({
      kind: "rectification-failed",
      data: { year: 2025, article: "24", reason: "国际合作项目仍未落实" },
    });
    expect(entries).toContainEqual({
      kind: "revocation-proposed",
      // The proposal is an open revocation case the officer decides (Art. 20).
      data: {
        year: 2025,
        ground: 6,
        article: "20.6",
        reason: "国际合作项目仍未落实",
        revocationCaseId: expect.any(String),
      },
    });
    expect((await officer.get("/api/rectifications?state=failed")).json().items).toEqual([
      expect.objectContaining({ id, state: "failed" }),
    ]);
  });

  it("scopes every read and write: another unit and another jurisdiction get 404, no session 401", async () => {
    const [row] = await t.database.db
      .select()
      .from(rectificationCases)
      .where(eq(rectificationCases.roundId, "round-rectification-a"));
    const url = `/api/rectifications/${row!.id}`;
    const other = await t.login("app.wuhan-ent");
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await put(other, `${url}/plan`, { plan: "x", expectedVersion: 1 })).statusCode).toBe(404);
    expect((await other.post(`${url}/events`, { event: "file-plan", expectedVersion: 1 })).statusCode).toBe(404);
    expect((await other.get("/api/rectifications")).json().items.map((item: { id: string }) => item.id)).not.toContain(
      row!.id,
    );

    const farRecommender = await t.login("rec.wuhan");
    expect((await farRecommender.get(url)).statusCode).toBe(404);
    expect((await farRecommender.post(`${url}/events`, { event: "pass", expectedVersion: 1 })).statusCode).toBe(404);

    const ownRecommender = await t.login("rec.yichang");
    const seen = await ownRecommender.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ planEditable: false, availableEvents: [], abilities: ["rectification.read"] });
    expect((await put(ownRecommender, `${url}/plan`, { plan: "x", expectedVersion: 1 })).statusCode).toBe(403);
    expect(
      (await ownRecommender.post(`${url}/events`, { event: "fail", reason: "x", expectedVersion: 1 })).statusCode,
    ).toBe(403);

    expect((await t.anonymous.get("/api/rectifications")).statusCode).toBe(401);
    const officer = await t.login("officer");
    expect((await officer.get("/api/rectifications?state=nope")).statusCode).toBe(400);
  });

  it("an open case with no report fails only after its year, and the unit never decides", async () => {
    const [row] = await t.database.db
      .select()
      .from(rectificationCases)
      .where(eq(rectificationCases.roundId, "round-rectification-a"));
    const url = `/api/rectifications/${row!.id}`;
    const officer = await t.login("officer");
    const running = await officer.post(`${url}/events`, { event: "fail", reason: "未整改", expectedVersion: 1 });
    expect(running.statusCode).toBe(422);
    expect(running.json()).toMatchObject({ code: "rectification-period-running", article: "24" });
    const unit = await t.login("app.yichang");
    expect((await unit.post(`${url}/events`, { event: "fail", reason: "x", expectedVersion: 1 })).statusCode).toBe(403);
  });
});
