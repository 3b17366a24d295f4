import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications } from "../../db/schema";
import { createApplication, createCall } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/**
 * Hardening (issue 10, item 4): with a quota of 5 and 4 used, six recommendations fired at once must give exactly
 * one more, never six, and never two with the same priority — on PostgreSQL, where requests really run in parallel.
 */
describe.each(databaseKinds())("the recommendation quota under concurrency on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("six concurrent recommendations over a quota with one place left: one succeeds, five are refused", async () => {
    const callId = await createCall(t.database.db, { defaultQuota: 5 });
    // 武汉长江生物医药研究院 is held directly by the Wuhan bureau, which recommends to the province.
    const ids: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      ids.push(
        await createApplication(t.database.db, {
          callId,
          unitName: "武汉长江生物医药研究院",
          state: "submitted",
          field: `领域${index}`,
        }),
      );
    }
    const city = await t.login("rec.wuhan");
    for (const id of ids.slice(0, 4)) {
      expect((await city.post(`/api/applications/${id}/events`, { event: "recommend" })).statusCode).toBe(200);
    }

    const responses = await Promise.all(
      ids.slice(4).map((id) => city.post(`/api/applications/${id}/events`, { event: "recommend" })),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 422, 422, 422, 422, 422]);
    for (const refused of responses.filter((response) => response.statusCode === 422)) {
      expect(refused.json()).toMatchObject({ code: "quota-exceeded", article: "14.1" });
    }

    const ranked = await t.database.db
      .select({ priority: applications.priority })
      .from(applications)
      .where(and(eq(applications.callId, callId), isNotNull(applications.priority)));
    expect(ranked.map((row) => row.priority).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a duplicate priority at the database too, whatever writes it", async () => {
    const callId = await createCall(t.database.db, { defaultQuota: 5 });
    const first = await createApplication(t.database.db, {
      callId,
      unitName: "武汉长江生物医药研究院",
      state: "recommended",
      priority: 1,
    });
    await expect(
      createApplication(t.database.db, {
        callId,
        unitName: "武汉长江生物医药研究院",
        state: "recommended",
        priority: 1,
        field: "新材料",
      }),
    ).rejects.toThrow();
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, first));
    expect(row?.priority).toBe(1);
  });
});
