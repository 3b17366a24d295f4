import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../db/client";
import { accounts, notifications, outbox } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { dispatchOutbox, enqueue } from "./outbox";

/**
 * Two app nodes deliver one outbox (issue 17): on PostgreSQL each "node" has its own connection pool to the same
 * database; on PGlite (one process by design) two delivery loops share the handle. Every row is delivered once.
 */
describe.each(databaseKinds())("the outbox delivered by two nodes on %s", (kind) => {
  let t: TestApp;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const [officer] = await t.database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, "officer"));
    accountId = officer!.id;
  }, 120_000);
  afterAll(() => t.close());

  const queue = (count: number, tag: string) =>
    t.database.transaction(async (tx) => {
      for (let i = 0; i < count; i += 1) {
        await enqueue(tx, t.clock, {
          kind: "notify",
          accountIds: [accountId],
          titleZh: `${tag} ${i}`,
          titleEn: `${tag} ${i}`,
        });
      }
    });
  const delivered = async (tag: string) => {
    const rows = await t.database.db
      .select({ title: notifications.titleEn })
      .from(notifications)
      .where(sql`${notifications.titleEn} like ${`${tag} %`}`);
    return rows.map((row) => row.title);
  };

  it("delivers each of 300 rows exactly once while two nodes race for them", async () => {
    await t.flushOutbox();
    await queue(300, "race");
    const second = t.databaseUrl ? await openPostgres(t.databaseUrl, 4) : t.database;
    const drain = async (database: typeof t.database) => {
      let total = 0;
      for (let got = await dispatchOutbox(database, t.clock, null, 20); got > 0; ) {
        total += got;
        got = await dispatchOutbox(database, t.clock, null, 20);
      }
      return total;
    };
    const counts = await Promise.all([drain(t.database), drain(second), drain(t.database), drain(second)]);
    const byA = counts[0]! + counts[2]!;
    const byB = counts[1]! + counts[3]!;
    if (second !== t.database) await second.close();

    expect(byA + byB).toBe(300);
    if (kind === "postgres") {
      // Both pools took part: the race was real.
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
    }
    const titles = await delivered("race");
    expect(titles).toHaveLength(300);
    expect(new Set(titles).size).toBe(300);
    const [left] = await t.database.db
      .select({
        pending: sql<number>`count(*) filter (where ${outbox.dispatchedAt} is null)::int`,
        twice: sql<number>`count(*) filter (where ${outbox.attempts} <> 1)::int`,
      })
      .from(outbox)
      .where(sql`${outbox.payload}->>'titleEn' like 'race %'`);
    expect(left).toEqual({ pending: 0, twice: 0 });
  });

  it("keeps a failing row's error, delivers the rest, and tries it again on the next call", async () => {
    await t.database.transaction((tx) =>
      enqueue(tx, t.clock, { kind: "mail", to: "someone@example.org", subject: "s", text: "t" }),
    );
    await queue(3, "after-mail");
    let refusals = 0;
    const refuse = async () => {
      refusals += 1;
      throw new Error("SMTP 554 refused");
    };
    expect(await dispatchOutbox(t.database, t.clock, refuse)).toBe(3);
    expect(refusals).toBe(1);
    expect(await delivered("after-mail")).toHaveLength(3);
    const [mail] = await t.database.db.select().from(outbox).where(sql`${outbox.kind} = 'mail'`);
    expect(mail!.dispatchedAt).toBeNull();
    expect(mail!.lastError).toContain("SMTP 554");
    expect(mail!.attempts).toBe(1);

    const sent: string[] = [];
    expect(await dispatchOutbox(t.database, t.clock, async (message) => void sent.push(message.to))).toBe(1);
    expect(sent).toEqual(["someone@example.org"]);
  });
});
