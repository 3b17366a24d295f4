import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, calls } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const demoCallTitle = "关于开展年度湖北省国际科技合作基地认定工作的通知（演示）";

/** Statements that read the application row by its id (not counts over a call's applications, not writes). */
const readsOfApplication = (queries: string[]) =>
  queries.filter((query) => /^select/i.test(query) && /"applications"\."id" = \$\d/.test(query));
const readsOfCall = (queries: string[]) => queries.filter((query) => /^select/i.test(query) && /"calls"/.test(query));
/** The authorization decision of a recommender: its sub-tree of recommenders, resolved once per request. */
const subtreeResolutions = (queries: string[]) => queries.filter((query) => /with recursive tree/i.test(query));

/**
 * Decide once (issue 9): one application event reads its facts once — the application locked, its call with it —
 * makes one authorization decision, lets policy decide, writes, and presents the result without reading again.
 */
describe.each(databaseKinds())("the reads of one application event on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function heldAtWuhan() {
    const [row] = await t.database.db
      .select({ id: applications.id, version: applications.version })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(calls.titleZh, demoCallTitle), eq(applications.field, "光电子信息")));
    return row!;
  }

  it("recommend: 1 locked read of the application, 1 read of the call, 1 authorization decision", async () => {
    const city = await t.login("rec.wuhan");
    const target = await heldAtWuhan();
    let response: Awaited<ReturnType<typeof city.post>> | undefined;
    const queries = await t.queriesDuring(async () => {
      response = await city.post(`/api/applications/${target.id}/events`, {
        event: "recommend",
        version: target.version,
      });
    });
    expect(response!.statusCode, response!.body).toBe(200);
    expect(response!.json()).toMatchObject({ state: "recommended", priority: 5, availableEvents: [] });

    const applicationReads = readsOfApplication(queries);
    expect(applicationReads).toHaveLength(1);
    expect(applicationReads[0]).toMatch(/for update of "applications"/i);
    expect(readsOfCall(queries)).toHaveLength(1);
    expect(readsOfCall(queries)[0]).toBe(applicationReads[0]);
    expect(subtreeResolutions(queries)).toHaveLength(1);
  });

  it("a refused event reads the same once and writes nothing but its refusal's audit entry", async () => {
    const city = await t.login("rec.wuhan");
    const target = await heldAtWuhan(); // now recommended: a second recommendation is outside the table
    let status = 0;
    const queries = await t.queriesDuring(async () => {
      status = (await city.post(`/api/applications/${target.id}/events`, { event: "recommend" })).statusCode;
    });
    expect(status).toBe(409);
    expect(readsOfApplication(queries)).toHaveLength(1);
    expect(queries.filter((query) => /^(update|insert into) "applications"/i.test(query))).toEqual([]);
    expect(queries.filter((query) => /^insert into "audit_log"/i.test(query))).toHaveLength(1);
  });
});
