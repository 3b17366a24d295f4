import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

describe.each(databaseKinds())("people and personal data on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("stores identity and phone numbers encrypted and returns them masked", async () => {
    const officer = await t.login("officer");
    const created = await officer.post("/api/people", {
      name: "钱学森",
      title: "senior",
      idNumber: "42010619800101123X",
      phone: "13912345678",
      email: "qian@example.cn",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ idNumber: "420106********123X", phone: "139****5678" });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, created.json().id));
    expect(row?.idNumber?.toString("latin1")).not.toContain("420106");
    expect(row?.phone?.toString("latin1")).not.toContain("1391234");
    expect(row?.idNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    const found = (await officer.get("/api/people?idNumber=42010619800101123x")).json();
    expect(found.items.map((p: { name: string }) => p.name)).toEqual(["钱学森"]);
  });

  it("an applicant records people of its own unit only and never sees another unit's", async () => {
    const applicant = await t.login("app.yichang");
    const unitId = (await applicant.get("/api/auth/me")).json().jurisdiction.unitId;
    const created = await applicant.post("/api/people", { name: "孙工", title: "intermediate" });
    expect(created.statusCode).toBe(201);
    expect(created.json().unitId).toBe(unitId);
    const elsewhere = await applicant.post("/api/people", { name: "越权", title: "other", unitId: "some-other-unit" });
    expect(elsewhere.statusCode).toBe(403);
    const names = (await applicant.get("/api/people?pageSize=100"))
      .json()
      .items.map((p: { name: string }) => p.name)
      .sort();
    expect(names).toEqual(["孙工", "赵峡"].sort());
    const officerList = (await (await t.login("officer")).get("/api/people?q=张明")).json();
    const hustDirector = officerList.items[0].id;
    expect((await applicant.get(`/api/people/${hustDirector}`)).statusCode).toBe(404);
    expect((await applicant.patch(`/api/people/${hustDirector}`, { name: "改名", version: 1 })).statusCode).toBe(404);
  });

  it("rejects a malformed identity number with the field named", async () => {
    const response = await (await t.login("officer")).post("/api/people", {
      name: "某",
      title: "senior",
      idNumber: "12-34",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: "idNumber", messageZh: "证件号码格式不正确" }),
    ]);
  });
});
