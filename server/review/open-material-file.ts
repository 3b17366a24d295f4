import { eq } from "drizzle-orm";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { files } from "../db/schema";
import { refused } from "../domain/refused";
import type { FileStore } from "../storage/files";
import { resolveMaterials } from "./open-materials";

export interface OpenMaterialFileOptions {
  assignmentId: string;
  /** A `fileId` of the target's `materials.files`; any other file is not found (404). */
  fileId: string;
  store: FileStore;
}

export interface OpenedMaterialFile {
  name: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/**
 * An expert opens one file of the target's materials (the 申报书 PDF, the work plan, a management system): only
 * after declaring no conflict, only a file the target lists, and every opening is audited
 * (`review.materials.file`, naming the file and its SHA-256) in the transaction that resolves it.
 */
export async function openMaterialFile(
  deps: CommandDeps,
  actor: Actor,
  options: OpenMaterialFileOptions,
): Promise<OpenedMaterialFile> {
  return execute(
    deps,
    actor,
    "review.materials.file",
    { type: "review-assignment", id: options.assignmentId },
    async (context) => {
      const { round, materials } = await resolveMaterials(context, options.assignmentId);
      const listed = materials.files.find((file) => file.fileId === options.fileId);
      if (!listed) throw refused.notFound("File", "文件");
      // The shared files table (server/storage), not the target's own tables: where the bytes are and their digest.
      const [stored] = await context.tx
        .select({ sha256: files.sha256, storageKey: files.storageKey })
        .from(files)
        .where(eq(files.id, listed.fileId));
      if (!stored) throw refused.notFound("File", "文件");
      const content = await options.store.read(stored.storageKey);
      await context.audit({
        changes: {
          roundId: round.id,
          targetKind: round.targetKind,
          targetId: round.targetId,
          fileId: listed.fileId,
          name: listed.name,
          slot: listed.slot,
          sha256: stored.sha256,
        },
      });
      return { name: listed.name, mediaType: listed.mediaType, sha256: stored.sha256, content };
    },
  );
}
