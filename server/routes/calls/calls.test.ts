import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calls } from "../../db/schema";
import { sampleRubric, unitIdByName } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const input = {
  year: 2026,
  kind: "annual",
  titleZh: "关于开展2026年度湖北省国际科技合作基地认定工作的通知",
  opensAt: "2026-03-01T00:00:00+08:00",
  closesAt: "2026-03-31T23:59:59+08:00",
  deadline: "2026-03-31",
  focusFields: ["人工智能"],
  rubric: sampleRubric,
  defaultQuota: 5,
};

describe.each(databaseKinds())("calls on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("an officer drafts, edits at a version and opens a call; applicants see it only once open", async () => {
    expect((await t.anonymous.get("/api/calls")).statusCode).toBe(401);
    const officer = await t.login("officer");
    const bad = await officer.post("/api/calls", {
      ...input,
      deadline: "31/03/2026",
      rubric: { ...sampleRubric, indicators: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["deadline", "rubric.indicators"]),
    );
    const backwards = await officer.post("/api/calls", { ...input, closesAt: "2026-02-01T00:00:00+08:00" });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors.map((e: { path: string }) => e.path)).toContain("closesAt");
    expect((await (await t.login("app.wuhan-ent")).post("/api/calls", input)).statusCode).toBe(403);

    const created = await officer.post("/api/calls", input);
    expect(created.statusCode).toBe(201);
    const call = created.json();
    expect(call).toMatchObject({ status: "draft", accepting: false, edition: "2025" });
    expect(call.materials.map((m: { slot: string }) => m.slot)).toContain("application-form-pdf");
    const applicant = await t.login("app.wuhan-ent");
    expect((await applicant.get(`/api/calls/${call.id}`)).statusCode).toBe(404);

    const edited = await officer.patch(`/api/calls/${call.id}`, { defaultQuota: 4, version: call.version });
    expect(edited.json().defaultQuota).toBe(4);
    const stale = await officer.patch(`/api/calls/${call.id}`, { defaultQuota: 9, version: call.version });
    expect(stale.statusCode).toBe(409);
    const [row] = await t.database.db.select().from(calls).where(eq(calls.id, call.id));
    expect(row?.defaultQuota).toBe(4);

    expect((await officer.post(`/api/calls/${call.id}/open`, {})).json()).toMatchObject({
      status: "open",
      accepting: true,
    });
    expect((await officer.post(`/api/calls/${call.id}/open`, {})).statusCode).toBe(409);
    const seen = (await applicant.get(`/api/calls/${call.id}`)).json();
    expect(seen.abilities).toContain("application.create");
    expect((await (await t.login("rec.wuhan")).get(`/api/calls/${call.id}`)).json().abilities).not.toContain(
      "application.create",
    );
  });

  it("refuses impossible deadlines: not a calendar date (400), or out of order with the window (422, Art. 14)", async () => {
    const officer = await t.login("officer");
    const count = async () => (await t.database.db.select().from(calls)).length;
    const before = await count();
    for (const deadline of ["2027-02-30", "2026-13-01", "2027-02-29", "2026-04-31"]) {
      const response = await officer.post("/api/calls", { ...input, deadline });
      expect(response.statusCode, deadline).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(["deadline"]);
    }
    for (const [deadline, why] of [
      ["2026-02-28", "before the call opens"],
      ["2025-12-31", "a year before"],
      ["2026-04-01", "after the call closes"],
    ] as const) {
      const response = await officer.post("/api/calls", { ...input, deadline });
      expect(response.statusCode, why).toBe(422);
      expect(response.json()).toMatchObject({
        code: "call-dates-out-of-order",
        article: "14",
        errors: [{ path: "deadline" }],
      });
      expect(response.json().messageZh).toContain(deadline);
    }
    expect(await count()).toBe(before);

    // A leap February: 2028-02-29 is a real deadline.
    const leap = await officer.post("/api/calls", {
      ...input,
      year: 2028,
      opensAt: "2028-02-01T00:00:00+08:00",
      closesAt: "2028-02-29T23:59:59+08:00",
      deadline: "2028-02-29",
    });
    expect(leap.statusCode).toBe(201);
    const [stored] = await t.database.db.select().from(calls).where(eq(calls.id, leap.json().id));
    expect(stored?.deadline).toBe("2028-02-29");

    // An edit cannot move the window past the deadline, nor write a day that does not exist.
    const call = leap.json();
    const later = await officer.patch(`/api/calls/${call.id}`, {
      opensAt: "2028-03-01T00:00:00+08:00",
      closesAt: "2028-03-31T23:59:59+08:00",
      version: call.version,
    });
    expect(later.statusCode).toBe(422);
    expect(later.json().errors.map((e: { path: string }) => e.path)).toEqual(["deadline"]);
    const notADay = await officer.patch(`/api/calls/${call.id}`, { deadline: "2028-02-30", version: call.version });
    expect(notADay.statusCode).toBe(400);
    const [unchanged] = await t.database.db.select().from(calls).where(eq(calls.id, call.id));
    expect(unchanged).toMatchObject({ deadline: "2028-02-29", version: call.version });
    const moved = await officer.patch(`/api/calls/${call.id}`, { deadline: "2028-02-15", version: call.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().deadline).toBe("2028-02-15");
  });

  it("a targeted call for offshore key bases is seen and applied to by invited units only", async () => {
    const officer = await t.login("officer");
    const invited = await unitIdByName(t.database.db, "华中科技大学");
    const call = (
      await officer.post("/api/calls", {
        ...input,
        kind: "targeted",
        titleZh: "离岸创新平台定向征集",
        invitedUnitIds: [invited],
      })
    ).json();
    await officer.post(`/api/calls/${call.id}/open`, {});
    expect((await (await t.login("app.wuhan-ent")).get(`/api/calls/${call.id}`)).statusCode).toBe(404);
    const hust = await t.login("app.hust");
    const created = await hust.post("/api/applications", {
      callId: call.id,
      form: { application: { type: "technology-transfer", field: "人工智能" } },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      isKey: true,
      isOffshore: true,
      standardName: "湖北省人工智能国际科技合作离岸中心（技术转移）",
    });
    expect((await (await t.login("app.wuhan-ent")).post("/api/applications", { callId: call.id })).statusCode).toBe(
      403,
    );
  });
});
