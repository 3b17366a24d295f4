import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationFiles, applications, auditLog, files } from "../../db/schema";
import { testClockStart } from "../../test/constants";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import {
  completeForm,
  docxText,
  multipart,
  openCall,
  pdfText,
  requiredSlots,
  tinyDocx,
  tinyPdf,
  upload,
  uploadAll,
} from "./recognition.fixtures";

describe.each(databaseKinds())("the application editor on %s", (kind) => {
  let t: TestApp;
  let callId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = (await openCall(t)).id;
  });
  afterAll(() => t.close());
  /** Art. 14.1: one application per unit per call — each test that starts another gets a call of its own. */
  const freshCall = async () => (await openCall(t)).id;

  it("refuses bad input (400), no session (401), a role that cannot apply (403), a closed or unknown call", async () => {
    expect((await t.anonymous.post("/api/applications", { callId })).statusCode).toBe(401);
    const applicant = await t.login("app.wuhan-ent");
    const bad = await applicant.post("/api/applications", { callId: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain("callId");
    expect((await (await t.login("rec.wuhan")).post("/api/applications", { callId })).statusCode).toBe(403);
    expect((await applicant.post("/api/applications", { callId: "no-such-call" })).statusCode).toBe(404);
    const later = await openCall(t, {
      opensAt: "2026-04-01T00:00:00+08:00",
      closesAt: "2026-04-30T23:59:59+08:00",
      deadline: "2026-04-30",
    });
    const closed = await applicant.post("/api/applications", { callId: later.id });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe("call-not-open");
  });

  it("autosaves with optimistic locking, shows the standard name and every finding with its article", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const created = await applicant.post("/api/applications", { callId });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ state: "draft", standardName: null, unitName: "武汉光谷激光科技有限公司" });
    expect(draft.standardNameProblem.messageZh).toContain("标准名称");
    expect(draft.availableEvents).toEqual(["submit", "withdraw"]);
    expect(draft.abilities).toContain("application.update");
    expect(draft.eligibility.inputErrors.map((e: { path: string }) => e.path)).toContain("application.type");

    const saved = await applicant.patch(`/api/applications/${draft.id}`, {
      form: { application: { type: "joint-research", field: "人工智能", partners: [{ name: "半填的机构" }] } },
      version: draft.version,
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(body.standardName).toBe("湖北省人工智能国际科技合作基地（联合研究）");
    expect(body.version).toBe(draft.version + 1);
    // The half-filled partner is named as an input error; every other rule still reports, each with its article.
    expect(body.eligibility.inputErrors.map((e: { path: string }) => e.path)).toContain(
      "application.partners.0.country",
    );
    const findings = body.eligibility.findings as Array<{ ruleId: string; article: string; verdict: string }>;
    expect(findings.find((f) => f.ruleId === "7.1-registered-in-hubei")).toMatchObject({
      article: "7.1",
      verdict: "pass",
    });
    expect(findings.find((f) => f.ruleId === "7.4-management-systems")?.verdict).toBe("missing");
    expect(body.eligibility.referenceDate).toBe("2026-03-31");
    expect(body.submitBlockers.length).toBeGreaterThan(5);

    const stale = await applicant.patch(`/api/applications/${draft.id}`, {
      form: { application: { type: "characteristic", field: "覆盖" } },
      version: draft.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale-version" });
    expect(stale.json().messageZh).toContain("已被他人修改");
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, draft.id));
    expect(row).toMatchObject({ field: "人工智能", standardName: "湖北省人工智能国际科技合作基地（联合研究）" });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, draft.id), eq(auditLog.action, "application.update")));
    expect(audited.map((a) => a.outcome).sort()).toEqual(["refused", "success"]);
  });

  it("refuses a submission naming each failing rule and each missing material", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const form = await completeForm(t, "刘洋");
    form.director.title = "associate-senior"; // Art. 12.2: joint research needs 正高级 — a fail
    const id = (await applicant.post("/api/applications", { callId: await freshCall(), form })).json().id;
    const refused = await applicant.post(`/api/applications/${id}/events`, { event: "submit" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("eligibility-failed");
    const messages = refused
      .json()
      .errors.map((e: { messageZh: string }) => e.messageZh)
      .join("\n");
    expect(messages).toContain("第12.2条");
    expect(messages).toContain("缺少材料：申报书（Word版）");
    expect(messages).toContain("缺少材料：建设工作方案（盖章PDF）");
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    expect(row?.state).toBe("draft");
  });

  it("checks uploads by content: disguised 415, wrong slot type 415, over 50 MB 413; stores SHA-256 and a safe name", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const id = (
      await applicant.post("/api/applications", { callId: await freshCall(), form: await completeForm(t, "刘洋") })
    ).json().id;
    const disguised = await upload(applicant, id, "application-form-docx", {
      name: "申报书.docx",
      content: Buffer.from("MZ\x90\x00 an executable pretending to be Word"),
    });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe("wrong-file-type");
    expect(
      (await upload(applicant, id, "application-form-docx", { name: "a.docx", content: tinyPdf })).statusCode,
    ).toBe(415);
    const huge = Buffer.alloc(50 * 1024 * 1024 + 16, 0x20);
    tinyPdf.copy(huge);
    const tooLarge = await upload(applicant, id, "application-form-pdf", { name: "big.pdf", content: huge });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: "too-large" });
    const noSlot = await applicant.request({
      method: "POST",
      url: `/api/applications/${id}/files`,
      ...multipart({}, { name: "x.pdf", content: tinyPdf, mediaType: "application/pdf" }),
    });
    expect(noSlot.statusCode).toBe(400);

    const ok = await upload(applicant, id, "application-form-docx", {
      name: "../../etc/申报书<v1>.docx",
      content: tinyDocx,
    });
    expect(ok.statusCode).toBe(201);
    const attached = ok.json().files.find((f: { slot: string }) => f.slot === "application-form-docx");
    expect(attached.name).toBe("申报书_v1_.docx");
    expect(attached.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [stored] = await t.database.db.select().from(files).where(eq(files.id, attached.fileId));
    expect(stored?.mediaType).toContain("wordprocessingml");
    // A second upload to a single-file slot replaces the first.
    await upload(applicant, id, "application-form-docx", { name: "v2.docx", content: tinyDocx });
    const slotRows = await t.database.db
      .select()
      .from(applicationFiles)
      .where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.slot, "application-form-docx")));
    expect(slotRows).toHaveLength(1);

    // Downloads: whoever may read the application; another unit or jurisdiction gets a 404.
    const fileUrl = `/api/applications/${id}/files/${slotRows[0]!.id}`;
    expect((await applicant.get(fileUrl)).statusCode).toBe(200);
    // Art. 14.1, 17: a draft's files are its unit's alone until it is submitted.
    expect((await (await t.login("rec.donghu")).get(fileUrl)).statusCode).toBe(404);
    expect((await (await t.login("app.yichang")).get(fileUrl)).statusCode).toBe(404);
    expect((await (await t.login("rec.yichang")).get(fileUrl)).statusCode).toBe(404);
  });

  it("answers a save, an upload and a removal with the findings they leave, as a fresh read shows them", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const created = await applicant.post("/api/applications", {
      callId: await freshCall(),
      form: await completeForm(t, "刘洋"),
    });
    const id = created.json().id;
    const read = async () => (await applicant.get(`/api/applications/${id}`)).json();
    const verdict74 = (detail: { eligibility: { findings: Array<{ ruleId: string; verdict: string }> } }) =>
      detail.eligibility.findings.find((f) => f.ruleId === "7.4-management-systems")?.verdict;
    expect(created.json().eligibility).toEqual((await read()).eligibility);

    let answer = created.json();
    for (const [slot, name, content] of requiredSlots) {
      const uploaded = await upload(applicant, id, slot, { name, content });
      expect(uploaded.statusCode).toBe(201);
      answer = uploaded.json();
    }
    // Art. 7.4 reads the system slots: the last upload's answer already passes it, as the read after it does.
    const afterUploads = await read();
    expect(verdict74(answer)).toBe("pass");
    expect(answer.eligibility).toEqual(afterUploads.eligibility);
    expect(answer.submitBlockers).toEqual(afterUploads.submitBlockers);

    const ethics = afterUploads.files.find((f: { slot: string }) => f.slot === "system-ethics");
    const removed = await applicant.request({ method: "DELETE", url: `/api/applications/${id}/files/${ethics.id}` });
    expect(removed.statusCode).toBe(200);
    const afterRemoval = await read();
    expect(verdict74(removed.json())).not.toBe("pass");
    expect(removed.json().eligibility).toEqual(afterRemoval.eligibility);
    expect(removed.json().submitBlockers).toEqual(afterRemoval.submitBlockers);

    const form = await completeForm(t, "刘洋");
    form.director.title = "associate-senior";
    const saved = await applicant.patch(`/api/applications/${id}`, { form, version: afterRemoval.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().eligibility).toEqual((await read()).eligibility);
    expect(saved.json().eligibility).not.toEqual(afterRemoval.eligibility);
  });

  it("submits once the form is complete and every material is in; then the form is locked", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const created = (
      await applicant.post("/api/applications", { callId: await freshCall(), form: await completeForm(t, "刘洋") })
    ).json();
    await uploadAll(applicant, created.id);
    const before = (await applicant.get(`/api/applications/${created.id}`)).json();
    expect(before.submitBlockers).toEqual([]);
    expect(before.materials.every((m: { required: boolean; present: boolean }) => !m.required || m.present)).toBe(true);
    expect(
      before.eligibility.findings.find((f: { ruleId: string }) => f.ruleId === "7.4-management-systems").verdict,
    ).toBe("pass");
    const submitted = await applicant.post(`/api/applications/${created.id}/events`, { event: "submit" });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: "submitted", recommenderName: "东湖新技术开发区管委会科技创新局" });
    expect(submitted.json().abilities).not.toContain("application.update");
    const locked = await applicant.patch(`/api/applications/${created.id}`, {
      form: {},
      version: submitted.json().version,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe("not-editable");
    const again = await applicant.post(`/api/applications/${created.id}/events`, { event: "submit" });
    expect(again.statusCode).toBe(409);
  });

  it("renders the 申报书 with its 承诺书 in Word and PDF, Chinese text readable, with a verification code", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const id = (
      await applicant.post("/api/applications", { callId: await freshCall(), form: await completeForm(t, "刘洋") })
    ).json().id;
    const word = await applicant.get(`/api/applications/${id}/application-form/docx`);
    expect(word.statusCode).toBe(200);
    expect(word.headers["content-type"]).toContain("wordprocessingml");
    const wordText = await docxText(word.rawPayload);
    expect(wordText).toContain("湖北省人工智能国际科技合作基地（联合研究）");
    expect(wordText).toContain("承 诺 书");
    expect(wordText).toContain("不涉及国家秘密");
    expect(wordText).toContain(word.headers["x-verification-code"]);
    const pdf = await applicant.get(`/api/applications/${id}/application-form/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("武汉光谷激光科技有限公司");
    expect(text).toContain("刘洋");
    expect(text).toMatch(/承\s*诺\s*书/);
    expect(text).toContain(`验证码：${pdf.headers["x-verification-code"]}`);
    expect((await (await t.login("app.yichang")).get(`/api/applications/${id}/application-form/pdf`)).statusCode).toBe(
      404,
    );
  });

  it("lists only what each caller may see", async () => {
    const yichang = (await (await t.login("rec.yichang")).get(`/api/applications?callId=${callId}`)).json();
    expect(yichang.items.every((a: { unitName: string }) => !a.unitName.startsWith("武汉"))).toBe(true);
    const own = (await (await t.login("app.wuhan-ent")).get(`/api/applications?callId=${callId}`)).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((a: { unitName: string }) => a.unitName === "武汉光谷激光科技有限公司")).toBe(true);
    expect((await (await t.login("auditor")).get("/api/applications")).statusCode).toBe(403);
  });

  it("lists the actions of the moment: a call closing takes submit off its drafts with no write in between", async () => {
    const applicant = await t.login("app.wuhan-ent");
    // testClockStart is 10:00 in China; this call closes a minute later.
    const closing = (await openCall(t, { closesAt: "2026-03-10T10:01:00+08:00", deadline: "2026-03-10" })).id;
    const id = (await applicant.post("/api/applications", { callId: closing })).json().id;
    const eventsListed = async () => {
      const page = await applicant.get(`/api/applications?callId=${closing}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toBe("application/json; charset=utf-8");
      return page.json().items.find((item: { id: string }) => item.id === id).availableEvents;
    };
    try {
      expect(await eventsListed()).toContain("submit");
      t.clock.set("2026-03-10T02:01:00.000Z"); // the closing instant itself: still open
      expect(await eventsListed()).toContain("submit");
      t.clock.set("2026-03-10T02:01:00.001Z");
      expect(await eventsListed()).not.toContain("submit");
    } finally {
      t.clock.set(testClockStart);
    }
  });
});
