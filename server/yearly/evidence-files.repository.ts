import { and, asc, eq } from "drizzle-orm";
import type { EvidenceFile } from "../../contracts/evidence";
import type { EvidenceSubject } from "../../policy/evidence/evidence-files";
import type { Executor } from "../db/client";
import { files, yearlyFiles } from "../db/schema";

/** The subject's evidence files, oldest first, with the stored facts (name sanitized, type sniffed, SHA-256). */
export async function evidenceFilesOf(
  executor: Executor,
  subject: EvidenceSubject,
  subjectId: string,
): Promise<Array<EvidenceFile & { fileId: string; storageKey: string }>> {
  const rows = await executor
    .select({
      id: yearlyFiles.id,
      fileId: files.id,
      slot: yearlyFiles.slot,
      name: files.name,
      mediaType: files.mediaType,
      size: files.size,
      sha256: files.sha256,
      storageKey: files.storageKey,
      createdAt: yearlyFiles.createdAt,
    })
    .from(yearlyFiles)
    .innerJoin(files, eq(files.id, yearlyFiles.fileId))
    .where(and(eq(yearlyFiles.subjectKind, subject), eq(yearlyFiles.subjectId, subjectId)))
    .orderBy(asc(yearlyFiles.createdAt), asc(yearlyFiles.id));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The files as a detail view presents them (no storage key). */
export async function presentEvidenceFiles(
  executor: Executor,
  subject: EvidenceSubject,
  subjectId: string,
): Promise<EvidenceFile[]> {
  return (await evidenceFilesOf(executor, subject, subjectId)).map(
    ({ fileId: _fileId, storageKey: _storageKey, ...file }) => file,
  );
}
