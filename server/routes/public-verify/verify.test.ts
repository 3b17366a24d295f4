import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, applications, auditLog, printedDocuments, recognitionDocuments } from "../../db/schema";
import { verificationUrl } from "../../documents/verification";
import { recommenderIdByCode } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, openCall, pdfText } from "../applications/recognition.fixtures";

/** The code as printed in the PDF footer: 验证码 followed by four groups of four hex digits (1A2B-3C4D-5E6F-7A8B). */
function printedCode(text: string): string {
  const match = text.match(/验证码：([0-9A-F]{4}(?:-[0-9A-F]{4}){3})/);
  if (!match?.[1]) throw new Error(`no verification code in:\n${text.slice(0, 500)}`);
  return match[1];
}

describe.each(databaseKinds())("the public check of a printed document on %s", (kind) => {
  let t: TestApp;
  let applicant: Agent;
  let applicationId: string;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { PUBLIC_BASE_URL: "https://gjhz.example.cn/" });
    const callId = (await openCall(t)).id;
    applicant = await t.login("app.wuhan-ent");
    const created = await applicant.post("/api/applications", { callId, form: await completeForm(t, "刘洋") });
    applicationId = created.json().id;
    const pdf = await applicant.get(`/api/applications/${applicationId}/application-form/pdf`);
    expect(pdf.statusCode).toBe(200);
    code = printedCode(pdfText(pdf.rawPayload));
  });
  afterAll(() => t.close());

  const register = () => t.database.db.select().from(printedDocuments).where(eq(printedDocuments.code, code));

  it("records the generated 申报书 once per version, audited, with the QR pointing at the public page", async () => {
    const [row] = await register();
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, "app.wuhan-ent"));
    expect(row).toMatchObject({
      code,
      kind: "application-form",
      subjectType: "application",
      subjectId: applicationId,
      title: "湖北省人工智能国际科技合作基地（联合研究）",
      issuer: "武汉光谷激光科技有限公司",
      generatedBy: account?.id,
    });
    expect(row?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(verificationUrl(t.config.publicBaseUrl, code, row!.digest)).toBe(
      `https://gjhz.example.cn/verify/${code}?d=${row!.digest}`,
    );

    // The same content again (Word this time) is the same version: one row, its last generation moved.
    t.clock.advance(60_000);
    const word = await applicant.get(`/api/applications/${applicationId}/application-form/docx`);
    expect(word.headers["x-verification-code"]).toBe(code);
    const rows = await register();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.firstGeneratedAt).toEqual(row!.firstGeneratedAt);
    expect(rows[0]!.lastGeneratedAt.getTime()).toBe(row!.firstGeneratedAt.getTime() + 60_000);

    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.generate"), eq(auditLog.targetId, applicationId)));
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ targetType: "application", actorId: account?.id, outcome: "success" });
    expect(audited[0]!.changes).toMatchObject({ kind: "application-form", code, digest: row!.digest });
  });

  it("answers anyone with the kind, title, issuer and dates — and whether the QR's digest matches", async () => {
    const [row] = await register();
    const plain = await t.anonymous.get(`/api/public/verify/${code}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual({
      code,
      kind: "application-form",
      kindLabelZh: "国际科技合作基地认定申报书",
      kindLabelEn: "Base recognition application form",
      title: "湖北省人工智能国际科技合作基地（联合研究）",
      issuer: "武汉光谷激光科技有限公司",
      firstGeneratedAt: row!.firstGeneratedAt.toISOString(),
      lastGeneratedAt: row!.lastGeneratedAt.toISOString(),
      digestMatches: null,
    });
    // Nothing of the content or of any person: not the director, not the digest itself.
    expect(plain.body).not.toContain("刘洋");
    expect(plain.body).not.toContain(row!.digest);

    // Typed by hand: lower case, no dashes.
    const typed = await t.anonymous.get(`/api/public/verify/${code.replaceAll("-", "").toLowerCase()}`);
    expect(typed.json().code).toBe(code);

    const matching = await t.anonymous.get(`/api/public/verify/${code}?digest=${row!.digest.toUpperCase()}`);
    expect(matching.json().digestMatches).toBe(true);
    const altered = await t.anonymous.get(`/api/public/verify/${code}?digest=${"0".repeat(64)}`);
    expect(altered.statusCode).toBe(200);
    expect(altered.json().digestMatches).toBe(false);
  });

  it("answers 404 for a code it never printed and 422 naming the field for a malformed one", async () => {
    const unknown = await t.anonymous.get("/api/public/verify/0000-0000-0000-0000");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: "verification-not-found",
      messageZh: expect.stringContaining("未找到"),
    });
    expect(unknown.json().messageEn).toBeTruthy();

    for (const bad of ["12345", "GHJD-0000-0000-0000", `${code}-0000`]) {
      const malformed = await t.anonymous.get(`/api/public/verify/${encodeURIComponent(bad)}`);
      expect(malformed.statusCode).toBe(422);
      expect(malformed.json()).toMatchObject({ code: "invalid-verification-code" });
      expect(malformed.json().errors).toEqual([expect.objectContaining({ path: "code" })]);
    }
  });

  it("is rate-limited per IP like the eligibility self-check (429)", async () => {
    const limited = await startTestApp(kind, { ELIGIBILITY_RATE_LIMIT: "2" });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await limited.anonymous.get("/api/public/verify/0000-0000-0000-0000")).statusCode);
      }
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });

  it("records the recommendation letter and the recognition notice too", async () => {
    const wuhan = await recommenderIdByCode(t.database.db, "420100");
    const [ranked] = await t.database.db
      .select({ callId: applications.callId })
      .from(applications)
      .where(and(eq(applications.recommenderId, wuhan), isNotNull(applications.priority)));
    const city = await t.login("rec.wuhan");
    const letter = await city.get(`/api/calls/${ranked!.callId}/recommendations/${wuhan}/letter/pdf`);
    expect(letter.statusCode).toBe(200);
    const letterCode = printedCode(pdfText(letter.rawPayload));
    // The letter and its 汇总表 are one version: the same code on both.
    const summary = await city.get(`/api/calls/${ranked!.callId}/recommendations/${wuhan}/summary/xlsx`);
    expect(summary.headers["x-verification-code"]).toBe(letterCode);
    expect((await t.anonymous.get(`/api/public/verify/${letterCode}`)).json()).toMatchObject({
      kind: "recommendation",
      kindLabelZh: "推荐函及推荐汇总表",
      issuer: "武汉市科学技术局",
      title: expect.stringContaining("推荐"),
    });

    const [document] = await t.database.db.select().from(recognitionDocuments).limit(1);
    const notice = await (await t.login("officer")).get(`/api/decisions/recognitions/${document!.id}/notice/pdf`);
    expect(notice.statusCode).toBe(200);
    const noticeCode = printedCode(pdfText(notice.rawPayload));
    expect(noticeCode).toBe(notice.headers["x-verification-code"]);
    expect((await t.anonymous.get(`/api/public/verify/${noticeCode}`)).json()).toMatchObject({
      kind: "recognition-notice",
      kindLabelZh: "认定通知",
      issuer: "湖北省科学技术厅",
      title: expect.stringContaining(document!.documentNumber),
    });
  });
});
