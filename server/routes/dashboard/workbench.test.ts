import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "../../demo/demo-accounts";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

type Card = { key: string; value: number; kind: "todo" | "overview"; link?: string; api?: string };

const dashboard = async (agent: Agent): Promise<Card[]> => {
  const response = await agent.get("/api/dashboard");
  expect(response.statusCode).toBe(200);
  return response.json().cards;
};
const todoCount = (cards: Card[], key: string) => cards.find((card) => card.key === key)?.value;

/** The size of a list response: its paged total, or its rows when it is not paged. */
const listSize = (body: { total?: number; items: unknown[] }) => body.total ?? body.items.length;

/** 工作台 (issue 13 item 1): each to-do is counted as its list counts it, and reaches only lists the role can open. */
describe.each(databaseKinds())("the 工作台 on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it.each(demoAccounts.map((account) => account.username))(
    "%s: every to-do's count is the total of the list it opens, and every such list opens",
    async (username) => {
      const agent = await t.login(username);
      const cards = await dashboard(agent);
      const todos = cards.filter((card) => card.kind === "todo");
      for (const card of todos) {
        expect(card.api, card.key).toBeDefined();
        const [apiPath, apiQuery] = card.api!.split("?");
        const [pagePath, pageQuery] = card.link!.split("?");
        // The web list reads the same parameters its endpoint takes.
        expect(pageQuery, card.key).toBe(apiQuery);
        expect(apiPath!.startsWith("/api/"), card.key).toBe(true);
        expect(pagePath, card.key).not.toBe("/");
        const list = await agent.get(card.api!);
        expect(list.statusCode, `${username} ${card.api}`).toBe(200);
        expect(card.value, `${username} ${card.key}`).toBe(listSize(list.json()));
      }
      // What waits leads: no zero before a non-zero to-do.
      const firstQuiet = todos.findIndex((card) => card.value === 0);
      if (firstQuiet >= 0) expect(todos.slice(firstQuiet).every((card) => card.value === 0)).toBe(true);
      expect(cards.findIndex((card) => card.kind === "overview")).toBeGreaterThanOrEqual(todos.length);
    },
  );

  it("shows each role its own to-dos and none of another role's", async () => {
    const keys = async (username: string) =>
      new Set((await dashboard(await t.login(username))).filter((c) => c.kind === "todo").map((c) => c.key));
    const applicant = await keys("app.yichang");
    expect(applicant).toContain("application-drafts");
    expect(applicant).toContain("application-returned");
    expect(applicant).toContain("annual-report-due");
    for (const other of ["application-formal-review", "application-to-recommend", "review-to-score", "grants-pending"])
      expect(applicant).not.toContain(other);

    const recommender = await keys("rec.wuhan");
    expect(recommender).toContain("application-to-recommend");
    expect(recommender).toContain("annual-report-recommender-review");
    expect(recommender).toContain("units-pending");
    for (const other of ["application-drafts", "application-formal-review", "change-report-to-file"])
      expect(recommender).not.toContain(other);

    const officer = await keys("officer");
    for (const own of [
      "application-formal-review",
      "application-send-to-review",
      "change-report-to-file",
      "deadlines-week",
    ])
      expect(officer).toContain(own);
    for (const other of ["application-drafts", "application-to-recommend", "review-to-score", "accounts-locked"])
      expect(officer).not.toContain(other);

    const expert = await keys("expert");
    expect([...expert].sort()).toEqual(["review-declarations", "review-invitations", "review-to-score"]);
    expect(await keys("evaluator")).toContain("evaluator-to-score");
    expect([...(await keys("secadmin"))].sort()).toEqual(["accounts-locked", "grants-pending"]);
    expect([...(await keys("sysadmin"))]).toEqual(["accounts-locked"]);
    expect([...(await keys("auditor"))]).toEqual(["audit-refused"]);
  });

  it("moves a count when a row changes state: a recommender returns an application", async () => {
    const recommender = await t.login("rec.wuhan");
    const before = await dashboard(recommender);
    const waiting = todoCount(before, "application-to-recommend")!;
    expect(waiting).toBeGreaterThan(0);
    const queue = (await recommender.get("/api/applications?state=submitted&held=true")).json();
    const target = queue.items[0];
    const returned = await recommender.post(`/api/applications/${target.id}/events`, {
      event: "return",
      reason: "请补充合作协议的中文译本。",
      version: target.version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const after = await dashboard(recommender);
    expect(todoCount(after, "application-to-recommend")).toBe(waiting - 1);
    expect(listSize((await recommender.get("/api/applications?state=submitted&held=true")).json())).toBe(waiting - 1);
  });

  it("moves a count when a host unit starts a change report draft", async () => {
    const unit = await t.login("app.yichang");
    const before = todoCount(await dashboard(unit), "change-report-drafts")!;
    const bases = (await unit.get("/api/bases")).json().items as Array<{ id: string; status: string }>;
    const base = bases.find((b) => b.status === "active");
    expect(base).toBeDefined();
    const created = await unit.post("/api/change-reports", {
      baseId: base!.id,
      kind: "director",
      changedOn: "2026-03-01",
      proposed: { directorName: "王新民" },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(todoCount(await dashboard(unit), "change-report-drafts")).toBe(before + 1);
  });
});
