import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, baseEvents, bases, notifications, people, revocationCases } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { docxText, multipart, tinyPdf } from "../applications/recognition.fixtures";

interface Detail {
  id: string;
  version: number;
  state: string;
  dueOn: string;
  overdue: boolean;
  filedLate: boolean | null;
  availableEvents: string[];
  effects: { warnings: Array<{ article: string }>; refusals: Array<{ article?: string }>; newStandardName: string };
}

describe.each(databaseKinds())("major change reports (Art. 18.5) on %s", (kind) => {
  let t: TestApp;

  /** Noon in China on a day: the test clock moves to it and the agents sign in again (the idle timeout). */
  const setDay = (day: string) => t.clock.set(`${day}T04:00:00.000Z`);
  const baseOf = async (agent: Agent) => {
    const [base] = (await agent.get("/api/bases")).json().items as Array<{ id: string }>;
    const [row] = await t.database.db.select().from(bases).where(eq(bases.id, base!.id));
    return row!;
  };
  const create = (agent: Agent, body: object) => agent.post("/api/change-reports", body);
  const fire = (agent: Agent, report: Detail, event: string, reason?: string) =>
    agent.post(`/api/change-reports/${report.id}/events`, {
      event,
      expectedVersion: report.version,
      ...(reason ? { reason } : {}),
    });
  const timeline = async (baseId: string, reportId: string) =>
    (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId)))
      .filter((entry) => entry.data.changeReportId === reportId)
      .map((entry) => ({ kind: entry.kind, data: entry.data }));
  const audits = async (targetId: string) =>
    (
      await t.database.db
        .select({ action: auditLog.action, outcome: auditLog.outcome })
        .from(auditLog)
        .where(eq(auditLog.targetId, targetId))
        .orderBy(asc(auditLog.seq))
    ).map((row) => `${row.action}:${row.outcome}`);
  const notified = async (username: string, reportId: string) => {
    await t.flushOutbox();
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, username));
    return t.database.db
      .select({ title: notifications.titleZh })
      .from(notifications)
      .where(and(eq(notifications.accountId, account!.id), eq(notifications.link, `/change-reports/${reportId}`)));
  };

  /** Walks a draft to filing: submit (unit) → approve (recommender) → file (officer). */
  async function fileThrough(unit: Agent, recommender: Agent, officer: Agent, draft: Detail) {
    const submitted = await fire(unit, draft, "submit");
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await fire(recommender, submitted.json(), "approve");
    expect(approved.statusCode, approved.body).toBe(200);
    const filed = await fire(officer, approved.json(), "file");
    expect(filed.statusCode, filed.body).toBe(200);
    return filed.json() as Detail;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("director: a senior person of the unit is checked (Art. 12), approved, filed; the registry and timeline say so", async () => {
    setDay("2026-03-10");
    const unit = await t.login("app.yichang");
    const recommender = await t.login("rec.yichang");
    const officer = await t.login("officer");
    const base = await baseOf(unit);
    const personId = randomUUID();
    await t.database.db.insert(people).values({
      id: personId,
      name: "钱新",
      title: "senior",
      unitId: base.unitId,
      employerName: "三峡新材",
      createdAt: t.clock.now(),
    });

    const created = await create(unit, {
      baseId: base.id,
      kind: "director",
      changedOn: "2026-01-20",
      description: "原负责人退休，经单位党委会研究调整。",
      proposed: { directorPersonId: personId },
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    // The due date is there from the start: 3 calendar months after the change.
    expect(draft).toMatchObject({
      state: "draft",
      dueOn: "2026-04-20",
      overdue: false,
      kindZh: "负责人变更",
      stateZh: "草稿",
      editable: true,
      proposed: { directorName: "钱新", directorPersonId: personId },
      availableEvents: ["submit", "withdraw"],
      effects: { previousText: base.directorName, newText: "钱新", refusals: [], warnings: [] },
    });
    expect(draft.effects.checks.map((check: { article: string }) => check.article)).toEqual(["12.1", "12.2", "12.3"]);

    // The recommender sees it only once submitted to it; the unit cannot approve its own report.
    const submitted = await fire(unit, draft, "submit");
    expect(submitted.json()).toMatchObject({ state: "submitted", editable: false, availableEvents: [] });
    expect((await fire(unit, submitted.json(), "approve")).statusCode).toBe(403);
    expect(await notified("rec.yichang", draft.id)).toHaveLength(1);
    expect((await recommender.get(`/api/change-reports/${draft.id}`)).json().availableEvents).toEqual([
      "return",
      "approve",
    ]);

    // Return needs a reason (Art. 18.5); with one, the unit hears why.
    const bare = await fire(recommender, submitted.json(), "return");
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: "reason-required", article: "18.5", errors: [{ path: "reason" }] });
    const returned = await fire(recommender, submitted.json(), "return", "请补充任职文件。");
    expect(returned.json()).toMatchObject({ state: "returned", returnReason: "请补充任职文件。", editable: false });
    expect((await unit.get(`/api/change-reports/${draft.id}`)).json()).toMatchObject({
      editable: true,
      availableEvents: ["submit", "withdraw"],
    });
    expect(await notified("app.yichang", draft.id)).toHaveLength(1);

    const resubmitted = await fire(unit, returned.json(), "submit");
    const approved = await fire(recommender, resubmitted.json(), "approve");
    expect(approved.json()).toMatchObject({ state: "recommender-approved", stateZh: "推荐部门已同意，待备案" });
    expect(await notified("officer", draft.id)).toHaveLength(1);
    // The recommender cannot file; the officer can.
    expect((await fire(recommender, approved.json(), "file")).statusCode).toBe(403);
    const filed = await fire(officer, approved.json(), "file");
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({
      state: "filed",
      filedOn: "2026-03-10",
      filedLate: false,
      previous: { directorName: base.directorName },
    });

    const [after] = await t.database.db.select().from(bases).where(eq(bases.id, base.id));
    expect(after).toMatchObject({ directorName: "钱新", directorPersonId: personId });
    expect(await timeline(base.id, draft.id)).toEqual([
      expect.objectContaining({ kind: "change-submitted" }),
      expect.objectContaining({
        kind: "change-returned",
        data: expect.objectContaining({ reason: "请补充任职文件。" }),
      }),
      expect.objectContaining({ kind: "change-submitted" }),
      expect.objectContaining({ kind: "change-approved" }),
      {
        kind: "change-filed",
        data: expect.objectContaining({
          changeKind: "director",
          previousValue: base.directorName,
          newValue: "钱新",
          late: false,
          article: "18.5",
        }),
      },
    ]);
    expect(await audits(draft.id)).toEqual([
      "change-report.create:success",
      "change-report.submit:success",
      "change-report.approve:refused",
      "change-report.return:refused",
      "change-report.return:success",
      "change-report.submit:success",
      "change-report.approve:success",
      "change-report.file:refused",
      "change-report.file:success",
    ]);
    expect(await audits(base.id)).toContain("base.change-filed:success");
    expect(await notified("app.yichang", draft.id)).toHaveLength(2);

    // Evidence goes with the draft only: a filed report takes no file (409, Art. 18.5).
    const upload = await unit.request({
      method: "POST",
      url: `/api/change-reports/${draft.id}/files`,
      ...multipart({}, { name: "任职文件.pdf", content: tinyPdf, mediaType: "application/pdf" }),
    });
    expect(upload.statusCode).toBe(409);
    expect(upload.json()).toMatchObject({ code: "evidence-not-editable", article: "18.5" });
  });

  it("director: one who directs another base is flagged on Art. 12.3; a person of another unit is a 400", async () => {
    setDay("2026-03-10");
    const unit = await t.login("app.yichang");
    const base = await baseOf(unit);
    const other = await baseOf(await t.login("app.wuhan-ent"));
    const created = await create(unit, {
      baseId: base.id,
      kind: "director",
      changedOn: "2026-02-01",
      proposed: { directorName: other.directorName },
    });
    expect(created.statusCode, created.body).toBe(201);
    const warnings = created.json().effects.warnings;
    expect(warnings).toEqual([expect.objectContaining({ article: "12.3", verdict: "soft" })]);
    expect(warnings[0].messageZh).toContain(other.standardName);
    // Flagged, not refused: the submission goes ahead and the recommender sees the warning.
    const submitted = await fire(unit, created.json(), "submit");
    expect(submitted.statusCode, submitted.body).toBe(200);

    const [wuhanPerson] = await t.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.unitId, other.unitId));
    const foreign = await create(unit, {
      baseId: base.id,
      kind: "director",
      changedOn: "2026-02-01",
      proposed: { directorPersonId: wuhanPerson!.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("proposed.directorPersonId");
  });

  it("name: a new field regenerates the standard name (Art. 29); the old name stays on the timeline and in the year's report", async () => {
    setDay("2026-03-10");
    const unit = await t.login("app.wuhan-ent");
    const recommender = await t.login("rec.wuhan");
    const officer = await t.login("officer");
    const base = await baseOf(unit);
    const invalid = await create(unit, {
      baseId: base.id,
      kind: "name",
      changedOn: "2025-12-20",
      proposed: { field: "激光（制造）" },
    });
    const bad = await fire(unit, invalid.json(), "submit");
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "invalid-field", article: "29", errors: [{ path: "proposed.field" }] });

    const draft = (
      await create(unit, { baseId: base.id, kind: "name", changedOn: "2025-12-20", proposed: { field: "智能光电" } })
    ).json();
    expect(draft.effects.newStandardName).toBe("湖北省智能光电国际科技合作基地（技术转移）");
    expect(draft.dueOn).toBe("2026-03-20");
    const filed = await fileThrough(unit, recommender, officer, draft);
    expect(filed).toMatchObject({ state: "filed", filedLate: false });

    const [after] = await t.database.db.select().from(bases).where(eq(bases.id, base.id));
    expect(after).toMatchObject({ field: "智能光电", standardName: "湖北省智能光电国际科技合作基地（技术转移）" });
    expect(await timeline(base.id, draft.id)).toContainEqual({
      kind: "change-filed",
      data: expect.objectContaining({
        changeKind: "name",
        previousValue: base.standardName,
        newValue: "湖北省智能光电国际科技合作基地（技术转移）",
      }),
    });

    // The 2025 annual report lists the change filed for a change of 2025 (by change date), in its read view and on paper.
    const reports = (await unit.get("/api/annual-reports")).json().items as Array<{ id: string; year: number }>;
    const report = reports.find((item) => item.year === 2025)!;
    const read = (await unit.get(`/api/annual-reports/${report.id}`)).json();
    expect(read.filedChanges).toEqual([
      expect.objectContaining({
        kind: "name",
        kindZh: "名称变更",
        changedOn: "2025-12-20",
        filedOn: "2026-03-10",
        previousValue: base.standardName,
        newValue: "湖北省智能光电国际科技合作基地（技术转移）",
      }),
    ]);
    const word = await unit.get(`/api/annual-reports/${report.id}/document?format=docx`);
    expect(word.statusCode).toBe(200);
    const text = await docxText(word.rawPayload);
    expect(text).toMatch(/十一、年度重大事项变化[\s\S]*名称变更[\s\S]*湖北省智能光电国际科技合作基地（技术转移）/);
  });

  it("countries: re-checked against Art. 13 (every level named) and filed into the registry", async () => {
    setDay("2026-03-10");
    const unit = await t.login("app.wuhan-ent");
    const recommender = await t.login("rec.wuhan");
    const officer = await t.login("officer");
    const base = await baseOf(unit);
    const empty = (
      await create(unit, {
        baseId: base.id,
        kind: "key-or-main-countries",
        changedOn: "2026-03-01",
        proposed: { countries: { key: ["it"], main: [], radiating: [] } },
      })
    ).json();
    expect(empty.effects.refusals).toEqual([expect.objectContaining({ article: "13", path: "proposed.countries" })]);
    expect((await fire(unit, empty, "submit")).json()).toMatchObject({
      article: "13",
      errors: [{ path: "proposed.countries" }],
    });
    const saved = await unit.patch(`/api/change-reports/${empty.id}`, {
      proposed: { countries: { key: ["IT"], main: ["DE", "FR"], radiating: ["PL"] } },
      expectedVersion: empty.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().effects.refusals).toEqual([]);
    await fileThrough(unit, recommender, officer, saved.json());
    const [after] = await t.database.db.select().from(bases).where(eq(bases.id, base.id));
    expect(after!.countries).toEqual({ key: ["IT"], main: ["DE", "FR"], radiating: ["PL"] });
  });

  it("work plan: filed without touching the registry; a change date in the future is refused", async () => {
    setDay("2026-03-10");
    const unit = await t.login("app.yichang");
    const base = await baseOf(unit);
    const future = await create(unit, { baseId: base.id, kind: "work-plan", changedOn: "2026-03-11" });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: "change-in-future", article: "18.5", errors: [{ path: "changedOn" }] });
    const badDate = await create(unit, { baseId: base.id, kind: "work-plan", changedOn: "2026-02-30" });
    expect(badDate.statusCode).toBe(400);
    const draft = await create(unit, {
      baseId: base.id,
      kind: "work-plan",
      changedOn: "2026-03-10",
      proposed: { workPlanSummary: "合作重点由奥地利扩展到匈牙利。" },
    });
    expect(draft.statusCode).toBe(201);
    const filed = await fileThrough(unit, await t.login("rec.yichang"), await t.login("officer"), draft.json());
    expect(filed.state).toBe("filed");
  });

  it("scope: another unit and another jurisdiction get 404; lists are scoped and filter by kind and state", async () => {
    setDay("2026-03-10");
    const unit = await t.login("app.yichang");
    const base = await baseOf(unit);
    const draft = (
      await create(unit, {
        baseId: base.id,
        kind: "work-plan",
        changedOn: "2026-03-01",
        proposed: { workPlanSummary: "x" },
      })
    ).json();
    for (const username of ["app.wuhan-ent", "rec.wuhan"]) {
      const outsider = await t.login(username);
      expect((await outsider.get(`/api/change-reports/${draft.id}`)).statusCode).toBe(404);
      expect((await fire(outsider, draft, "submit")).statusCode).toBe(404);
      expect((await outsider.get(`/api/bases/${base.id}/change-reports`)).statusCode).toBe(404);
      const ids = (await outsider.get("/api/change-reports")).json().items.map((item: { id: string }) => item.id);
      expect(ids).not.toContain(draft.id);
    }
    // Another unit cannot start a report on this base either.
    const foreign = await create(await t.login("app.wuhan-ent"), {
      baseId: base.id,
      kind: "work-plan",
      changedOn: "2026-03-01",
    });
    expect(foreign.statusCode).toBe(404);
    const officer = await t.login("officer");
    const all = (await officer.get("/api/change-reports?kind=work-plan&state=draft")).json().items;
    expect(all.map((item: { id: string }) => item.id)).toContain(draft.id);
    expect(
      all.every((item: { kind: string; state: string }) => item.kind === "work-plan" && item.state === "draft"),
    ).toBe(true);
    const perBase = (await unit.get(`/api/bases/${base.id}/change-reports`)).json();
    expect(perBase.items.map((item: { id: string }) => item.id)).toContain(draft.id);
    expect(perBase.canCreate).toBe(true);
    expect((await officer.get(`/api/bases/${base.id}/change-reports`)).json().canCreate).toBe(false);
    expect((await unit.get("/api/change-reports?kind=bogus")).statusCode).toBe(400);
  });

  it.each([
    ["2025-11-30", "2026-02-28", "2026-03-01"],
    ["2026-08-31", "2026-11-30", "2026-12-01"],
    ["2027-11-30", "2028-02-29", "2028-03-01"],
    ["2026-12-31", "2027-03-31", "2027-04-01"],
  ])(
    "the 3-month boundary: a change on %s filed on its due day %s is on time, the day after late",
    async (changedOn, dueOn, dayAfter) => {
      const reports: Detail[] = [];
      setDay(changedOn);
      let unit = await t.login("app.yichang");
      const base = await baseOf(unit);
      for (const summary of ["按期", "逾期"]) {
        const created = await create(unit, {
          baseId: base.id,
          kind: "work-plan",
          changedOn,
          proposed: { workPlanSummary: summary },
        });
        expect(created.statusCode, created.body).toBe(201);
        expect(created.json().dueOn).toBe(dueOn);
        const submitted = await fire(unit, created.json(), "submit");
        const approved = await fire(await t.login("rec.yichang"), submitted.json(), "approve");
        reports.push(approved.json());
      }
      setDay(dueOn);
      unit = await t.login("app.yichang");
      const onTime = await fire(await t.login("officer"), reports[0]!, "file");
      expect(onTime.json()).toMatchObject({ filedOn: dueOn, filedLate: false, overdue: false });
      expect((await unit.get(`/api/change-reports/${reports[1]!.id}`)).json().overdue).toBe(false);

      setDay(dayAfter);
      const officer = await t.login("officer");
      const overdue = (await officer.get("/api/change-reports?overdue=true")).json().items;
      expect(overdue.map((item: { id: string }) => item.id)).toContain(reports[1]!.id);
      const late = await fire(officer, reports[1]!, "file");
      expect(late.statusCode, late.body).toBe(200);
      expect(late.json()).toMatchObject({ filedOn: dayAfter, filedLate: true, overdue: false });
      expect(await timeline(base.id, reports[1]!.id)).toContainEqual({
        kind: "change-filed",
        data: expect.objectContaining({ late: true }),
      });
      // Art. 20.8: the late filing makes the system propose revocation; the department decides it.
      const cases = await t.database.db.select().from(revocationCases).where(eq(revocationCases.baseId, base.id));
      expect(cases).toEqual([
        expect.objectContaining({
          ground: 8,
          source: "system",
          state: "proposed",
          sourceRef: { kind: "change-report", id: reports[1]!.id },
        }),
      ]);
      const [after] = await t.database.db.select({ status: bases.status }).from(bases).where(eq(bases.id, base.id));
      expect(after?.status).toBe("revocation-proposed");
      // The next case starts from an active base again.
      await t.database.db.delete(revocationCases).where(eq(revocationCases.baseId, base.id));
      await t.database.db.update(bases).set({ status: "active" }).where(eq(bases.id, base.id));
    },
  );
});
