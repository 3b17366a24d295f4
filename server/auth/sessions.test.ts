import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../db/client";
import { accounts } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { createSession, destroySession, loadSession } from "./sessions";

const meta = { ip: "127.0.0.1", userAgent: "sessions.test" };

describe.each(databaseKinds())("the session check on %s", (kind) => {
  let t: TestApp;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const [officer] = await t.database.db.select().from(accounts).where(eq(accounts.username, "officer"));
    accountId = officer!.id;
  }, 120_000);
  afterAll(() => t.close());

  const signIn = () => t.database.transaction((tx) => createSession(tx, t.clock, accountId, meta));
  const callerOf = async (database: TestApp["database"], token: string) => {
    const found = await loadSession(database, t.clock, token);
    return found && "caller" in found ? found.caller : null;
  };

  it("reuses its read, yet a sign-out or a disabled account is refused on the very next request", async () => {
    const { token } = await signIn();
    expect((await callerOf(t.database, token))?.username).toBe("officer");
    expect((await callerOf(t.database, token))?.username).toBe("officer");
    const sessionId = (await callerOf(t.database, token))!.sessionId;
    await t.database.transaction((tx) => destroySession(tx, sessionId));
    expect(await callerOf(t.database, token)).toBeNull();

    const second = await signIn();
    expect(await callerOf(t.database, second.token)).not.toBeNull();
    await t.database.transaction((tx) => tx.update(accounts).set({ disabled: true }).where(eq(accounts.id, accountId)));
    try {
      expect(await loadSession(t.database, t.clock, second.token)).toEqual({ expired: true });
    } finally {
      await t.database.transaction((tx) =>
        tx.update(accounts).set({ disabled: false }).where(eq(accounts.id, accountId)),
      );
    }
  });

  if (kind === "postgres")
    it("refuses a session signed out through another node on the next request there", async () => {
      const nodeB = await openPostgres(t.databaseUrl!, 2);
      // Until its listening connection is up a node reuses nothing; once up, node B keeps the session read.
      await new Promise((resolve) => setTimeout(resolve, 300));
      try {
        const { token } = await signIn();
        const sessionId = (await callerOf(t.database, token))!.sessionId;
        expect(await callerOf(nodeB, token)).not.toBeNull();
        await t.database.transaction((tx) => destroySession(tx, sessionId));
        // Node B hears the commit (LISTEN) within moments, far inside the 5 s a cached read may otherwise live.
        let seen = await callerOf(nodeB, token);
        for (let waited = 0; seen && waited < 2_000; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          seen = await callerOf(nodeB, token);
        }
        expect(seen).toBeNull();
      } finally {
        await nodeB.close();
      }
    });
});
