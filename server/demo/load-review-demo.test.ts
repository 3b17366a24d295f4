import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experts } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { demoExpertAccounts } from "./load-review-demo";

describe.each(databaseKinds())("review demo data on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("gives every active pool expert an account, so whoever a demo draw picks can sign in and score", async () => {
    const pool = await t.database.db.select().from(experts);
    const active = pool.filter((expert) => expert.status === "active");
    expect(active.length).toBe(demoExpertAccounts.length);
    expect(active.filter((expert) => expert.accountId === null)).toEqual([]);
    expect(pool.filter((expert) => expert.accountId === null).map((expert) => expert.status)).toEqual(["suspended"]);

    const last = demoExpertAccounts.at(-1)!;
    const agent = await t.login(last.username);
    const me = (await agent.get("/api/auth/me")).json();
    expect(me.roles).toEqual(["expert"]);
    expect((await agent.get("/api/reviews/assignments")).statusCode).toBe(200);
  });
});
