import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedItem, FeedPage } from "../../../contracts/feed";
import { chinaDate } from "../../clock";
import { decodeCursor } from "../../feed/base-feed";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { bearer, serviceAccountToken } from "../../test/service-accounts";

describe.each(databaseKinds())("the registry's change feed on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  const read = async (query: string, agent: Agent = officer): Promise<FeedPage> => {
    const response = await agent.get(`/api/feed/bases${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** Every item from `since` on, page by page. */
  const readAll = async (since: string | null, limit: number) => {
    const items: FeedItem[] = [];
    let next = since;
    for (let pages = 0; pages < 200; pages++) {
      const page = await read(`?limit=${limit}${next ? `&since=${next}` : ""}`);
      items.push(...page.items);
      next = page.next;
      if (!page.hasMore) return { items, next };
    }
    throw new Error("the feed did not end");
  };
  const position = (cursor: string) => {
    const { seq, index } = decodeCursor(cursor);
    return seq * 1_000_000 + (Number.isFinite(index) ? index : 999_999);
  };

  it("tells the demo registry's story in commit order: recognitions, imports, status changes, grades, changes", async () => {
    const { items, next } = await readAll(null, 500);
    const kinds = new Set(items.map((item) => item.kind));
    for (const expected of [
      "recognized",
      "imported",
      "status-changed",
      "revoked",
      "exited",
      "grade-published",
      "changed",
    ] as const) {
      expect(kinds, expected).toContain(expected);
    }
    const positions = items.map((item) => position(item.cursor));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(position(next)).toBeGreaterThanOrEqual(positions.at(-1)!);

    const recognized = items.find((item) => item.kind === "recognized")!;
    expect(recognized).toMatchObject({
      labelZh: "认定为省国合基地",
      base: { standardName: expect.stringContaining("湖北省"), unitName: expect.any(String), status: "active" },
      data: { documentNumber: expect.stringMatching(/〔\d{4}〕\d+号$/), recognizedOn: expect.any(String) },
    });
    const revoked = items.find((item) => item.kind === "revoked")!;
    expect(revoked).toMatchObject({ base: { status: "revoked" }, data: { status: { to: "revoked" }, article: "20" } });
    // One publication gives one item per graded base, all within one audit entry.
    const grades = items.filter((item) => item.kind === "grade-published");
    expect(grades.length).toBeGreaterThan(1);
    expect(new Set(grades.map((item) => decodeCursor(item.cursor).seq)).size).toBe(1);
    for (const grade of grades) {
      expect(grade.data).toEqual({ year: expect.any(Number), grade: expect.any(String), score: expect.any(Number) });
    }
    const changed = items.find((item) => item.kind === "changed")!;
    expect(changed.data).toMatchObject({ changeKind: "director", previous: { directorName: expect.any(String) } });
  });

  it("pages by cursor without losing or repeating an item, also inside one entry, and reads on from `next`", async () => {
    const whole = await readAll(null, 500);
    const onePerPage = await readAll(null, 1);
    expect(onePerPage.items).toEqual(whole.items);
    const byThree = await readAll(null, 3);
    expect(byThree.items.map((item) => item.cursor)).toEqual(whole.items.map((item) => item.cursor));
    // A full page says there is more; reading on from an item's own cursor gives what follows it.
    const first = await read("?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    expect((await read(`?limit=2&since=${first.items[0]!.cursor}`)).items[0]).toEqual(first.items[1]);
    expect((await read(`?limit=5&since=${first.next}`)).items).toEqual(
      (await read(`?limit=5&since=${first.items[1]!.cursor}`)).items,
    );
    // At the end: nothing new, the same `next`, and no more to read.
    const end = await read(`?since=${whole.next}`);
    expect(end).toEqual({ items: [], next: whole.next, hasMore: false });
  });

  it("filters by kind and by base, and the cursor moves past what it leaves out", async () => {
    const whole = await readAll(null, 500);
    const grades = await read("?kind=grade-published&limit=500");
    expect(grades.items.map((item) => item.cursor)).toEqual(
      whole.items.filter((item) => item.kind === "grade-published").map((item) => item.cursor),
    );
    expect(grades.next).toBe(whole.next);
    const baseId = whole.items.find((item) => item.kind === "revoked")!.base.id;
    const ofBase = await read(`?baseId=${baseId}&limit=500`);
    expect(ofBase.items.length).toBeGreaterThan(1);
    expect(ofBase.items.every((item) => item.base.id === baseId)).toBe(true);
    expect(ofBase.items.map((item) => item.kind)).toEqual(
      whole.items.filter((item) => item.base.id === baseId).map((item) => item.kind),
    );
  });

  it("shows a revocation made now after the `next` it gave before, and nothing before it again", async () => {
    const before = await readAll(null, 500);
    const active = (await officer.get("/api/bases?status=active&pageSize=1")).json().items[0];
    const opened = await officer.post("/api/revocations", { baseId: active.id, ground: 4, evidence: "泄露国家秘密" });
    expect(opened.statusCode, opened.body).toBe(201);
    const revoked = await officer.post(`/api/revocations/${opened.json().id}/events`, {
      event: "revoke",
      meetingDate: chinaDate(t.clock.now()),
      minuteRef: "厅党组会纪要〔2026〕9号",
      documentPrefix: "鄂科技函",
      documentNumber: 901,
      expectedVersion: opened.json().version,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await read(`?since=${before.next}`);
    expect(after.items.map((item) => [item.kind, item.base.id])).toEqual([
      ["status-changed", active.id],
      ["revoked", active.id],
    ]);
    expect(after.items[1]!.data).toMatchObject({ status: { from: "revocation-proposed", to: "revoked" } });
    expect(position(after.items[0]!.cursor)).toBeGreaterThan(position(before.next));
  });

  it("refuses a cursor it did not give, and bad parameters, naming the parameter", async () => {
    for (const query of ["?since=nonsense", `?since=${Buffer.from("v1:99999999").toString("base64url")}`]) {
      const response = await officer.get(`/api/feed/bases${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({
        code: "invalid-cursor",
        errors: [{ path: "querystring.since" }],
      });
    }
    for (const [query, path] of [
      ["?limit=0", "limit"],
      ["?limit=501", "limit"],
      ["?kind=deleted", "kind"],
    ] as const) {
      const response = await officer.get(`/api/feed/bases${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].path, query).toBe(`querystring.${path}`);
    }
  });

  // Last: it purges the demo's old audit entries, as the retention purge does (migration 0011).
  it("refuses a cursor whose entries were purged after their retention (409); from the beginning it reads what is left", async () => {
    const whole = await readAll(null, 500);
    const grades = whole.items.filter((item) => item.kind === "grade-published");
    const purgedThrough = decodeCursor(grades[0]!.cursor).seq;
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`select set_config('guohe.audit_purge_through', ${String(purgedThrough)}, true)`);
      await tx.execute(sql`delete from audit_log where seq <= ${purgedThrough}`);
    });
    const earlier = whole.items.find((item) => decodeCursor(item.cursor).seq < purgedThrough)!;
    // Before the purged range, and inside the purged entry: what follows is gone.
    for (const cursor of [earlier.cursor, grades[0]!.cursor]) {
      const expired = await officer.get(`/api/feed/bases?since=${cursor}`);
      expect(expired.statusCode).toBe(409);
      expect(expired.json()).toMatchObject({
        code: "feed-cursor-expired",
        messageZh: expect.stringContaining("GET /api/bases"),
      });
    }
    const rest = await readAll(null, 500);
    expect(rest.items).toEqual(whole.items.filter((item) => decodeCursor(item.cursor).seq > purgedThrough));
    expect((await read(`?since=${whole.next}`)).items).toEqual([]);
  });

  it("is read by the department and by service accounts, no one else", async () => {
    expect((await t.anonymous.get("/api/feed/bases")).statusCode).toBe(401);
    for (const username of ["rec.wuhan", "app.hust", "expert", "evaluator", "sysadmin", "secadmin", "auditor"]) {
      expect((await (await t.login(username)).get("/api/feed/bases")).statusCode, username).toBe(403);
    }
    const { token } = await serviceAccountToken(t, { username: "svc.feed" });
    const byToken = await t.app.inject({ method: "GET", url: "/api/feed/bases?limit=500", headers: bearer(token) });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json().items).toEqual((await read("?limit=500")).items);
  });
});
