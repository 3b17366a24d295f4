import { asc, eq } from "drizzle-orm";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { printedDocuments } from "../db/schema";
import type { Verification } from "./verification";

export type PrintedDocumentRow = typeof printedDocuments.$inferSelect;

export interface PrintedDocument {
  verification: Verification;
  /** What the document is about, as the audit log names it ("application", "recognition-document", …). */
  subject: { type: string; id: string };
  title: string;
  issuer: string;
}

/**
 * Records that a version of a document was generated, so its printed code can be checked later (SPEC §6). The same
 * content gives the same digest: generating it again only moves `lastGeneratedAt`. Audited like any state change.
 */
export async function recordPrintedDocument(deps: CommandDeps, actor: Actor, document: PrintedDocument): Promise<void> {
  const { verification, subject } = document;
  await execute(deps, actor, "document.generate", subject, async (context) => {
    const now = context.clock.now();
    await context.tx
      .insert(printedDocuments)
      .values({
        digest: verification.digest,
        code: verification.code,
        kind: verification.kind,
        subjectType: subject.type,
        subjectId: subject.id,
        title: document.title,
        issuer: document.issuer,
        firstGeneratedAt: now,
        lastGeneratedAt: now,
        generatedBy: actor.accountId,
      })
      .onConflictDoUpdate({ target: printedDocuments.digest, set: { lastGeneratedAt: now } });
    await context.audit({
      changes: { kind: verification.kind, code: verification.code, digest: verification.digest },
    });
  });
}

/**
 * The recorded version behind a printed code. Codes are 64 bits of the digest, so two versions sharing one is
 * vanishingly unlikely; if they do, the digest from the QR code picks the right one.
 */
export async function findPrintedDocument(
  executor: Executor,
  code: string,
  digest?: string,
): Promise<PrintedDocumentRow | null> {
  const rows = await executor
    .select()
    .from(printedDocuments)
    .where(eq(printedDocuments.code, code))
    .orderBy(asc(printedDocuments.firstGeneratedAt));
  return rows.find((row) => row.digest === digest) ?? rows[0] ?? null;
}
