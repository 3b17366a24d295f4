import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, applications, notifications, recommendationLetters } from "../../db/schema";
import { recommenderIdByCode } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { docxText, multipart, openCall, pdfText, submittedApplication, tinyPdf } from "./recognition.fixtures";

const checklist = {
  "materials-complete": true,
  "stamped-copies": true,
  "commitment-signed": true,
  "recommendation-letter": true,
  eligibility: true,
};

describe.each(databaseKinds())("the recommender workbench and formal review on %s", (kind) => {
  let t: TestApp;
  let callId: string;
  let wuhan: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = (await openCall(t, { defaultQuota: 2 })).id;
    wuhan = await recommenderIdByCode(t.database.db, "420100");
    const applicant = await t.login("app.wuhan-ent");
    first = await submittedApplication(t, applicant, callId, "刘洋", "人工智能");
    // Art. 14.1: one application per unit per call — the second comes from another 东湖 enterprise of the demo.
    second = await submittedApplication(t, await t.login("app.zhineng"), callId, "周航", "光电子信息");
  });
  afterAll(() => t.close());

  const fire = async (username: string, id: string, body: Record<string, unknown>) =>
    (await t.login(username)).post(`/api/applications/${id}/events`, body);

  it("the district passes up; only the holder acts; another jurisdiction gets 404; a return needs a reason", async () => {
    const queue = (await (await t.login("rec.donghu")).get(`/api/applications?held=true&callId=${callId}`)).json();
    expect(queue.items.map((a: { id: string }) => a.id).sort()).toEqual([first, second].sort());
    expect(queue.items[0].availableEvents).toEqual(expect.arrayContaining(["pass-up", "return", "decline"]));
    expect(queue.items[0].availableEvents).not.toContain("recommend");

    expect((await fire("rec.yichang", first, { event: "pass-up" })).statusCode).toBe(404);
    expect((await (await t.login("rec.yichang")).get(`/api/applications/${first}`)).statusCode).toBe(404);
    expect((await fire("app.wuhan-ent", first, { event: "recommend" })).statusCode).toBe(403);
    const notHolder = await fire("rec.wuhan", first, { event: "recommend" });
    expect(notHolder.statusCode).toBe(409);
    expect(notHolder.json().code).toBe("not-the-holder");
    const noReason = await fire("rec.donghu", first, { event: "return" });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe("reason-required");
    expect((await fire("rec.donghu", first, { event: "bogus" })).statusCode).toBe(400);

    for (const id of [first, second]) {
      const passed = await fire("rec.donghu", id, { event: "pass-up" });
      expect(passed.statusCode).toBe(200);
      expect(passed.json()).toMatchObject({
        state: "submitted",
        recommenderName: "武汉市科学技术局",
        availableEvents: [],
      });
    }
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, first));
    expect(row?.recommenderId).toBe(wuhan);
    expect((await (await t.login("rec.donghu")).get(`/api/applications/${first}`)).statusCode).toBe(404);
  });

  it("the city recommends within the quota, ranks by drag, and the applicant is notified", async () => {
    const city = await t.login("rec.wuhan");
    const detail = (await city.get(`/api/applications/${first}`)).json();
    expect(detail.availableEvents).toEqual(expect.arrayContaining(["recommend", "return", "decline"]));
    expect(detail.eligibility.findings.length).toBeGreaterThan(20);
    expect((await fire("rec.wuhan", first, { event: "recommend" })).statusCode).toBe(200);
    expect((await fire("rec.wuhan", second, { event: "recommend" })).statusCode).toBe(200);

    const third = await submittedApplication(t, await t.login("app.xinpian"), callId, "吴芯", "新材料");
    await fire("rec.donghu", third, { event: "pass-up" });
    const over = await fire("rec.wuhan", third, { event: "recommend" });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe("quota-exceeded");
    const declined = await fire("rec.wuhan", third, { event: "decline", reason: "超出本批次推荐限额" });
    expect(declined.json().state).toBe("declined");

    const ranking = (order: string[], recommenderId = wuhan) =>
      city.request({ method: "PUT", url: "/api/applications/ranking", payload: { callId, recommenderId, order } });
    expect((await ranking([first])).statusCode).toBe(422);
    expect((await ranking([first, second, third])).statusCode).toBe(422);
    expect(
      (
        await (
          await t.login("rec.yichang")
        ).request({
          method: "PUT",
          url: "/api/applications/ranking",
          payload: { callId, recommenderId: wuhan, order: [second, first] },
        })
      ).statusCode,
    ).toBe(404);
    const ranked = await ranking([second, first]);
    expect(ranked.statusCode).toBe(200);
    expect(ranked.json().items.map((a: { id: string; priority: number }) => [a.id, a.priority])).toEqual([
      [second, 1],
      [first, 2],
    ]);
    const list = (await city.get(`/api/calls/${callId}/recommendations/${wuhan}`)).json();
    expect(list).toMatchObject({ quota: 2, stampedCopy: null, abilities: ["application.rank"] });
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([second, first]);

    await t.flushOutbox();
    const inbox = (await (await t.login("app.wuhan-ent")).get("/api/notifications?pageSize=50")).json();
    const titles = inbox.items.map((n: { titleZh: string }) => n.titleZh);
    expect(titles.some((title: string) => title.startsWith("申报已推荐，待形式审查"))).toBe(true);
    const declinedInbox = (await (await t.login("app.xinpian")).get("/api/notifications?pageSize=50")).json();
    expect(declinedInbox.items.some((n: { titleZh: string }) => n.titleZh.startsWith("申报不予推荐"))).toBe(true);
    const officerInbox = await t.database.db.select().from(notifications);
    expect(officerInbox.some((n) => n.titleZh.includes("湖北省光电子信息国际科技合作基地（联合研究）"))).toBe(true);
  });

  it("generates the letter and the 汇总表 in priority order, and takes the stamped copy", async () => {
    const city = await t.login("rec.wuhan");
    const base = `/api/calls/${callId}/recommendations/${wuhan}`;
    const letter = await city.get(`${base}/letter/docx`);
    expect(letter.statusCode).toBe(200);
    const letterText = await docxText(letter.rawPayload);
    expect(letterText).toContain("省科技厅：");
    expect(letterText).toContain("关于推荐2026年度湖北省国际科技合作基地的函");
    expect(letterText.indexOf("光电子信息")).toBeLessThan(letterText.indexOf("人工智能国际"));
    const letterPdf = pdfText((await city.get(`${base}/letter/pdf`)).rawPayload);
    expect(letterPdf).toContain("武汉市科学技术局（盖章）");
    expect(letterPdf).toContain("推荐汇总表");
    const summary = pdfText((await city.get(`${base}/summary/pdf`)).rawPayload);
    expect(summary).toContain("基地名称");
    expect(summary).toContain("武汉光谷激光科技");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await city.get(`${base}/summary/xlsx`)).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("推荐汇总表")!;
    expect(sheet.getCell("A1").value).toBe("2026年度湖北省国际科技合作基地推荐汇总表");
    expect(sheet.getRow(4).getCell(1).value).toBe(1);
    expect(sheet.getRow(4).getCell(3).value).toBe("湖北省光电子信息国际科技合作基地（联合研究）");
    expect(sheet.getRow(5).getCell(3).value).toBe("湖北省人工智能国际科技合作基地（联合研究）");
    expect((await (await t.login("rec.yichang")).get(`${base}/summary/xlsx`)).statusCode).toBe(404);

    const stamped = (content: Buffer, username = "rec.wuhan") =>
      t.login(username).then((agent) =>
        agent.request({
          method: "POST",
          url: `${base}/stamped`,
          ...multipart({}, { name: "推荐函-盖章.pdf", content, mediaType: "application/pdf" }),
        }),
      );
    expect((await stamped(Buffer.from("not a pdf"))).statusCode).toBe(415);
    expect((await stamped(tinyPdf, "rec.donghu")).statusCode).toBe(404);
    expect((await stamped(tinyPdf)).statusCode).toBe(201);
    const rows = await t.database.db
      .select()
      .from(recommendationLetters)
      .where(eq(recommendationLetters.callId, callId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.applicationIds).toEqual([second, first]);
    expect((await (await t.login("officer")).get(`${base}/stamped`)).statusCode).toBe(200);
  });

  it("formal review: the checklist must pass; a correction needs a reason; then hand-off to expert review", async () => {
    expect((await fire("rec.wuhan", first, { event: "pass-formal-review", checklist })).statusCode).toBe(403);
    const incomplete = await fire("officer", first, {
      event: "pass-formal-review",
      checklist: { ...checklist, "stamped-copies": false },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual(["checklist.stamped-copies"]);
    expect((await fire("officer", first, { event: "request-correction" })).statusCode).toBe(422);
    const corrected = await fire("officer", first, {
      event: "request-correction",
      reason: "盖章PDF与Word版本不一致",
      checklist: { ...checklist, "stamped-copies": false },
    });
    expect(corrected.json().state).toBe("correction-requested");
    const applicant = await t.login("app.wuhan-ent");
    expect((await applicant.get(`/api/applications/${first}`)).json().availableEvents).toContain("resubmit-correction");
    expect((await fire("app.wuhan-ent", first, { event: "resubmit-correction" })).json().state).toBe("recommended");

    const officer = await t.login("officer");
    const stale = await fire("officer", first, { event: "pass-formal-review", checklist, version: 1 });
    expect(stale.statusCode).toBe(409);
    const passed = await fire("officer", first, { event: "pass-formal-review", checklist });
    expect(passed.json()).toMatchObject({ state: "formal-review-passed" });
    expect(passed.json().availableEvents).toContain("send-to-review");
    expect((await officer.post(`/api/applications/${first}/events`, { event: "send-to-review" })).json().state).toBe(
      "in-expert-review",
    );
    const rejected = await fire("officer", second, { event: "reject", reason: "不符合第七条第2项" });
    expect(rejected.json().state).toBe("rejected");

    const history = await t.database.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, first));
    const formal = history.find((e) => e.event === "request-correction");
    expect(formal?.data).toMatchObject({ checklist: { "stamped-copies": false } });
    // The test clock stands still, so every event carries the same instant and the rows have no order of their own:
    // the walk from state to state puts them in order (each event starts where one before it ended).
    const walk: string[] = [];
    const left = [...history];
    for (let state = "draft"; left.length > 0; ) {
      const next = left.findIndex((e) => e.fromState === state);
      expect(next, `an event leaves ${state}`).toBeGreaterThanOrEqual(0);
      const [event] = left.splice(next, 1);
      walk.push(event!.event);
      state = event!.toState;
    }
    expect(walk).toEqual([
      "submit",
      "pass-up",
      "recommend",
      "request-correction",
      "resubmit-correction",
      "pass-formal-review",
      "send-to-review",
    ]);
  });
});
