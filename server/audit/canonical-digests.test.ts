import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../../policy/canonical-json";
import { verifyDrawRecord } from "../../policy/review/draw-record";
import { sm3 } from "../crypto/sm";
import { accounts, applications, auditLog, draws, printedDocuments, recognitionDocuments } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { loadRecognitionDocument } from "../decision/notices.repository";
import { recognitionNoticeOf } from "../documents/recognition-notice";
import { recommendedBy } from "../recognition/applications.repository";
import { opinionsBy } from "../recognition/recommendation-opinions";
import { sha256 } from "../review/draw-experts";
import { recommenderIdByCode } from "../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { verifyAuditChain } from "./audit-log";

/**
 * Every digest the platform stores is taken over policy/canonical-json: the audit chain's MACs, the printed
 * documents' verification codes and the draws' candidate digests. This re-verifies all of them on the demo
 * database. The audit and draw checks read their input back from jsonb (keys reordered), so they also catch a change
 * to the canonical text; a printed document's content is rebuilt here in the order it was printed in, so that check
 * catches a digest that no longer matches its content, and policy/canonical-json.test.ts pins the text itself.
 */
describe.each(databaseKinds())("stored digests under the one canonicalJson on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;

    // Print one of each kind of document as its users would: the 申报书, the 推荐函, the 认定通知.
    const applicant = await t.login("app.wuhan-ent");
    const [account] = await db.select().from(accounts).where(eq(accounts.username, "app.wuhan-ent"));
    const [own] = await db.select().from(applications).where(eq(applications.unitId, account!.unitId!));
    expect((await applicant.get(`/api/applications/${own!.id}/application-form/pdf`)).statusCode).toBe(200);

    const city = await t.login("rec.wuhan");
    const wuhan = await recommenderIdByCode(db, "420100");
    const [ranked] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.recommenderId, wuhan), isNotNull(applications.priority)));
    const letter = await city.get(`/api/calls/${ranked!.callId}/recommendations/${ranked!.recommenderId}/letter/pdf`);
    expect(letter.statusCode).toBe(200);

    const [document] = await db.select().from(recognitionDocuments).limit(1);
    const officer = await t.login("officer");
    expect((await officer.get(`/api/decisions/recognitions/${document!.id}/notice/pdf`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  /** What each kind of document was digested over, rebuilt from the records it was printed from. */
  async function printedContent(row: typeof printedDocuments.$inferSelect): Promise<unknown> {
    const db = t.database.db;
    if (row.kind === "application-form") {
      const [application] = await db.select().from(applications).where(eq(applications.id, row.subjectId));
      const { id, unitId, standardName, form } = application!;
      return { applicationId: id, unitId, standardName, form };
    }
    if (row.kind === "recommendation") {
      const [callId, recommenderId] = row.subjectId.split("/") as [string, string];
      const items = await recommendedBy(db, callId, recommenderId);
      // The letter prints each application's 推荐意见, so the digest covers it too.
      const opinions = await opinionsBy(
        db,
        recommenderId,
        items.map(({ application }) => application.id),
      );
      return {
        callId,
        recommenderId,
        items: items.map(({ application }) => ({
          id: application.id,
          priority: application.priority,
          opinion: opinions.get(application.id) ?? "",
        })),
      };
    }
    const found = await loadRecognitionDocument(db, row.subjectId);
    return recognitionNoticeOf({ ...found!.document, bases: found!.bases, roundYear: found!.roundYear });
  }

  it("every printed document's digest and code are the SM3 of its canonical content", async () => {
    const rows = await t.database.db.select().from(printedDocuments);
    const verified: Record<string, number> = {};
    for (const row of rows) {
      const digest = sm3(canonicalJson({ kind: row.kind, content: await printedContent(row) }));
      expect(row.digest, `${row.kind} ${row.subjectId}`).toBe(digest);
      expect(row.code).toBe((digest.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join("-"));
      verified[row.kind] = (verified[row.kind] ?? 0) + 1;
    }
    expect(verified).toEqual({
      "application-form": expect.any(Number),
      recommendation: expect.any(Number),
      "recognition-notice": expect.any(Number),
    });
    expect(Object.values(verified).every((count) => count > 0)).toBe(true);
  });

  it("every stored draw re-runs to its panel and its candidate digest matches", async () => {
    const rows = await t.database.db.select().from(draws);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const record = parseStored("draws.record", row.record, row.id);
      expect(verifyDrawRecord(record, sha256).problems, row.id).toEqual([]);
      expect(record.candidatesDigest).toBe(sha256(canonicalJson(record.candidates)));
    }
  });

  it("the whole audit chain verifies, the entries of the printing above included", async () => {
    const entries = await t.database.db.select({ seq: auditLog.seq }).from(auditLog);
    const generated = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "document.generate"));
    expect(generated.length).toBeGreaterThanOrEqual(3);
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(verdict).toEqual({
      ok: true,
      checked: entries.length,
      lastSeq: entries.length,
      broken: [],
      brokenCount: 0,
    });
    expect(verdict.checked).toBeGreaterThan(0);
  });
});
