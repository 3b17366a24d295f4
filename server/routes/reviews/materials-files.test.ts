import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, auditLog, experts, people } from "../../db/schema";
import { assignmentsOf, expertAccountsFor } from "../../review/review.test-helpers";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, multipart, openCall, upload, uploadAll } from "../applications/recognition.fixtures";

/** A PDF of its own, so the bytes served can only be this upload's. */
const supportPdf = Buffer.from("%PDF-1.4\n% 合作成果汇编 — expert review materials test\n1 0 obj<<>>endobj\n%%EOF\n");
const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

type MaterialsFile = { fileId: string; slot: string; labelZh?: string; name: string; mediaType: string; size: number };
type Materials = {
  sections: Array<{ headingZh: string; items: Array<{ labelZh: string; value: string; valueEn?: string }> }>;
  files: MaterialsFile[];
  findings: Array<{ ruleId: string; article: string; verdict: string; messageZh: string }>;
};

describe.each(databaseKinds())("an expert opens the application's materials and files on %s", (kind) => {
  let t: TestApp;
  let applicationId: string;
  let directorPersonId: string;
  let assignmentId: string;
  let expert: Agent;
  let otherExpert: Agent;
  let panelNames: string[];
  const fileUrl = (fileId: string, id = assignmentId) => `/api/reviews/assignments/${id}/files/${fileId}`;
  const materialsOf = async (agent: Agent) =>
    (await agent.get(`/api/reviews/assignments/${assignmentId}/materials`)).json() as Materials;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const callId = (await openCall(t)).id;
    const applicant = await t.login("app.wuhan-ent");
    const form = await completeForm(t, "刘洋", "新材料");
    directorPersonId = form.director.personId;
    const created = await applicant.post("/api/applications", { callId, form });
    applicationId = created.json().id;
    await uploadAll(applicant, applicationId);
    expect(
      (await upload(applicant, applicationId, "support", { name: "合作成果汇编.pdf", content: supportPdf })).statusCode,
    ).toBe(201);
    expect((await applicant.post(`/api/applications/${applicationId}/events`, { event: "submit" })).statusCode).toBe(
      200,
    );
    // Recommendation and formal review have their own tests (workbench.test.ts); here the application is simply
    // handed to expert review, as the officer's send-to-review leaves it.
    await t.database.db
      .update(applications)
      .set({ state: "in-expert-review" })
      .where(eq(applications.id, applicationId));

    const officer = await t.login("officer");
    const usernames = await expertAccountsFor(t, "新材料");
    const round = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: applicationId,
      settings: { draw: { panelSize: 3, backups: 0, fields: ["新材料"] } },
    });
    expect(round.statusCode).toBe(201);
    expect((await officer.post(`/api/reviews/${round.json().id}/draws`, {})).statusCode).toBe(201);
    const panel = await assignmentsOf(t, round.json().id);
    const [first] = panel;
    assignmentId = first!.id;
    expert = await t.login(usernames.get(first!.expertId)!);
    const outsider = [...usernames.keys()].find((id) => !panel.some((a) => a.expertId === id))!;
    otherExpert = await t.login(usernames.get(outsider)!);
    const names = await t.database.db
      .select({ id: experts.id, name: people.name })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId));
    panelNames = names.filter((row) => panel.some((a) => a.expertId === row.id)).map((row) => row.name);
  });
  afterAll(() => t.close());

  it("refuses applicants and recommenders (403) and an expert not on the panel (404)", async () => {
    for (const username of ["app.wuhan-ent", "rec.wuhan"]) {
      const agent = await t.login(username);
      expect((await agent.get(fileUrl("any"))).statusCode, username).toBe(403);
    }
    expect((await t.anonymous.get(fileUrl("any"))).statusCode).toBe(401);
    expect((await otherExpert.get(fileUrl("any"))).statusCode).toBe(404);
  });

  it("refuses a file before the declaration (409), audited as refused", async () => {
    const invited = await expert.get(fileUrl("any"));
    expect(invited.statusCode).toBe(409);
    expect(invited.json().code).toBe("declare-first");
    expect((await expert.post(`/api/reviews/assignments/${assignmentId}/accept`, {})).json().status).toBe("accepted");
    expect((await expert.get(fileUrl("any"))).statusCode).toBe(409);
    const refused = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.materials.file"), eq(auditLog.targetId, assignmentId)));
    expect(refused.map((entry) => entry.outcome)).toEqual(["refused", "refused"]);
  });

  it("after declaring: materials name countries, partners, director and team; no person ids, no other experts", async () => {
    const declared = await expert.post(`/api/reviews/assignments/${assignmentId}/declaration`, { conflict: false });
    expect(declared.json().status).toBe("declared");
    const materials = await materialsOf(expert);
    const value = (label: string) =>
      materials.sections.flatMap((s) => s.items).find((item) => item.labelZh === label)?.value;
    expect(value("重点合作国家（地区）")).toBe("德国");
    expect(value("主要合作国家（地区）")).toBe("法国、新加坡");
    const items = materials.sections.flatMap((s) => s.items);
    // One language at a time: the English view has its own value for a labelled code.
    expect(items.find((item) => item.labelZh === "主要合作国家（地区）")?.valueEn).toBe("France, Singapore");
    expect(items.find((item) => item.labelZh === "职称")?.valueEn).toBe("Full senior");
    expect(value("合作机构 1")).toBe("Partner DE；国家（地区）：德国；合作协议：2023-05-01 至 2028-04-30");
    expect(value("基地负责人")).toBe("刘洋");
    expect(value("职称")).toBe("正高级");
    expect(value("团队成员")).toBe("张三；李四");
    expect(value("国际科技合作项目")).toBe("1 项：省国际合作项目（2024-07-01，省级）");
    expect(value("研发投入（近3年）")).toContain("2025年：研发费用 900 万元，销售收入 18000 万元，占销售收入 5.00%");
    const json = JSON.stringify(materials);
    expect(json).not.toMatch(/"(DE|FR|SG)"/);
    expect(json).not.toContain(directorPersonId);
    for (const name of panelNames) expect(json, name).not.toContain(name);

    expect(materials.findings.length).toBeGreaterThan(0);
    expect(materials.findings[0]).toMatchObject({ article: expect.any(String), verdict: expect.any(String) });
    const support = materials.files.find((file) => file.slot === "support");
    expect(support).toMatchObject({ labelZh: "支撑材料", name: "合作成果汇编.pdf", size: supportPdf.length });
    expect(materials.files.map((file) => file.slot).slice(0, 2)).toEqual([
      "application-form-docx",
      "application-form-pdf",
    ]);
  });

  it("serves the exact bytes uploaded (PDF inline, Word as attachment) and audits each opening with the file", async () => {
    const { files } = await materialsOf(expert);
    const support = files.find((file) => file.slot === "support")!;
    const response = await expert.get(fileUrl(support.fileId));
    expect(response.statusCode).toBe(200);
    expect(Buffer.compare(response.rawPayload, supportPdf)).toBe(0);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      `inline; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent("合作成果汇编.pdf")}`,
    );
    const word = files.find((file) => file.slot === "application-form-docx")!;
    const download = await expert.get(fileUrl(word.fileId));
    expect(download.statusCode).toBe(200);
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment; /);

    const opened = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "review.materials.file"),
          eq(auditLog.targetId, assignmentId),
          eq(auditLog.outcome, "success"),
        ),
      )
      .orderBy(asc(auditLog.seq));
    expect(opened.map((entry) => entry.changes)).toEqual([
      expect.objectContaining({
        targetId: applicationId,
        fileId: support.fileId,
        name: "合作成果汇编.pdf",
        slot: "support",
        sha256: sha256(supportPdf),
      }),
      expect.objectContaining({ fileId: word.fileId, slot: "application-form-docx" }),
    ]);
  });

  it("a file that is not among this target's materials is 404, even one stored for someone else", async () => {
    const foreign = await t.anonymous.request({
      method: "POST",
      url: "/api/public/files",
      ...multipart({}, { name: "授权书.pdf", content: supportPdf, mediaType: "application/pdf" }),
    });
    expect(foreign.statusCode).toBe(201);
    for (const fileId of [foreign.json().id, "nope"]) {
      const response = await expert.get(fileUrl(fileId));
      expect(response.statusCode, fileId).toBe(404);
      expect(response.json().code).toBe("not-found");
    }
  });

  it("reading stays allowed after submitting; scoring does not", async () => {
    const id = assignmentId;
    await expert.post(`/api/reviews/assignments/${id}/scores`, { scores: { foundation: 30, team: 24, plan: 21 } });
    expect((await expert.post(`/api/reviews/assignments/${id}/submit`, {})).json().status).toBe("submitted");
    const { files } = await materialsOf(expert);
    expect((await expert.get(fileUrl(files[0]!.fileId))).statusCode).toBe(200);
    expect((await expert.post(`/api/reviews/assignments/${id}/scores`, { scores: {} })).statusCode).toBe(409);
  });
});
