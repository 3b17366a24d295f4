import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faqSeed } from "../../../assistant/faq-seed";
import type { Finding, Verdict } from "../../../policy/eligibility/findings";
import { seedAssistantFaq } from "../../assistant/faq-commands";
import { auditLog, callNotices } from "../../db/schema";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const ask = (t: TestApp, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/assistant/ask", payload: payload as object, headers });

describe.each(databaseKinds())("政策助手: POST /api/assistant/ask on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { ASSISTANT_CONTACT: "027-87654321", ASSISTANT_RATE_LIMIT: "1000" });
  });
  afterAll(() => t.close());

  it("answers anyone, without a session or CSRF token, citing the item best first", async () => {
    const response = await ask(t, { question: "负责人换了要在多长时间内报备？" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ refused: false, lang: "zh", edition: "2025", rephrased: false });
    expect(body.citations[0]).toMatchObject({ article: "18", item: "5", label: "第十八条第5项" });
    expect(body.citations[0].quote).toContain("3个月内");
  });

  it("computes a deadline with today's year from the server clock (2026-03-10)", async () => {
    const body = (await ask(t, { question: "负责人3月15日变更，最晚什么时候报备？" })).json();
    expect(body.computed).toMatchObject({ type: "deadline", value: "2026-06-15" });
    expect(body.citations).toEqual([expect.objectContaining({ article: "18", item: "5" })]);
  });

  it("computes a standard name with the platform's fields", async () => {
    const body = (await ask(t, { question: "武汉某大学人工智能领域联合研究基地叫什么？" })).json();
    expect(body.computed).toMatchObject({ type: "standard-name", value: "湖北省人工智能国际科技合作基地（联合研究）" });
  });

  it("answers in English when asked in English", async () => {
    const body = (await ask(t, { question: "Can one person direct two provincial bases?", lang: "en" })).json();
    expect(body.lang).toBe("en");
    expect(body.citations[0].label).toMatch(/^Art\. 12/);
  });

  it("refuses what it cannot ground, with the configured contact", async () => {
    const body = (await ask(t, { question: "今天武汉天气怎么样" })).json();
    expect(body).toMatchObject({ refused: true, citations: [] });
    expect(body.answer).toMatch(/^无法回答 — 请联系省科技厅国际合作处 027-87654321/);
  });

  it("refuses bad input with the one error shape", async () => {
    const cases: [unknown, string][] = [
      [{ question: "" }, "question"],
      [{ question: "   " }, "question"],
      [{ question: "问".repeat(501) }, "question"],
      [{}, "question"],
      [{ question: "什么是省国合基地", lang: "fr" }, "lang"],
      [{ question: "什么是省国合基地", extra: 1 }, ""],
    ];
    for (const [payload, path] of cases) {
      const response = await ask(t, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ code: expect.any(String), messageZh: expect.any(String) });
      if (path) expect(body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    // NUL never reaches the assistant: the input edge refuses it.
    const nul = await ask(t, { question: "省国合基地\u0000是什么" });
    expect(nul.statusCode).toBe(400);
  });

  it("knows a call notice once it is published, and not before", async () => {
    const callId = await createCall(t.database.db, { year: 2026 });
    const notice = {
      callId,
      titleZh: "关于组织申报2026年度湖北省国际科技合作基地的通知",
      bodyZh: "申报截止时间：2026年5月31日。离岸创新平台须符合管理办法第十一条。申报材料经推荐部门审核后报送。",
      updatedAt: new Date(),
    };
    await t.database.db.insert(callNotices).values({ ...notice, publishedOn: "2026-04-01" });
    const question = { question: "2026年度申报通知的申报截止时间是什么时候" };
    const before = (await ask(t, question)).json();
    expect(before.sources.some((source: { kind: string }) => source.kind === "notice")).toBe(false);
    await t.database.db
      .update(callNotices)
      .set({ publishedOn: "2026-03-10", version: 2 })
      .where(eq(callNotices.callId, callId));
    const after = (await ask(t, question)).json();
    expect(after.sources).toContainEqual({ kind: "notice", title: notice.titleZh });
    expect(after.retrieved).toContain("11");
  });

  it("tells a signed-in host unit its own application's open findings, and no one else's", async () => {
    const callId = await createCall(t.database.db, { year: 2026 });
    const finding = (ruleId: string, article: string, verdict: Verdict, messageZh: string): Finding => ({
      ruleId,
      article,
      verdict,
      evidence: [],
      messageZh,
      messageEn: `${ruleId} (en)`,
    });
    const eligibility = (findings: Finding[]) => ({
      edition: "2025",
      referenceDate: "2026-05-31",
      findings,
      summary: null,
      inputErrors: [],
    });
    const later = new Date("2026-03-09T02:00:00Z");
    const own = await createApplication(t.database.db, {
      callId,
      unitName: "武汉光谷激光科技有限公司",
      state: "returned",
      updatedAt: later,
      eligibility: eligibility([
        finding("7.1-registered-in-hubei", "7.1", "pass", "在湖北省内注册"),
        finding("7.2-agreement-valid", "7.2", "fail", "合作协议已于2025年12月31日到期"),
        finding("7.4-management-systems", "7.4", "missing", "缺少管理制度文件"),
      ]),
    });
    const other = await createApplication(t.database.db, {
      callId,
      unitName: "宜昌三峡新材料股份有限公司",
      state: "returned",
      updatedAt: later,
      eligibility: eligibility([finding("7.3-projects", "7.3", "fail", "另一单位的问题")]),
    });
    const question = { question: "我们的申报还有什么问题？" };

    const applicant = await t.login("app.wuhan-ent");
    const body = (await applicant.post("/api/assistant/ask", question)).json();
    expect(body).toMatchObject({ refused: false, rephrased: false });
    expect(body.applications.map((entry: { id: string }) => entry.id)).toContain(own);
    expect(body.applications.map((entry: { id: string }) => entry.id)).not.toContain(other);
    // Open findings only, the fail before the missing evidence, each with its article; a pass is not listed.
    expect(body.answer).toContain("第七条第2项 不符合：合作协议已于2025年12月31日到期");
    expect(body.answer.indexOf("第七条第2项")).toBeLessThan(body.answer.indexOf("第七条第4项"));
    expect(body.answer).not.toContain("在湖北省内注册");
    expect(body.answer).not.toContain("另一单位的问题");
    expect(body.citations[0]).toMatchObject({ article: "7", item: "2" });

    // Signed out, or signed in without a unit: told how to ask, never shown an application.
    for (const caller of [t.anonymous, await t.login("officer")]) {
      const reply = (await caller.post("/api/assistant/ask", question)).json();
      expect(reply.applications).toBeUndefined();
      expect(reply.answer).toContain("申报单位账号登录");
      expect(reply.answer).not.toContain("合作协议");
    }
  });
});

