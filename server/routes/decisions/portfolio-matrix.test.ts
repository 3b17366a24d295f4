import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Portfolio } from "../../../contracts/decision";
import { bases, beltAndRoad } from "../../db/schema";
import { createApplication, createCall, unitIdByName } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const yichang = "宜昌三峡新材料股份有限公司";

/** Issue 13 item 2: the 综合评议 portfolio as a country × field matrix, each candidate's cells beside it. */
describe.each(databaseKinds())("portfolio matrix on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let callId: string;
  let candidateId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    const db = t.database.db;
    callId = await createCall(db);
    await db.delete(bases); // the demo's registry: this file counts its own rows
    const base = (field: string, key: string[], status = "active") =>
      db.insert(bases).values({
        id: randomUUID(),
        standardName: `湖北省${field}${randomUUID().slice(0, 4)}国际科技合作基地（联合研究）`,
        unitId: "",
        type: "joint-research",
        field,
        countries: { key, main: ["FR"], radiating: [] },
        recognizedOn: "2023-12-01",
        documentNumber: "鄂科技函〔2023〕9号",
        origin: "provincial-2022",
        edition: "2022",
        status,
        createdAt: t.clock.now(),
      });
    const hust = await unitIdByName(db, "华中科技大学");
    for (const [field, key, status] of [
      ["新材料", ["DE", "RS"], "active"],
      ["新材料", ["DE"], "rectifying"],
      ["生物医药", ["DE"], "active"],
      ["生物医药", ["IT"], "revoked"],
    ] as const) {
      await base(field, [...key], status);
    }
    await db.update(bases).set({ unitId: hust });
    await db
      .insert(beltAndRoad)
      .values({ id: randomUUID(), country: "RS", since: "2015-01-01", createdAt: new Date() });
    candidateId = await createApplication(db, {
      callId,
      unitName: yichang,
      state: "verified",
      field: "新材料",
      form: { application: { countries: { key: ["RS", "PL", "RS"], main: ["DE"], radiating: [] } } },
    });
  });
  afterAll(() => t.close());

  it("counts current bases and candidates per key country and field, and each candidate's cells", async () => {
    const response = await officer.get(`/api/decisions/portfolio?callId=${callId}`);
    expect(response.statusCode).toBe(200);
    const portfolio = response.json() as Portfolio;
    const cell = (country: string, field: string) =>
      portfolio.matrix.cells.find((entry) => entry.country === country && entry.field === field) ?? null;
    expect(cell("DE", "新材料")).toEqual({ country: "DE", field: "新材料", bases: 2, candidates: 0 });
    expect(cell("RS", "新材料")).toEqual({ country: "RS", field: "新材料", bases: 1, candidates: 1 });
    expect(cell("PL", "新材料")).toEqual({ country: "PL", field: "新材料", bases: 0, candidates: 1 });
    expect(cell("DE", "生物医药")).toEqual({ country: "DE", field: "生物医药", bases: 1, candidates: 0 });
    expect(cell("IT", "生物医药")).toBeNull(); // a revoked base is out of the layout
    expect(cell("FR", "新材料")).toBeNull(); // main partners are not key partners
    expect(portfolio.matrix.cells).toHaveLength(4);
    expect(portfolio.matrix.countries.map((country) => country.key)).toEqual(["DE", "RS", "PL"]);
    expect(portfolio.matrix.countries.find((country) => country.key === "RS")).toMatchObject({
      labelZh: "塞尔维亚",
      labelEn: "Serbia",
      beltAndRoad: true,
    });
    expect(portfolio.matrix.countries.find((country) => country.key === "DE")!.beltAndRoad).toBe(false);
    expect(portfolio.matrix.fields).toEqual([
      { key: "新材料", labelZh: "新材料", labelEn: "New materials" },
      { key: "生物医药", labelZh: "生物医药", labelEn: "Biomedicine" },
    ]);
    const candidate = portfolio.candidates.find((entry) => entry.applicationId === candidateId)!;
    expect(candidate.cells).toEqual([
      { country: "RS", field: "新材料" },
      { country: "PL", field: "新材料" },
    ]);
    // The existing contract still holds: the division bucket with and without the candidate.
    expect(candidate.deltas.find((delta) => delta.dimension === "division")).toMatchObject({
      key: "420500",
      labelZh: "宜昌市",
      bases: 0,
      without: 0,
      with: 1,
      fillsGap: true,
    });
  });
});
