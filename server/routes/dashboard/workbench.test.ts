import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "../../demo/demo-accounts";
import { testClockStart } from "../../test/constants";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

type Card = { key: string; value: number; kind: "todo" | "overview"; link?: string; api?: string };

const dashboard = async (agent: Agent): Promise<Card[]> => {
  const response = await agent.get("/api/dashboard");
  expect(response.statusCode).toBe(200);
  return response.json().cards;
};
const todoCount = (cards: Card[], key: string) => cards.find((card) => card.key === key)?.value;

/** The size of a list response: its paged total, its rows when it is not paged, or its length when it is an array. */
const listSize = (body: { total?: number; items: unknown[] } | unknown[]) =>
  Array.isArray(body) ? body.length : (body.total ?? body.items.length);

/** 工作台 (issue 13 item 1): each to-do is counted as its list counts it, and reaches only lists the role can open. */
describe.each(databaseKinds())("the 工作台 on %s", (kind) => {
  let t: TestApp;
  /** The 公示 the notices test publishes today (the demo's own ran in the week the template was loaded). */
  let running = { noticeId: "", applicationId: "" };
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
    expect(recommender).toContain("application-letter-missing");
    expect(recommender).toContain("annual-report-recommender-review");
    expect(recommender).toContain("units-pending");
    for (const other of [
      "application-drafts",
      "application-formal-review",
      "change-report-to-file",
      "objections-open",
      "notices-ending",
    ])
      expect(recommender).not.toContain(other);

    const officer = await keys("officer");
    for (const own of [
      "application-formal-review",
      "application-send-to-review",
      "change-report-to-file",
      "deadlines-week",
      "objections-open",
      "notices-ending",
    ])
      expect(officer).toContain(own);
    for (const other of [
      "application-drafts",
      "application-to-recommend",
      "application-letter-missing",
      "review-to-score",
      "accounts-locked",
    ])
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
  it("待出具推荐函: the recommender's own recommendations its latest stamped letter does not list, and no other's", async () => {
    const letterList = "/api/applications?held=true&letter=missing";
    const wuhan = await t.login("rec.wuhan");
    const yichang = await t.login("rec.yichang");
    const count = async (agent: Agent) => todoCount(await dashboard(agent), "application-letter-missing");
    const waiting = (await wuhan.get(letterList)).json() as {
      total: number;
      items: Array<{ id: string; callId: string; state: string; recommenderId: string; version: number }>;
    };
    expect(waiting.total).toBeGreaterThan(1);
    expect(await count(wuhan)).toBe(waiting.total);
    const wuhanId = waiting.items[0]!.recommenderId;
    for (const item of waiting.items) {
      expect(item.recommenderId).toBe(wuhanId);
      expect(["recommended", "correction-requested"]).toContain(item.state);
    }
    // Wuhan's recommendations count neither at Yichang nor at Wuhan's district (which passes up, never recommends).
    expect(await count(yichang)).toBe(0);
    expect(listSize((await yichang.get(letterList)).json())).toBe(0);
    expect(listSize((await yichang.get("/api/applications?letter=missing")).json())).toBe(0);
    expect(await count(await t.login("rec.donghu"))).toBe(0);

    // Yichang recommends one of its own units' applications: its count moves, Wuhan's does not.
    const unit = await t.login("app.xiling");
    const returned = (await unit.get("/api/applications?state=returned")).json().items[0];
    const resubmitted = await unit.post(`/api/applications/${returned.id}/events`, { event: "submit" });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const recommended = await yichang.post(`/api/applications/${returned.id}/events`, { event: "recommend" });
    expect(recommended.statusCode, recommended.body).toBe(200);
    expect(await count(yichang)).toBe(1);
    expect(listSize((await yichang.get(letterList)).json())).toBe(1);
    expect(await count(wuhan)).toBe(waiting.total);

    // The department passes one through formal review: its letter is no longer awaited.
    const atFormalReview = waiting.items.find((item) => item.state === "recommended")!;
    const passed = await (await t.login("officer")).post(`/api/applications/${atFormalReview.id}/events`, {
      event: "pass-formal-review",
      checklist: {
        "materials-complete": true,
        "stamped-copies": true,
        "commitment-signed": true,
        "recommendation-letter": true,
        eligibility: true,
      },
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(await count(wuhan)).toBe(waiting.total - 1);

    // Wuhan uploads its stamped letter: none of its recommendations waits any more; Yichang's still does.
    const boundary = "----workbench-letter";
    const upload = await wuhan.request({
      method: "POST",
      url: `/api/calls/${atFormalReview.callId}/recommendations/${wuhanId}/stamped`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="letter.pdf"\r\n` +
            "Content-Type: application/pdf\r\n\r\n",
        ),
        Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(await count(wuhan)).toBe(0);
    expect(listSize((await wuhan.get(letterList)).json())).toBe(0);
    expect(await count(yichang)).toBe(1);
  });

  it("7日内结束的公示: counts the notices ending between today and 7 days ahead, as the day and the notices move", async () => {
    let officer = await t.login("officer");
    const count = async () => todoCount(await dashboard(officer), "notices-ending")!;
    const ending = (await officer.get("/api/decisions/notices?endingWithin=7")).json() as Array<{ endOn: string }>;
    expect(await count()).toBe(ending.length);
    const today = "2026-03-10";
    expect(ending.every((notice) => notice.endOn >= today && notice.endOn <= "2026-03-17")).toBe(true);
    expect((await officer.get("/api/decisions/notices?endingWithin=x")).statusCode).toBe(400);

    const candidates = (await officer.get("/api/decisions/candidates")).json().items as Array<{
      id: string;
      events: string[];
    }>;
    const approved = candidates.find((candidate) => candidate.events.includes("publish"));
    expect(approved).toBeDefined();
    const published = await officer.post("/api/decisions/notices", { startOn: today, applicationIds: [approved!.id] });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().endOn).toBe("2026-03-16");
    running = { noticeId: published.json().id, applicationId: approved!.id };
    expect(await count()).toBe(ending.length + 1);
    expect(listSize((await officer.get("/api/decisions/notices?endingWithin=7")).json())).toBe(ending.length + 1);

    // An objection to it is received: the objections' count moves with it.
    const objectionsOpen = async () => todoCount(await dashboard(officer), "objections-open")!;
    const before = await objectionsOpen();
    const received = await officer.post(`/api/decisions/notices/${running.noticeId}/objections`, {
      applicationId: running.applicationId,
      objectorKind: "person",
      realName: "李四",
      contact: "13900003333",
      content: "认为该单位的合作协议已到期。",
      facts: "附合作协议到期页复印件。",
    });
    expect(received.statusCode, received.body).toBe(201);
    expect(await objectionsOpen()).toBe(before + 1);

    // A week later every one of them has ended: nothing is left to follow up before its end.
    t.clock.set("2026-03-17T02:00:00Z");
    try {
      officer = await t.login("officer");
      expect(await count()).toBe(0);
      expect(listSize((await officer.get("/api/decisions/notices?endingWithin=7")).json())).toBe(0);
    } finally {
      t.clock.set(testClockStart);
    }
  });
  it("待处理的公示异议: counts the objections not yet resolved and moves as each is decided", async () => {
    const officer = await t.login("officer");
    const count = async () => todoCount(await dashboard(officer), "objections-open")!;
    const open = (await officer.get("/api/decisions/objections?objections=open")).json() as {
      total: number;
      items: Array<{ id: string; noticeId: string; applicationId: string; status: string }>;
    };
    // The demo's objection under investigation and the one received on the notice published above.
    expect(open.total).toBeGreaterThan(1);
    expect(await count()).toBe(open.total);
    expect(open.items.every((item) => item.status === "received" || item.status === "investigating")).toBe(true);
    const all = (await officer.get("/api/decisions/objections")).json();
    expect(all.total).toBeGreaterThanOrEqual(open.total);
    expect((await officer.get("/api/decisions/objections?objections=closed")).statusCode).toBe(400);
    expect((await (await t.login("rec.wuhan")).get("/api/decisions/objections?objections=open")).statusCode).toBe(403);

    const target = open.items.find((item) => item.status === "investigating")!;
    const dismissed = await officer.post(`/api/decisions/objections/${target.id}/resolve`, {
      outcome: "dismissed",
      resolution: "依托单位已提供续签协议原件，异议不成立。",
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(await count()).toBe(open.total - 1);
    expect(listSize((await officer.get("/api/decisions/objections?objections=open")).json())).toBe(open.total - 1);

    // Under investigation it stays open; decided, it leaves.
    const received = open.items.find((item) => item.noticeId === running.noticeId)!;
    const investigating = await officer.post(`/api/decisions/objections/${received.id}/investigate`, {
      notes: "已函请依托单位说明。",
    });
    expect(investigating.statusCode, investigating.body).toBe(200);
    expect(await count()).toBe(open.total - 1);
    const upheld = await officer.post(`/api/decisions/objections/${received.id}/resolve`, {
      outcome: "upheld",
      resolution: "合作协议确已到期且未续签，异议成立。",
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(await count()).toBe(open.total - 2);
  });
});
