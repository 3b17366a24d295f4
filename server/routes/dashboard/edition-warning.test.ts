import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/** Art. 31: the officer's home warns from six months before the 2025 measures lapse (after 2030-10-25). */
describe.each(databaseKinds())("the measures' own deadline on the dashboard on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const warningOn = async (day: string, username = "officer") => {
    t.clock.set(`${day}T02:00:00.000Z`);
    const response = await (await t.login(username)).get("/api/dashboard");
    expect(response.statusCode).toBe(200);
    return response.json().editionWarning;
  };

  it.each([
    ["2026-03-10", null],
    ["2030-04-25", null],
    ["2030-04-26", { kind: "expiring", daysLeft: 182 }],
    ["2030-10-25", { kind: "expiring", daysLeft: 0 }],
    ["2030-10-26", { kind: "lapsed" }],
  ])("on %s the officer sees %o", async (day, expected) => {
    const warning = await warningOn(day);
    if (expected === null) expect(warning).toBeNull();
    else expect(warning).toMatchObject({ ...expected, editionId: "2025", documentNumber: "鄂科技规〔2025〕6号" });
  });

  it("a host unit is not warned", async () => {
    expect(await warningOn("2030-05-01", "app.hust")).toBeNull();
  });
});
