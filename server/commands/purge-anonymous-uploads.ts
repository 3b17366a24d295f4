import { and, eq, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import { applicationFiles, files, objections, onSiteVerifications, recommendationLetters, units } from "../db/schema";
import type { FileStore } from "../storage/files";
import { type CallerlessInvocation, execute } from "./command";

/**
 * How long a file uploaded without signing in (`POST /api/public/files`) waits for the objection or registration it
 * was uploaded for. The public forms upload and submit within minutes; a day lets a visitor come back to finish, and
 * keeps what anyone may post anonymously from piling up in the store for longer than that.
 */
export const anonymousUploadRetentionHours = 24;

/**
 * Deletes the anonymous uploads older than the retention that nothing refers to — neither an objection's sealed
 * letter, a unit's authorisation letter, an application's material, a recommendation letter nor an on-site visit —
 * audited in one transaction; then, after commit, their stored bytes unless another row holds the same content.
 * Run by the periodic housekeeping (server/outbox/workers.ts). Returns how many uploads were deleted.
 */
export async function purgeAnonymousUploads(invocation: CallerlessInvocation, store: FileStore): Promise<number> {
  const { deps, actor } = invocation;
  const cutoff = new Date(deps.clock.now().getTime() - anonymousUploadRetentionHours * 3_600_000);
  const purged = await execute(deps, actor, "file.purge-anonymous", { type: "file" }, async (context) => {
    const { tx } = context;
    const unreferenced = (column: typeof files.id) => [
      notExists(tx.select({ id: objections.id }).from(objections).where(eq(objections.sealFileId, column))),
      notExists(tx.select({ id: units.id }).from(units).where(eq(units.authorisationFileId, column))),
      notExists(
        tx.select({ id: applicationFiles.id }).from(applicationFiles).where(eq(applicationFiles.fileId, column)),
      ),
      notExists(
        tx
          .select({ id: recommendationLetters.id })
          .from(recommendationLetters)
          .where(eq(recommendationLetters.fileId, column)),
      ),
      notExists(
        tx
          .select({ id: onSiteVerifications.id })
          .from(onSiteVerifications)
          .where(sql`${onSiteVerifications.fileIds} @> jsonb_build_array(${column})`),
      ),
    ];
    const stale = await tx
      .select({ id: files.id })
      .from(files)
      .where(and(isNull(files.uploadedBy), lt(files.createdAt, cutoff), ...unreferenced(files.id)))
      .for("update");
    if (stale.length === 0) return [];
    // Checked again by the delete itself: a reference committed while this waited for the rows' locks still counts.
    const deleted = await tx
      .delete(files)
      .where(
        and(
          inArray(
            files.id,
            stale.map((file) => file.id),
          ),
          ...unreferenced(files.id),
        ),
      )
      .returning({ id: files.id, sha256: files.sha256, size: files.size, storageKey: files.storageKey });
    if (deleted.length === 0) return deleted;
    await context.audit({
      reason: `anonymous uploads unattached for ${anonymousUploadRetentionHours} h`,
      changes: {
        createdBefore: cutoff.toISOString(),
        files: deleted.map(({ id, sha256, size }) => ({ id, sha256, size })),
      },
    });
    return deleted;
  });
  // Bytes go only after the rows are gone for good: a rolled-back purge never loses a file's content.
  for (const storageKey of new Set(purged.map((file) => file.storageKey))) {
    await store.discard(deps.database, storageKey);
  }
  return purged.length;
}
