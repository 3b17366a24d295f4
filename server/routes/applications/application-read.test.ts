import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, auditLog, recommendationOpinions } from "../../db/schema";
import { assignmentsOf, expertAccountsFor } from "../../review/review.test-helpers";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { docxText, openCall, pdfText, submittedApplication } from "./recognition.fixtures";

type ReadView = {
  title: string;
  assignmentId: string | null;
  sections: Array<{ headingZh: string; items: Array<{ labelZh: string; value: string }> }>;
  files: Array<{ slot: string; name: string; preview: string; url: string }>;
  findings: Array<{ ruleId: string; article: string }>;
  history: Array<{ event: string; actorName: string | null; toStateZh: string; reason: string | null }>;
  opinions: Array<{ recommenderName: string; opinion: string }>;
  opinionEditable: boolean;
};

describe.each(databaseKinds())("阅览 and the 推荐意见 on %s", (kind) => {
  let t: TestApp;
  let callId: string;
  let id: string;
  let draftId: string;
  const read = async (agent: Agent, applicationId = id) => agent.get(`/api/applications/${applicationId}/read`);
  const opinion = async (username: string, text: unknown, applicationId = id) =>
    (await t.login(username)).request({
      method: "PUT",
      url: `/api/applications/${applicationId}/opinion`,
      payload: { opinion: text },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = (await openCall(t)).id;
    id = await submittedApplication(t, await t.login("app.wuhan-ent"), callId, "刘洋", "新材料");
    const draft = await (await t.login("app.yichang")).post("/api/applications", { callId });
    draftId = draft.json().id;
  });
  afterAll(() => t.close());

  it("shows the whole application on one page to the unit, its recommenders and the department", async () => {
    expect((await read(t.anonymous)).statusCode).toBe(401);
    const own = await read(await t.login("app.wuhan-ent"));
    expect(own.statusCode).toBe(200);
    const view = own.json() as ReadView;
    const headings = view.sections.map((section) => section.headingZh);
    expect(headings).toEqual(expect.arrayContaining(["基本情况", "合作国家（地区）", "合作机构与协议", "承诺事项"]));
    const value = (label: string) =>
      view.sections.flatMap((section) => section.items).find((item) => item.labelZh === label)?.value;
    expect(value("重点合作国家（地区）")).toContain("德国");
    expect(value("基地负责人")).toBe("刘洋");
    expect(view.findings.length).toBeGreaterThan(5);
    expect(view.history.map((entry) => entry.event)).toEqual(["submit"]);
    expect(view.history[0]).toMatchObject({ toStateZh: "推荐部门审核中" });
    // The opinions are the recommenders' word to the department: not shown to the unit.
    expect(view.opinions).toEqual([]);
    expect(view.opinionEditable).toBe(false);
    const pdf = view.files.find((file) => file.slot === "application-form-pdf")!;
    expect(pdf).toMatchObject({ preview: "pdf", url: expect.stringMatching(/\?inline=1$/) });
    expect(view.files.find((file) => file.slot === "application-form-docx")?.preview).toBe("docx");

    const district = (await read(await t.login("rec.donghu"))).json() as ReadView;
    expect(district.opinionEditable).toBe(true);
    const city = await read(await t.login("rec.wuhan"));
    expect(city.statusCode).toBe(200);
    expect(city.json().opinionEditable).toBe(false);
    expect((await read(await t.login("officer"))).statusCode).toBe(200);
  });

  it("hides it from another jurisdiction, another unit, an unassigned expert, and a draft from its recommender", async () => {
    for (const username of ["rec.yichang", "app.yichang", "app.hust", "expert"]) {
      expect((await read(await t.login(username))).statusCode, username).toBe(404);
    }
    expect((await read(await t.login("rec.yichang"), draftId)).statusCode).toBe(404);
    expect((await read(await t.login("officer"), draftId)).statusCode).toBe(404);
    expect((await read(await t.login("app.yichang"), draftId)).statusCode).toBe(200);
  });

  it("previews a PDF inline only for those who may read it; Word stays an attachment", async () => {
    const view = (await read(await t.login("app.wuhan-ent"))).json() as ReadView;
    const pdf = view.files.find((file) => file.slot === "application-form-pdf")!;
    const word = view.files.find((file) => file.slot === "application-form-docx")!;
    const recommender = await t.login("rec.wuhan");
    const inline = await recommender.get(pdf.url);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-type"]).toBe("application/pdf");
    expect(String(inline.headers["content-disposition"])).toMatch(/^inline; /);
    expect(String((await recommender.get(pdf.url.replace("?inline=1", ""))).headers["content-disposition"])).toMatch(
      /^attachment; /,
    );
    expect(String((await recommender.get(word.url)).headers["content-disposition"])).toMatch(/^attachment; /);
    expect((await recommender.get(`${pdf.url.replace("?inline=1", "")}?inline=yes`)).statusCode).toBe(400);
    expect((await t.anonymous.get(pdf.url)).statusCode).toBe(401);
    for (const username of ["rec.yichang", "app.yichang", "expert"]) {
      expect((await (await t.login(username)).get(pdf.url)).statusCode, username).toBe(404);
    }
  });

  it("takes the holder's opinion (validated, audited), refuses anyone else, and prints it in the letter", async () => {
    const empty = await opinion("rec.donghu", " ");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ path: "opinion", messageZh: "请填写推荐意见" });
    expect((await opinion("rec.donghu", "长".repeat(2001))).statusCode).toBe(400);
    expect((await opinion("rec.donghu", 42)).statusCode).toBe(400);
    const anonymous = await t.anonymous.request({
      method: "PUT",
      url: `/api/applications/${id}/opinion`,
      payload: { opinion: "同意推荐" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await opinion("app.wuhan-ent", "同意推荐")).statusCode).toBe(403);
    expect((await opinion("officer", "同意推荐")).statusCode).toBe(403);
    expect((await opinion("rec.yichang", "同意推荐")).statusCode).toBe(404);
    const parent = await opinion("rec.wuhan", "同意推荐");
    expect(parent.statusCode).toBe(409);
    expect(parent.json()).toMatchObject({ code: "not-the-holder", article: "17" });

    const district = "该单位国际合作基础扎实，同意推荐。";
    const saved = await opinion("rec.donghu", district);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().opinions).toEqual([expect.objectContaining({ opinion: district })]);
    expect((await opinion("rec.donghu", `${district}（修改）`)).statusCode).toBe(200);
    const rows = await t.database.db
      .select()
      .from(recommendationOpinions)
      .where(eq(recommendationOpinions.applicationId, id));
    expect(rows.map((row) => row.opinion)).toEqual([`${district}（修改）`]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "application.opinion"), eq(auditLog.targetId, id)));
    expect(audited.filter((entry) => entry.outcome === "success")).toHaveLength(2);
    expect(audited.filter((entry) => entry.outcome === "refused").length).toBeGreaterThanOrEqual(1);

    const donghu = await t.login("rec.donghu");
    expect((await donghu.post(`/api/applications/${id}/events`, { event: "pass-up" })).statusCode).toBe(200);
    expect((await opinion("rec.donghu", "再改一次")).statusCode).toBe(404);
    t.clock.advance(60_000);
    const city = "武汉市科技局审核同意，优先推荐新材料领域基地。";
    const citySaved = await opinion("rec.wuhan", city);
    expect(citySaved.statusCode).toBe(200);
    expect((citySaved.json() as ReadView).opinions.map((o) => o.opinion)).toEqual([`${district}（修改）`, city]);
    const wuhan = await t.login("rec.wuhan");
    expect((await wuhan.post(`/api/applications/${id}/events`, { event: "recommend" })).statusCode).toBe(200);
    expect((await read(wuhan)).json().opinionEditable).toBe(true);

    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    const base = `/api/calls/${callId}/recommendations/${row!.recommenderId}`;
    const word = await docxText((await wuhan.get(`${base}/letter/docx`)).rawPayload);
    expect(word).toContain(`推荐意见：${city}`);
    expect(word).not.toContain(district);
    const pdf = pdfText((await wuhan.get(`${base}/letter/pdf`)).rawPayload).replace(/\s+/g, "");
    expect(pdf).toContain(`推荐意见：${city}`);

    // Once the department's formal review has moved it on, the opinion is closed (Art. 14.1).
    await t.database.db.update(applications).set({ state: "formal-review-passed" }).where(eq(applications.id, id));
    const closed = await opinion("rec.wuhan", "晚了");
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe("opinion-closed");
    expect((await read(wuhan)).json().opinionEditable).toBe(false);
  });

  it("an assigned expert reads through the assignment after declaring: no history, no opinions", async () => {
    await t.database.db.update(applications).set({ state: "in-expert-review" }).where(eq(applications.id, id));
    const officer = await t.login("officer");
    const usernames = await expertAccountsFor(t, "新材料");
    const round = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: id,
      settings: { draw: { panelSize: 3, backups: 0, fields: ["新材料"] } },
    });
    expect(round.statusCode).toBe(201);
    expect((await officer.post(`/api/reviews/${round.json().id}/draws`, {})).statusCode).toBe(201);
    const panel = await assignmentsOf(t, round.json().id);
    const assignment = panel[0]!;
    const expert = await t.login(usernames.get(assignment.expertId)!);
    const outsider = [...usernames.keys()].find((expertId) => !panel.some((a) => a.expertId === expertId))!;
    expect((await read(await t.login(usernames.get(outsider)!))).statusCode).toBe(404);

    const early = await read(expert);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("declare-first");
    await expert.post(`/api/reviews/assignments/${assignment.id}/accept`, {});
    await expert.post(`/api/reviews/assignments/${assignment.id}/declaration`, { conflict: false });
    const opened = await read(expert);
    expect(opened.statusCode).toBe(200);
    const view = opened.json() as ReadView;
    expect(view.assignmentId).toBe(assignment.id);
    expect(view.history).toEqual([]);
    expect(view.opinions).toEqual([]);
    expect(view.sections.map((section) => section.headingZh)).not.toContain("承诺事项");
    expect(JSON.stringify(view)).not.toContain("武汉市科技局审核同意");
    const pdf = view.files.find((file) => file.preview === "pdf")!;
    expect(pdf.url).toBe(`/api/reviews/assignments/${assignment.id}/files/${pdf.url.split("/").pop()}`);
    expect((await expert.get(pdf.url)).statusCode).toBe(200);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.materials.open"), eq(auditLog.targetId, assignment.id)));
    expect(audited.filter((entry) => entry.outcome === "success")).toHaveLength(1);
    // The application's own file route stays closed to the expert.
    const unitView = (await read(await t.login("app.wuhan-ent"))).json() as ReadView;
    expect((await expert.get(unitView.files[0]!.url)).statusCode).toBe(404);
  });
});
