import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, calls, objections } from "../db/schema";
import { templateClockStart } from "../test/constants";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { demoTimeline } from "./demo-timeline";
import { decisionRoundTitle } from "./load-decision-demo";

describe.each(databaseKinds())("decision demo data on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("has a past round's candidates in every decision state, an objection under investigation and a full registry", async () => {
    const rows = await t.database.db
      .select({ state: applications.state })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(calls.titleZh, decisionRoundTitle(demoTimeline(new Date(templateClockStart)).decisionRound.year)));
    expect(rows.map((row) => row.state).sort()).toEqual(
      ["approved", "evaluated", "publicized", "recognized", "reviewed", "verified"].sort(),
    );
    const [objection] = await t.database.db.select().from(objections);
    expect(objection?.status).toBe("investigating");
    const registry = (await t.anonymous.get("/api/public/bases?pageSize=100")).json();
    expect(registry.total).toBeGreaterThanOrEqual(5);
    expect(registry.items.map((b: { documentNumber: string }) => b.documentNumber)).toContainEqual(
      expect.stringMatching(/^鄂科技函〔20\d\d〕3号$/),
    );
    expect(registry.items.map((b: { name: string }) => b.name)).toContain(
      "湖北省（香港）生物医药科技合作基地（联合研究）",
    );
  });
});
