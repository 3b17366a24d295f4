import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validCase } from "../../../policy/eligibility/eligibility.fixtures";
import { checkEligibilityInput } from "../../../policy/eligibility/engine";
import type { RevocationGround } from "../../../policy/reference/revocation-grounds";
import { execute } from "../../commands/command";
import { auditLog, baseEvents, bases, rectificationCases, revocationCases, revocations, units } from "../../db/schema";
import { registryFactsFor } from "../../recognition/eligibility-facts";
import { proposeRevocation } from "../../revocation/propose";
import { invocationAs, unitIdByName } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, multipart, openCall } from "../applications/recognition.fixtures";

const yichang = "宜昌三峡新材料股份有限公司";
const today = "2026-03-10"; // the test clock

describe.each(databaseKinds())("revocation (Art. 20) on %s", (kind) => {
  let t: TestApp;
  let yichangUnit: string;
  let wuhanUnit: string;
  let officer: Agent;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    yichangUnit = await unitIdByName(t.database.db, yichang);
    wuhanUnit = await unitIdByName(t.database.db, "武汉光谷激光科技有限公司");
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  /** A recognized base of a unit, in the given state. */
  async function newBase(unitId = yichangUnit, status = "active") {
    const id = randomUUID();
    serial += 1;
    await t.database.db.insert(bases).values({
      id,
      standardName: `湖北省测试${serial}号国际科技合作基地（联合研究）`,
      unitId,
      type: "joint-research",
      field: "新材料",
      directorName: "赵峡",
      recognizedOn: "2024-12-20",
      documentNumber: "鄂科技函〔2024〕3号",
      origin: "provincial-2025",
      edition: "2025",
      status,
      createdAt: new Date("2024-12-20T08:00:00Z"),
    });
    return id;
  }
  const baseRow = async (id: string) => (await t.database.db.select().from(bases).where(eq(bases.id, id)))[0]!;
  const kinds = async (baseId: string) =>
    (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId))).map((e) => e.kind);
  const audits = async (targetId: string) =>
    (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId))).map((a) => a.action);

  /** The system's proposal, as the grading and rectification commands make it. */
  async function systemProposal(
    baseId: string,
    ground: RevocationGround,
    baseEvent?: "fail-rectification" | "propose-revocation",
  ) {
    const as = await invocationAs(t, "officer");
    return execute(as.deps, as.actor, "evaluation.confirm-grades", { type: "base", id: baseId }, (context) =>
      proposeRevocation(context, {
        baseId,
        ground,
        source: "system",
        sourceRef: { kind: "annual-report", id: "r-1", year: 2025 },
        evidence: "年度考核不合格",
        ...(baseEvent ? { baseEvent } : {}),
      }),
    );
  }

  let documentNumber = 100;
  const revoke = (agent: Agent, id: string, version: number, extra: object = {}) =>
    agent.post(`/api/revocations/${id}/events`, {
      event: "revoke",
      meetingDate: today,
      minuteRef: "厅党组会纪要〔2026〕3号",
      documentPrefix: "鄂科技函",
      documentNumber: ++documentNumber,
      expectedVersion: version,
      ...extra,
    });

  it.each([
    [1, "active", "propose-revocation"],
    [2, "active", "propose-revocation"],
    [6, "rectifying", "fail-rectification"],
  ] as const)(
    "the system proposes on ground %i: one open case, the base 拟取消资格, officers told",
    async (ground, status, event) => {
      const baseId = await newBase(yichangUnit, status);
      const { caseId } = await systemProposal(baseId, ground, event);
      expect((await systemProposal(baseId, ground, event)).caseId).toBe(caseId); // idempotent
      expect((await baseRow(baseId)).status).toBe("revocation-proposed");
      const cases = await t.database.db.select().from(revocationCases).where(eq(revocationCases.baseId, baseId));
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({ state: "proposed", source: "system", ground });
      expect(await kinds(baseId)).toEqual(["revocation-proposed"]);
      expect(await audits(caseId)).toEqual(["revocation.propose"]);
      const detail = (await officer.get(`/api/revocations/${caseId}`)).json();
      expect(detail).toMatchObject({ article: `20.${ground}`, availableEvents: ["revoke", "dismiss"] });
      const revoked = await revoke(officer, caseId, 1);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ state: "revoked", revokedOn: today, banEndsOn: "2029-03-10" });
    },
  );

  it.each([3, 4, 5, 8, 9])("the officer opens ground %i with evidence and revokes it", async (ground) => {
    const baseId = await newBase();
    const missing = await officer.post("/api/revocations", { baseId, ground, evidence: " " });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(["evidence"]);
    const opened = await officer.post("/api/revocations", { baseId, ground, evidence: "经查实的事实与依据" });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id;
    expect(opened.json()).toMatchObject({ state: "proposed", source: "officer", baseStatus: "revocation-proposed" });
    expect((await officer.post("/api/revocations", { baseId, ground, evidence: "again" })).statusCode).toBe(409);
    expect(await kinds(baseId)).toEqual(["revocation-opened"]);
    expect((await revoke(officer, id, 1)).json()).toMatchObject({ state: "revoked", article: `20.${ground}` });
    const [row] = await t.database.db.select().from(revocations).where(eq(revocations.baseId, baseId));
    expect(row).toMatchObject({ unitId: yichangUnit, ground: String(ground), revokedOn: today });
    expect((await baseRow(baseId)).status).toBe("revoked");
  });

  it("refuses a ground outside 1–9 at its field, and a second open case", async () => {
    const baseId = await newBase();
    const bad = await officer.post("/api/revocations", { baseId, ground: 10, evidence: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain("ground");
  });

  it("the decision needs the 厅党组会 record and a unique document number; a dismissal needs a reason", async () => {
    const baseId = await newBase();
    const id = (await officer.post("/api/revocations", { baseId, ground: 4, evidence: "泄密" })).json().id;
    const bare = await officer.post(`/api/revocations/${id}/events`, { event: "revoke", expectedVersion: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "meetingDate",
      "minuteRef",
      "documentPrefix",
      "documentNumber",
    ]);
    const future = await revoke(officer, id, 1, { meetingDate: "2026-03-11" });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors.map((e: { path: string }) => e.path)).toEqual(["meetingDate"]);
    const taken = await revoke(officer, id, 1, { documentNumber: 101 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe("document-number-taken");
    expect(taken.json().errors.map((e: { path: string }) => e.path)).toEqual(["documentNumber"]);
    expect((await revoke(officer, id, 7)).statusCode).toBe(409); // stale version
    const noReason = await officer.post(`/api/revocations/${id}/events`, { event: "dismiss", expectedVersion: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toEqual(["reason"]);
    const dismissed = await officer.post(`/api/revocations/${id}/events`, {
      event: "dismiss",
      reason: "经核实情节轻微",
      expectedVersion: 1,
    });
    expect(dismissed.json()).toMatchObject({
      state: "dismissed",
      baseStatus: "active",
      dismissedReason: "经核实情节轻微",
    });
    // The test clock stands still, so both events carry the same instant: compare them as a set.
    expect((await kinds(baseId)).sort()).toEqual(["revocation-dismissed", "revocation-opened"]);
    expect(await audits(id)).toEqual(
      expect.arrayContaining(["revocation.propose", "revocation.revoke", "revocation.dismiss"]),
    );
  });

  it("a proposal dismissed while the rectification year runs sends the base back to rectifying", async () => {
    const baseId = await newBase(yichangUnit, "rectifying");
    await t.database.db.insert(rectificationCases).values({
      id: randomUUID(),
      baseId,
      unitId: yichangUnit,
      roundId: "round-x",
      year: 2025,
      openedOn: "2026-01-10",
      dueOn: "2027-01-09",
      state: "open",
      updatedAt: new Date(),
    });
    const id = (await officer.post("/api/revocations", { baseId, ground: 9, evidence: "其他情形" })).json().id;
    const dismissed = await officer.post(`/api/revocations/${id}/events`, {
      event: "dismiss",
      reason: "不予取消",
      expectedVersion: 1,
    });
    expect(dismissed.json()).toMatchObject({ state: "dismissed", baseStatus: "rectifying" });
  });

  it("revoked on another ground during its rectification year: the rectification closes with it (Art. 24)", async () => {
    const baseId = await newBase(yichangUnit, "rectifying");
    const rectificationId = randomUUID();
    await t.database.db.insert(rectificationCases).values({
      id: rectificationId,
      baseId,
      unitId: yichangUnit,
      roundId: "round-y",
      year: 2025,
      openedOn: "2026-01-10",
      dueOn: "2027-01-09",
      state: "plan-filed",
      plan: "整改方案",
      updatedAt: new Date(),
    });
    const id = (
      await officer.post("/api/revocations", { baseId, ground: 3, evidence: "科研失信，调查报告已附" })
    ).json().id;
    expect((await revoke(officer, id, 1)).json()).toMatchObject({ state: "revoked", baseStatus: "revoked" });
    const [rectification] = await t.database.db
      .select()
      .from(rectificationCases)
      .where(eq(rectificationCases.id, rectificationId));
    expect(rectification).toMatchObject({ state: "closed", decidedOn: today, version: 2 });
    expect(rectification!.decisionReason).toContain("已取消资格");
    expect(await audits(rectificationId)).toEqual(["rectification.close"]);
    // Nothing is left waiting on it: the unit's page offers no event.
    const unit = await t.login("app.yichang");
    const page = (await unit.get(`/api/rectifications/${rectificationId}`)).json();
    expect(page).toMatchObject({ state: "closed", availableEvents: [] });
  });

  it("ground 7: the unit asks, its recommender returns and approves, the department revokes; the unit is banned", async () => {
    const baseId = await newBase();
    const unit = await t.login("app.yichang");
    const recommender = await t.login("rec.yichang");
    const before = (await unit.get(`/api/bases/${baseId}/revocation-cases`)).json();
    expect(before).toMatchObject({ items: [], canOpen: false, canRequestWithdrawal: true, banEndsOn: null });
    const noReason = await unit.post("/api/revocations/withdrawal-requests", { baseId, reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toEqual(["evidence"]);
    const asked = await unit.post("/api/revocations/withdrawal-requests", { baseId, reason: "业务转型，无法继续运行" });
    expect(asked.statusCode).toBe(201);
    const id = asked.json().id;
    expect(asked.json()).toMatchObject({
      state: "requested",
      ground: 7,
      source: "unit",
      availableEvents: ["withdraw"],
    });
    expect((await unit.post("/api/revocations/withdrawal-requests", { baseId, reason: "x" })).statusCode).toBe(409);

    const url = `/api/revocations/${id}/events`;
    expect((await recommender.get(`/api/revocations/${id}`)).json().availableEvents).toEqual(["approve", "return"]);
    expect((await recommender.post(url, { event: "return", expectedVersion: 1 })).statusCode).toBe(400);
    expect(
      (await recommender.post(url, { event: "return", reason: "请补充说明", expectedVersion: 1 })).json(),
    ).toMatchObject({
      state: "returned",
      returnReason: "请补充说明",
    });
    expect((await unit.post(url, { event: "resubmit", expectedVersion: 2 })).json().state).toBe("requested");
    expect((await unit.post(url, { event: "approve", expectedVersion: 3 })).statusCode).toBe(403);
    const approved = await recommender.post(url, { event: "approve", expectedVersion: 3 });
    expect(approved.json()).toMatchObject({ state: "proposed", baseStatus: "revocation-proposed" });
    expect((await recommender.post(url, { event: "revoke", expectedVersion: 4 })).statusCode).toBe(403);
    const revoked = await revoke(officer, id, 4);
    expect(revoked.statusCode).toBe(200);
    const detail = revoked.json();
    expect(detail).toMatchObject({ state: "revoked", banEndsOn: "2029-03-10", noticeAvailable: true });
    expect(await kinds(baseId)).toEqual([
      "withdrawal-requested",
      "withdrawal-returned",
      "withdrawal-requested",
      "withdrawal-approved",
      "revoked",
    ]);

    // The notice: 公文 PDF with the number, the base, the ground's article and the ban end.
    const notice = await unit.get(`/api/revocations/${id}/notice.pdf`);
    expect(notice.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), "revocation-"));
    writeFileSync(join(dir, "n.pdf"), notice.rawPayload);
    const text = execFileSync("pdftotext", [join(dir, "n.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    for (const expected of [detail.documentNumber, detail.baseName, "第二十条第（七）项", "2029年3月10日"]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(notice.headers["x-verification-code"]);

    // The base page: the ban end; the public registry no longer lists it.
    expect((await unit.get(`/api/bases/${baseId}/revocation-cases`)).json()).toMatchObject({
      banEndsOn: "2029-03-10",
      canRequestWithdrawal: false,
    });
    const listed = (await t.anonymous.get("/api/public/bases?pageSize=200")).json();
    expect(JSON.stringify(listed)).not.toContain(baseId);
    expect((await t.anonymous.get(`/api/public/bases/${baseId}`)).statusCode).toBe(404);

    // The unit's next application is refused on Art. 20 with the day the ban ends.
    const call = await openCall(t);
    const created = await unit.post("/api/applications", {
      callId: call.id,
      form: await completeForm(t, "赵峡", "新材料"),
    });
    const finding = created
      .json()
      .eligibility.findings.find((f: { ruleId: string }) => f.ruleId === "20-revocation-ban");
    expect(finding).toMatchObject({ verdict: "fail", article: "20" });
    expect(finding.messageZh).toContain("2029-03-10");
  });

  it("the ban ends on the third anniversary: barred the day before, free on it", async () => {
    const [unit] = await t.database.db.select().from(units).where(eq(units.id, yichangUnit));
    const facts = await registryFactsFor(t.database.db, unit!, null);
    expect(facts.revocations?.some((r) => r.date === today)).toBe(true);
    const verdictOn = (referenceDate: string) =>
      checkEligibilityInput({
        ...validCase(),
        unit: { ...validCase().unit, uscc: unit!.uscc },
        referenceDate,
        registry: facts,
      }).findings.find((f) => f.ruleId === "20-revocation-ban")?.verdict;
    expect(verdictOn("2029-03-09")).toBe("fail");
    expect(verdictOn("2029-03-10")).toBe("pass");
  });

  it("evidence files: the department adds them while the case is proposed; the unit cannot; decided cases are closed", async () => {
    const baseId = await newBase();
    const id = (await officer.post("/api/revocations", { baseId, ground: 5, evidence: "外交事故" })).json().id;
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    );
    const upload = (agent: Agent) =>
      agent.request({
        method: "POST",
        url: `/api/revocations/${id}/files`,
        ...multipart({}, { name: "通报.pdf", content: pdf, mediaType: "application/pdf" }),
      });
    expect((await officer.get(`/api/revocations/${id}/files`)).json()).toMatchObject({ editable: true, items: [] });
    expect((await upload(officer)).statusCode).toBe(201);
    const unit = await t.login("app.yichang");
    expect((await upload(unit)).statusCode).toBe(403);
    expect((await upload(await t.login("app.wuhan-ent"))).statusCode).toBe(404);
    expect((await officer.get(`/api/revocations/${id}`)).json().files).toEqual([
      expect.objectContaining({ name: "通报.pdf", slot: "evidence" }),
    ]);
    await officer.post(`/api/revocations/${id}/events`, { event: "dismiss", reason: "不予取消", expectedVersion: 1 });
    expect((await upload(officer)).statusCode).toBe(409);
  });

  it("scopes: another unit and another jurisdiction get 404, no session 401", async () => {
    const baseId = await newBase();
    const id = (await officer.post("/api/revocations", { baseId, ground: 3, evidence: "学术不端" })).json().id;
    const other = await t.login("app.wuhan-ent");
    expect((await other.get(`/api/revocations/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/bases/${baseId}/revocation-cases`)).statusCode).toBe(404);
    expect((await other.post("/api/revocations/withdrawal-requests", { baseId, reason: "x" })).statusCode).toBe(404);
    expect(
      (await other.post(`/api/revocations/${id}/events`, { event: "withdraw", expectedVersion: 1 })).statusCode,
    ).toBe(404);
    const otherIds = (await other.get("/api/revocations")).json().items.map((i: { id: string }) => i.id);
    expect(otherIds).not.toContain(id);
    const far = await t.login("rec.wuhan");
    expect((await far.get(`/api/revocations/${id}`)).statusCode).toBe(404);
    const near = await t.login("rec.yichang");
    expect((await near.get(`/api/revocations/${id}`)).json()).toMatchObject({ availableEvents: [] });
    expect((await near.post("/api/revocations", { baseId, ground: 3, evidence: "x" })).statusCode).toBe(403);
    const own = await t.login("app.yichang");
    // The unit cannot take back a proposal it did not make.
    expect(
      (await own.post(`/api/revocations/${id}/events`, { event: "withdraw", expectedVersion: 1 })).statusCode,
    ).toBe(409);
    expect((await t.anonymous.get("/api/revocations")).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/bases/${baseId}/revocation-cases`)).statusCode).toBe(401);
    const wuhanBase = await newBase(wuhanUnit);
    expect((await own.get(`/api/bases/${wuhanBase}/revocation-cases`)).statusCode).toBe(404);
    const refusedAudit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "revocation.open"), eq(auditLog.outcome, "refused")));
    expect(refusedAudit.length).toBeGreaterThan(0);
  });
});
