import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateUscc } from "../../policy/uscc";
import { piiCipher } from "../commands/command";
import { applications, bases, calls, experts, people, schemaVersion, units } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { volumeCallYears } from "./fill-calls";
import { generateVolume, type VolumeReport } from "./generate-volume";
import { parseVolumeArguments, provinceScale } from "./volume-arguments";
import { volumeCallMarker } from "./volume-context";
import { VolumeError } from "./volume-error";

const sizes = { bases: 200, applications: 1000, experts: 100 };
type Page = { items: Array<{ id: string }>; total: number };

describe.each(databaseKinds())("the volume generator on %s", (kind) => {
  let t: TestApp;
  let report: VolumeReport;
  const deps = () => ({ database: t.database, clock: t.clock, keys: t.config.keys });
  const generated = {
    applications: async () =>
      t.database.db
        .select({ id: applications.id, state: applications.state, unitId: applications.unitId })
        .from(applications)
        .innerJoin(calls, eq(calls.id, applications.callId))
        .where(like(calls.titleZh, `%${volumeCallMarker}`)),
    units: async () => t.database.db.select().from(units).where(like(units.uscc, "__%MY%")),
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    report = await generateVolume(deps(), sizes);
  });
  afterAll(() => t.close());

  it("writes the rows asked for, with the units, directors, calls and submit events they need", async () => {
    expect(report.written).toMatchObject({
      ...sizes,
      units: 200, // 1000 applications over 5 calls: 200 units, each also holding one base
      people: 200 + 100, // a director per unit, a person per expert
      calls: volumeCallYears,
    });
    const rows = await generated.applications();
    expect(rows).toHaveLength(1000);
    const [submitted] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(
        and(
          inArray(
            applications.id,
            rows.map((row) => row.id),
          ),
          sql`${applications.submittedAt} is not null`,
        ),
      );
    expect(report.written.application_events).toBe(Number(submitted?.n));
    // Spread over the lifecycle: every state but none is drawn, and each base's unit has its recognized application.
    expect(new Set(rows.map((row) => row.state)).size).toBeGreaterThanOrEqual(15);
    expect(rows.filter((row) => row.state === "recognized")).toHaveLength(200);
  });

  it("keeps every rule the database and the repositories hold", async () => {
    const rows = await generated.applications();
    // One application per unit per call (Art. 7.5): 200 units × 5 calls.
    const perCall = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .groupBy(applications.unitId, applications.callId)
      .having(sql`count(*) > 1`);
    expect(perCall).toEqual([]);
    expect(new Set(rows.map((row) => row.unitId)).size).toBe(200);
    const unitRows = await generated.units();
    expect(unitRows).toHaveLength(200);
    for (const unit of unitRows) expect(validateUscc(unit.uscc)).toEqual({ ok: true });
    // Personal data decrypts with the platform's key and its blind index finds it.
    const pii = piiCipher(t.config.keys);
    const directors = await t.database.db
      .select()
      .from(people)
      .where(
        inArray(
          people.unitId,
          unitRows.map((unit) => unit.id),
        ),
      );
    expect(directors).toHaveLength(200);
    for (const person of directors) {
      expect(pii.blindIndex(pii.decrypt(person.idNumber!))).toBe(person.idNumberIndex);
      expect(pii.blindIndex(pii.decrypt(person.phone!))).toBe(person.phoneIndex);
    }
    const linked = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bases)
      .innerJoin(applications, eq(applications.id, bases.applicationId))
      .where(and(eq(applications.state, "recognized"), eq(applications.unitId, bases.unitId)));
    expect(Number(linked[0]?.n)).toBeGreaterThanOrEqual(200);
  });

  it("is read by the app: the lists of the officer, a recommender and the public, and each state's detail", async () => {
    const ids = new Set((await generated.applications()).map((row) => row.id));
    const unitIds = new Set((await generated.units()).map((unit) => unit.id));
    const generatedBases = await t.database.db
      .select({ id: bases.id })
      .from(bases)
      .where(inArray(bases.unitId, [...unitIds]));
    const baseIds = new Set(generatedBases.map((base) => base.id));
    const expertIds = new Set(
      (await t.database.db.select({ id: experts.id }).from(experts).where(eq(experts.note, "容量数据"))).map(
        (row) => row.id,
      ),
    );
    expect(expertIds.size).toBe(100);

    const officer = await t.login("officer");
    const list = async (agent: { get(url: string): Promise<{ statusCode: number; json(): unknown }> }, url: string) => {
      const response = await agent.get(url);
      expect(response.statusCode, url).toBe(200);
      return response.json() as Page;
    };
    const officerList = await list(officer, "/api/applications?pageSize=50");
    expect(officerList.total).toBeGreaterThan(900);
    expect(officerList.items.some((item) => ids.has(item.id))).toBe(true);
    expect((await list(officer, "/api/bases?pageSize=50")).items.some((item) => baseIds.has(item.id))).toBe(true);
    const expertList = await list(officer, "/api/experts?pageSize=200");
    expect(expertList.total).toBeGreaterThanOrEqual(100);
    expect(expertList.items.some((item) => expertIds.has(item.id))).toBe(true);
    const wuhan = await list(await t.login("rec.wuhan"), "/api/applications?pageSize=50");
    expect(wuhan.items.some((item) => ids.has(item.id))).toBe(true);
    const publicList = await list(t.anonymous, "/api/public/bases?pageSize=50");
    expect(publicList.items.some((item) => baseIds.has(item.id))).toBe(true);

    // A draft never submitted stays its unit's (Art. 14.1): the officer reads every other state.
    const submitted = (await generated.applications()).filter((row) => row.state !== "draft");
    const oneOfEachState = new Map(submitted.map((row) => [row.state, row.id]));
    expect(oneOfEachState.size).toBeGreaterThanOrEqual(14);
    for (const [state, id] of oneOfEachState) {
      const detail = await officer.get(`/api/applications/${id}`);
      expect(detail.statusCode, `${state}: ${detail.body.slice(0, 300)}`).toBe(200);
    }
    for (const id of [...baseIds].slice(0, 20)) {
      const detail = await officer.get(`/api/bases/${id}`);
      expect(detail.statusCode, detail.body.slice(0, 300)).toBe(200);
    }
  });

  it("adds as many again on a second run, meeting no unique index", async () => {
    const second = await generateVolume(deps(), sizes);
    expect(second.written).toMatchObject({ ...sizes, units: 200, people: 300, calls: 0 });
    expect(second.totals.applications).toBe(report.totals.applications + 1000);
    expect(await generated.units()).toHaveLength(400);
  });

  it("refuses a database without the demo, writing nothing", async () => {
    await t.database.db.delete(schemaVersion).where(eq(schemaVersion.key, "demo-loaded"));
    const before = await generated.units();
    await expect(generateVolume(deps(), sizes)).rejects.toBeInstanceOf(VolumeError);
    expect(await generated.units()).toHaveLength(before.length);
  });
});

describe("the volume generator's arguments", () => {
  it.each([
    [[], { kind: "sizes", sizes: provinceScale }],
    [["--bases", "200", "--applications=1000", "--experts", "0"], { kind: "sizes", sizes: { ...sizes, experts: 0 } }],
    [["--help"], { kind: "help" }],
  ])("%j", (argv, expected) => {
    expect(parseVolumeArguments(argv)).toEqual(expected);
  });

  it.each([
    [["--bases"]],
    [["--bases", "-1"]],
    [["--bases", "1.5"]],
    [["--bases", "900000"]],
    [["--units", "3"]],
    [["--bases", "1", "--bases", "2"]],
  ])("refuses %j in both languages", (argv) => {
    const parsed = parseVolumeArguments(argv);
    expect(parsed.kind).toBe("invalid");
    if (parsed.kind === "invalid") expect(parsed.messageZh && parsed.messageEn).toBeTruthy();
  });
});