describe.each(databaseKinds())("政策助手 FAQ: /api/assistant/faq on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let applicant: Agent;
  const entry = {
    questions: ["基地铭牌由谁制作？", "Who makes the base's name plate?"],
    answerZh: "基地铭牌由依托单位按省科技厅公布的规范名称自行制作。",
    answerEn: "The host unit makes the plate with the standard name the department published.",
    articles: ["29", "18"],
    validFrom: "2026-01-01",
  };
  const auditOf = (id: string, action: string, outcome: "success" | "refused" = "success") =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, action), eq(auditLog.outcome, outcome)));

  beforeAll(async () => {
    t = await startTestApp(kind, { ASSISTANT_RATE_LIMIT: "1000" });
    officer = await t.login("officer");
    applicant = await t.login("app.hust");
  });
  afterAll(() => t.close());

  it("is the department's: anonymous 401, another role 403, a write without CSRF 403", async () => {
    expect((await t.anonymous.get("/api/assistant/faq")).statusCode).toBe(401);
    expect((await applicant.get("/api/assistant/faq")).statusCode).toBe(403);
    expect((await applicant.post("/api/assistant/faq", entry)).statusCode).toBe(403);
    const noCsrf = await t.app.inject({
      method: "POST",
      url: "/api/assistant/faq",
      payload: entry,
      headers: { cookie: officer.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("lists the seed entries, each current", async () => {
    const response = await officer.get("/api/assistant/faq");
    expect(response.statusCode).toBe(200);
    const ids = response.json().map((row: { id: string }) => row.id);
    expect(ids).toEqual(expect.arrayContaining(faqSeed.map((seed) => seed.id)));
    expect(response.json()[0]).toMatchObject({ current: true, version: 1, edition: "2025" });
  });

  it("refuses an entry that cites an article the edition lacks, ends before it starts, or asks nothing", async () => {
    const bad = await officer.post("/api/assistant/faq", {
      ...entry,
      questions: [],
      articles: ["40", "18.9"],
      validTo: "2025-12-31",
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["questions", "articles.0", "articles.1", "validTo"]));
  });

  it("creates, changes at the version read and deletes, each audited, and the assistant follows", async () => {
    const created = await officer.post("/api/assistant/faq", entry);
    expect(created.statusCode).toBe(201);
    const row = created.json();
    expect(row).toMatchObject({ ...entry, validTo: null, edition: "2025", version: 1, current: true });
    expect(await auditOf(row.id, "assistant-faq.create")).toHaveLength(1);

    const asked = (await ask(t, { question: "基地铭牌由谁制作" })).json();
    expect(asked.sources).toContainEqual({ kind: "faq", title: "基地铭牌由谁制作？" });
    expect(asked.answer).toContain("按省科技厅公布的规范名称自行制作");

    const patch = (body: object) =>
      officer.request({ method: "PATCH", url: `/api/assistant/faq/${row.id}`, payload: body });
    const changed = await patch({ answerZh: "基地铭牌由依托单位制作，名称按第二十九条。", version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, answerZh: "基地铭牌由依托单位制作，名称按第二十九条。" });
    expect((await patch({ answerZh: "过期的修改", version: 1 })).statusCode).toBe(409);
    expect((await patch({ validTo: "2025-01-01", version: 2 })).statusCode).toBe(400);
    expect(await auditOf(row.id, "assistant-faq.update")).toHaveLength(1);
    // The stale version and the bad dates were refused, and audited as refused.
    expect(await auditOf(row.id, "assistant-faq.update", "refused")).toHaveLength(2);

    // Retired from yesterday: no longer current, no longer answered.
    const retired = await patch({ validTo: "2026-03-09", version: 2 });
    expect(retired.json()).toMatchObject({ current: false, version: 3 });
    const afterRetire = (await ask(t, { question: "基地铭牌由谁制作" })).json();
    expect(afterRetire.sources.some((source: { kind: string }) => source.kind === "faq")).toBe(false);

    const deleted = await officer.request({ method: "DELETE", url: `/api/assistant/faq/${row.id}` });
    expect(deleted.statusCode).toBe(200);
    expect(await auditOf(row.id, "assistant-faq.delete")).toHaveLength(1);
    const list = (await officer.get("/api/assistant/faq")).json();
    expect(list.some((item: { id: string }) => item.id === row.id)).toBe(false);
    expect((await officer.request({ method: "DELETE", url: `/api/assistant/faq/${row.id}` })).statusCode).toBe(404);
    expect((await patch({ answerZh: "已删除", version: 4 })).statusCode).toBe(404);
  });

  it("does not bring back a seed entry the department deleted", async () => {
    const [seed] = faqSeed;
    expect((await officer.request({ method: "DELETE", url: `/api/assistant/faq/${seed!.id}` })).statusCode).toBe(200);
    await seedAssistantFaq({ database: t.database, clock: t.clock, keys: t.config.keys });
    const ids = (await officer.get("/api/assistant/faq")).json().map((row: { id: string }) => row.id);
    expect(ids).not.toContain(seed!.id);
    expect(ids).toContain(faqSeed[1]!.id);
  });
});

describe("政策助手: rate limit and the optional language model", () => {
  it("limits questions per address (ASSISTANT_RATE_LIMIT)", async () => {
    const t = await startTestApp("pglite", { ASSISTANT_RATE_LIMIT: "2" });
    try {
      const codes = [];
      for (let index = 0; index < 3; index += 1) codes.push((await ask(t, { question: "推荐部门是谁" })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });

  describe("with LLM_BASE_URL set to a local stub", () => {
    let stub: Server;
    let reply = "";
    const received: { url: string; body: { messages: { role: string; content: string }[] } }[] = [];
    let t: TestApp;

    beforeAll(async () => {
      stub = createServer((request, response) => {
        let data = "";
        request.on("data", (chunk) => {
          data += chunk;
        });
        request.on("end", () => {
          received.push({ url: request.url ?? "", body: JSON.parse(data) });
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: reply } }] }));
        });
      });
      await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
      const { port } = stub.address() as AddressInfo;
      t = await startTestApp("pglite", { LLM_BASE_URL: `http://127.0.0.1:${port}`, ASSISTANT_RATE_LIMIT: "1000" });
    });
    afterAll(async () => {
      await t.close();
      await new Promise((resolve) => stub.close(resolve));
    });

    it("rephrases a grounded answer, sending only the retrieved articles", async () => {
      reply = "负责人变更属于重大事项，应在3个月内经推荐部门审核同意后报省科技厅备案（第十八条第5项）。";
      const body = (await ask(t, { question: "负责人换了要在多长时间内报备？" })).json();
      expect(body).toMatchObject({ rephrased: true, answer: reply });
      const sent = received.at(-1)!;
      expect(sent.url).toBe("/v1/chat/completions");
      const user = sent.body.messages.find((message) => message.role === "user")!.content;
      expect(user).toContain("第十八条第5项");
      // Only what was retrieved: an article the question did not reach is not sent.
      expect(user).not.toContain("第二十七条");
    });

    it("keeps the grounded answer when the model cites an article that was not retrieved", async () => {
      reply = "应在3个月内报备（第十八条第5项），否则按第二十七条处理。";
      const body = (await ask(t, { question: "负责人换了要在多长时间内报备？" })).json();
      expect(body.rephrased).toBe(false);
      expect(body.answer).not.toContain("第二十七条");
      expect(body.citations[0]).toMatchObject({ article: "18", item: "5" });
    });

    it("keeps a computed value word for word, and never sends a refusal", async () => {
      reply = "大约三个月后（第十八条第5项）。";
      const computed = (await ask(t, { question: "负责人3月15日变更，最晚什么时候报备？" })).json();
      expect(computed).toMatchObject({ rephrased: false });
      expect(computed.answer).toContain("2026年6月15日");
      const count = received.length;
      const refused = (await ask(t, { question: "今天武汉天气怎么样" })).json();
      expect(refused).toMatchObject({ refused: true, rephrased: false });
      expect(received.length).toBe(count);
    });
  });
});
