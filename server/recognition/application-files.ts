import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { FileSlot } from "../../contracts/recognition";
import type { Caller } from "../access/caller";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { applicationFiles, applications, files } from "../db/schema";
import { refused } from "../domain/refused";
import type { FileStore } from "../storage/files";
import type { FileContent } from "../storage/staged-file";
import { acceptedKinds, isSingleFileSlot, maxUploadBytes } from "./materials";
import { lockEditable, recompute } from "./save-application";

/** Files of an application with their stored facts (name sanitized, type sniffed, SHA-256). */
export async function filesOf(executor: Executor, applicationId: string) {
  return executor
    .select({
      id: applicationFiles.id,
      fileId: files.id,
      slot: applicationFiles.slot,
      name: files.name,
      mediaType: files.mediaType,
      size: files.size,
      sha256: files.sha256,
      storageKey: files.storageKey,
      createdAt: applicationFiles.createdAt,
    })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.createdAt), asc(applicationFiles.id));
}

/** Re-runs the eligibility after the files changed (Art. 7.4 reads the system slots); the form version stays. */
async function refreshEligibility(executor: Executor, row: typeof applications.$inferSelect) {
  const derived = await recompute(executor, row, row.form);
  await executor
    .update(applications)
    .set({ eligibility: derived.eligibility, updatedAt: row.updatedAt })
    .where(eq(applications.id, row.id));
}

/**
 * Attaches an upload to a slot: the type is judged by content against the slot's accept list (415 otherwise),
 * ≤ 50 MB (413), SHA-256 stored, name sanitized. A single-file slot keeps only the newest file.
 */
export async function attachApplicationFile(
  deps: CommandDeps,
  store: FileStore,
  actor: Actor,
  caller: Caller,
  input: { applicationId: string; slot: FileSlot; name: string; content: FileContent },
): Promise<string> {
  const id = randomUUID();
  return execute(
    deps,
    actor,
    "application.attach-file",
    { type: "application", id: input.applicationId },
    async (context) => {
      const row = await lockEditable(context, caller, input.applicationId);
      const stored = await store.save(
        context.tx,
        context.clock,
        { name: input.name, content: input.content, uploadedBy: actor.accountId },
        acceptedKinds(input.slot),
        maxUploadBytes,
      );
      if (isSingleFileSlot(input.slot)) {
        await context.tx
          .delete(applicationFiles)
          .where(and(eq(applicationFiles.applicationId, row.id), eq(applicationFiles.slot, input.slot)));
      }
      await context.tx.insert(applicationFiles).values({
        id,
        applicationId: row.id,
        slot: input.slot,
        fileId: stored.id,
        createdBy: actor.accountId,
        createdAt: context.clock.now(),
      });
      await refreshEligibility(context.tx, row);
      await context.audit({
        changes: { slot: input.slot, name: stored.name, sha256: stored.sha256, size: stored.size },
      });
      return id;
    },
  );
}

/** Removes one attached file from an editable application (the stored file stays for the audit trail). */
export async function detachApplicationFile(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  input: { applicationId: string; attachmentId: string },
): Promise<void> {
  await execute(
    deps,
    actor,
    "application.detach-file",
    { type: "application", id: input.applicationId },
    async (context) => {
      const row = await lockEditable(context, caller, input.applicationId);
      const removed = await context.tx
        .delete(applicationFiles)
        .where(and(eq(applicationFiles.applicationId, row.id), eq(applicationFiles.id, input.attachmentId)))
        .returning();
      if (removed.length === 0) throw refused.notFound("File", "文件");
      await refreshEligibility(context.tx, row);
      await context.audit({ changes: { removed: removed.map((r) => ({ slot: r.slot, fileId: r.fileId })) } });
    },
  );
}
