import { randomUUID } from "node:crypto";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allianceMembers, auditLog, baseEvents, bases } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { multipart, tinyPdf } from "../applications/recognition.fixtures";

/** Alliances of bases (Art. 27): dated memberships, the lead base a member, the department's writes, the public list. */
describe.each(databaseKinds())("alliances on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let lead: string;
  let member: string;
  let third: string;
  let allianceId: string;
  const today = "2026-03-10";

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    const live = await t.database.db
      .select({ id: bases.id })
      .from(bases)
      .where(eq(bases.status, "active"))
      .orderBy(bases.recognizedOn, bases.id);
    [lead, member, third] = live.map((row) => row.id) as [string, string, string];
    expect(third).toBeDefined();
  });
  afterAll(() => t.close());

  const errorPath = (response: { json(): { errors?: Array<{ path: string }>; path?: string } }) =>
    response.json().errors?.map((error) => error.path) ?? [response.json().path];
  const timeline = async (baseId: string) =>
    (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId)))
      // The demo's own alliance (load-base-life-demo.ts) has members too: only this test's alliance counts.
      .filter((event) => event.kind.startsWith("alliance-") && event.data.allianceId === allianceId)
      .map((event) => ({ kind: event.kind, on: event.on }));

  it("the department records an alliance; its lead base is a member from the founding day", async () => {
    const bad = await officer.post("/api/alliances", {
      name: "x",
      kind: "club",
      leadBaseId: lead,
      foundedOn: "2026-02-30",
    });
    expect(bad.statusCode).toBe(400);
    expect(errorPath(bad)).toEqual(expect.arrayContaining(["name", "kind", "foundedOn"]));
    const future = await officer.post("/api/alliances", {
      name: "长江中游国际技术转移联盟",
      kind: "regional",
      leadBaseId: lead,
      foundedOn: "2026-03-11",
    });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ article: "27", errors: [expect.objectContaining({ path: "foundedOn" })] });
    expect(
      (
        await officer.post("/api/alliances", {
          name: "长江中游国际技术转移联盟",
          kind: "regional",
          leadBaseId: randomUUID(),
          foundedOn: "2026-01-01",
        })
      ).statusCode,
    ).toBe(400);

    const created = await officer.post("/api/alliances", {
      name: "长江中游国际技术转移联盟",
      kind: "regional",
      leadBaseId: lead,
      foundedOn: "2026-01-01",
      description: "区域性国际技术转移协作。",
    });
    expect(created.statusCode).toBe(201);
    allianceId = created.json().id;
    expect(created.json()).toMatchObject({
      kindZh: "区域性联盟",
      memberCount: 1,
      members: [{ baseId: lead, joinedOn: "2026-01-01", leftOn: null, current: true, isLead: true }],
      availableActions: expect.arrayContaining(["add-member", "dissolve"]),
    });
    expect(await timeline(lead)).toEqual([{ kind: "alliance-joined", on: "2026-01-01" }]);
    const duplicate = await officer.post("/api/alliances", {
      name: "长江中游国际技术转移联盟",
      kind: "field",
      leadBaseId: member,
      foundedOn: "2026-01-01",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(errorPath(duplicate)).toEqual(["name"]);
  });

  it("only the department writes: 403 for the others, 404 for an alliance that does not exist", async () => {
    const unit = await t.login("app.wuhan-ent");
    const recommender = await t.login("rec.wuhan");
    expect(
      (
        await unit.post("/api/alliances", {
          name: "单位自建联盟",
          kind: "field",
          leadBaseId: lead,
          foundedOn: "2026-01-01",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await recommender.post(`/api/alliances/${allianceId}/members`, { baseId: member, joinedOn: today })).statusCode,
    ).toBe(403);
    expect((await unit.post(`/api/alliances/${allianceId}/dissolve`, { dissolvedOn: today })).statusCode).toBe(403);
    expect(
      (await officer.post(`/api/alliances/${randomUUID()}/members`, { baseId: member, joinedOn: today })).statusCode,
    ).toBe(404);
    expect((await officer.get(`/api/alliances/${randomUUID()}`)).statusCode).toBe(404);
    // Every signed-in role reads; nobody else does.
    const read = (await unit.get(`/api/alliances/${allianceId}`)).json();
    expect(read).toMatchObject({ id: allianceId, availableActions: [], abilities: ["alliance.read"] });
    expect((await t.anonymous.get("/api/alliances")).statusCode).toBe(401);
  });

  it("membership dates: joins today, cannot leave the same day, leaves the next, rejoins after leaving", async () => {
    const url = `/api/alliances/${allianceId}`;
    const tomorrow = await officer.post(`${url}/members`, { baseId: member, joinedOn: "2026-03-11" });
    expect(tomorrow.statusCode).toBe(422);
    expect(tomorrow.json()).toMatchObject({
      code: "joined-in-future",
      article: "27",
      errors: [expect.objectContaining({ path: "joinedOn" })],
    });
    const joined = await officer.post(`${url}/members`, { baseId: member, joinedOn: today });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().memberCount).toBe(2);
    const twice = await officer.post(`${url}/members`, { baseId: member, joinedOn: today });
    expect(twice.json()).toMatchObject({
      code: "membership-overlap",
      errors: [expect.objectContaining({ path: "joinedOn" })],
    });
    const membership = joined.json().members.find((entry: { baseId: string }) => entry.baseId === member);

    const sameDay = await officer.post(`${url}/members/${membership.id}/leave`, { leftOn: today });
    expect(sameDay.statusCode).toBe(422);
    expect(sameDay.json()).toMatchObject({
      code: "left-not-after-joined",
      errors: [expect.objectContaining({ path: "leftOn" })],
    });
    t.clock.set("2026-03-11T02:00:00.000Z");
    officer = await t.login("officer"); // a day later the session has idled out
    const left = await officer.post(`${url}/members/${membership.id}/leave`, { leftOn: "2026-03-11" });
    expect(left.statusCode).toBe(200);
    expect(left.json().members.find((entry: { id: string }) => entry.id === membership.id)).toMatchObject({
      joinedOn: today,
      leftOn: "2026-03-11",
      current: false,
    });
    expect(left.json().memberCount).toBe(1);
    // Rejoining: not inside the ended period, but on its leaving day or later.
    expect((await officer.post(`${url}/members`, { baseId: member, joinedOn: today })).statusCode).toBe(422);
    const rejoined = await officer.post(`${url}/members`, { baseId: member, joinedOn: "2026-03-11" });
    expect(rejoined.statusCode).toBe(200);
    expect(rejoined.json().memberCount).toBe(2);
    expect(await timeline(member)).toEqual([
      { kind: "alliance-joined", on: today },
      { kind: "alliance-left", on: "2026-03-11" },
      { kind: "alliance-joined", on: "2026-03-11" },
    ]);
    const rows = await t.database.db
      .select()
      .from(allianceMembers)
      .where(and(eq(allianceMembers.baseId, member), eq(allianceMembers.allianceId, allianceId)));
    expect(rows.map((row) => [row.joinedOn, row.leftOn]).sort()).toEqual([
      ["2026-03-10", "2026-03-11"],
      ["2026-03-11", null],
    ]);
  });

  it("the lead base must be a member: it cannot leave, and only a current member can become lead", async () => {
    const url = `/api/alliances/${allianceId}`;
    const detail = (await officer.get(url)).json();
    const leadMembership = detail.members.find((entry: { baseId: string }) => entry.baseId === lead);
    const leaving = await officer.post(`${url}/members/${leadMembership.id}/leave`, { leftOn: "2026-03-11" });
    expect(leaving.json()).toMatchObject({
      code: "lead-must-be-member",
      errors: [expect.objectContaining({ path: "leftOn" })],
    });
    const outsider = await officer.patch(url, {
      name: detail.name,
      kind: "industry",
      leadBaseId: third,
      description: "",
      expectedVersion: detail.version,
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json()).toMatchObject({
      code: "lead-must-be-member",
      errors: [expect.objectContaining({ path: "leadBaseId" })],
    });
    const changed = await officer.patch(url, {
      name: detail.name,
      kind: "industry",
      leadBaseId: member,
      description: "改由成员基地牵头。",
      expectedVersion: detail.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ kindZh: "产业性联盟", leadBaseId: member, version: detail.version + 1 });
    const stale = await officer.patch(url, { ...detail, kind: "field", expectedVersion: detail.version });
    expect(stale.statusCode).toBe(409);
  });

  it("activities, the charter, the base's card and the public list without private data", async () => {
    const url = `/api/alliances/${allianceId}`;
    const early = await officer.post(`${url}/activities`, { heldOn: "2025-12-31", title: "成立前的会议" });
    expect(early.json()).toMatchObject({
      code: "activity-out-of-range",
      errors: [expect.objectContaining({ path: "heldOn" })],
    });
    const activity = await officer.post(`${url}/activities`, {
      heldOn: "2026-03-01",
      title: "联盟年度工作会议",
      summary: "交流国际技术转移经验。",
    });
    expect(activity.json().activities).toEqual([expect.objectContaining({ title: "联盟年度工作会议" })]);
    const charter = await officer.request({
      method: "POST",
      url: `${url}/charter`,
      ...multipart({}, { name: "联盟章程.pdf", content: tinyPdf, mediaType: "application/pdf" }),
    });
    expect(charter.statusCode).toBe(200);
    expect(charter.json().charter).toMatchObject({ name: "联盟章程.pdf" });
    const unit = await t.login("app.wuhan-ent");
    const download = await unit.get(`${url}/charter`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");

    const card = (await officer.get(`/api/bases/${member}/alliances`)).json();
    card.items = card.items.filter((item: { allianceId: string }) => item.allianceId === allianceId);
    expect(card.items.map((item: { leftOn: string | null; isLead: boolean }) => [item.leftOn, item.isLead])).toEqual([
      [null, true],
      ["2026-03-11", false],
    ]);
    // Another unit's base is not found through the card either.
    const [other] = await t.database.db.select({ unitId: bases.unitId }).from(bases).where(eq(bases.id, member));
    const own = await unit.get("/api/bases");
    if (!own.json().items.some((item: { id: string }) => item.id === member)) {
      expect((await unit.get(`/api/bases/${member}/alliances`)).statusCode).toBe(404);
    }
    expect(other).toBeDefined();

    const publicList = await t.anonymous.get("/api/public/alliances");
    expect(publicList.statusCode).toBe(200);
    const listed = publicList.json().items.find((item: { name: string }) => item.name === "长江中游国际技术转移联盟");
    expect(listed).toMatchObject({ name: "长江中游国际技术转移联盟", kindZh: "产业性联盟" });
    expect(listed.members.map((entry: { joinedOn: string }) => entry.joinedOn).sort()).toEqual([
      "2026-01-01",
      "2026-03-11",
    ]);
    const text = publicList.body;
    for (const privateKey of ["unitId", "unitName", "baseId", "charter", "createdBy", "leftOn", "abilities"]) {
      expect(text).not.toContain(`"${privateKey}"`);
    }
  });

  it("dissolving ends the current memberships on that day; the audit names every step", async () => {
    const url = `/api/alliances/${allianceId}`;
    const dissolved = await officer.post(`${url}/dissolve`, { dissolvedOn: "2026-03-11" });
    expect(dissolved.json()).toMatchObject({
      code: "dissolved-before-member-joined",
      errors: [expect.objectContaining({ path: "dissolvedOn" })],
    });
    t.clock.set("2026-03-12T02:00:00.000Z");
    officer = await t.login("officer"); // a day later the session has idled out
    const done = await officer.post(`${url}/dissolve`, { dissolvedOn: "2026-03-12" });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ dissolvedOn: "2026-03-12", memberCount: 0, availableActions: [] });
    expect((await officer.post(`${url}/members`, { baseId: third, joinedOn: "2026-03-12" })).statusCode).toBe(409);
    const stillListed = (await t.anonymous.get("/api/public/alliances")).json().items;
    expect(stillListed.map((item: { name: string }) => item.name)).not.toContain("长江中游国际技术转移联盟");
    const audit = await t.database.db
      .select({ action: auditLog.action, outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(like(auditLog.action, "alliance.%"), eq(auditLog.outcome, "success")));
    expect(new Set(audit.map((entry) => entry.action))).toEqual(
      new Set([
        "alliance.create",
        "alliance.add-member",
        "alliance.end-membership",
        "alliance.update",
        "alliance.record-activity",
        "alliance.upload-charter",
        "alliance.dissolve",
      ]),
    );
    const refusedWrites = await t.database.db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.action, ["alliance.add-member"]), eq(auditLog.outcome, "refused")));
    expect(refusedWrites.length).toBeGreaterThan(0);
  });
});
