import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import JSZip from "jszip";
import type { FileStore } from "../storage/files";
import type { DossierEntry } from "./dossier";

/** An entry with what the manifest lists: its size and SM3 digest (GB/T 32905) — or that its bytes are missing. */
export type DigestedEntry = DossierEntry & ({ missing: false; size: number; sm3: string } | { missing: true });

async function digestStream(stream: NodeJS.ReadableStream): Promise<{ size: number; sm3: string }> {
  const hash = createHash("sm3");
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sm3: hash.digest("hex") };
}

/**
 * Digests every entry: a generated document from its bytes, a stored upload by streaming it from the store (never
 * read whole). An upload whose bytes the store no longer has is marked missing, so the manifest says so instead of
 * the download failing halfway.
 */
export async function digestEntries(entries: readonly DossierEntry[], store: FileStore): Promise<DigestedEntry[]> {
  const result: DigestedEntry[] = [];
  for (const entry of entries) {
    if ("content" in entry.source) {
      const sm3 = createHash("sm3").update(entry.source.content).digest("hex");
      result.push({ ...entry, missing: false, size: entry.source.content.length, sm3 });
      continue;
    }
    try {
      result.push({ ...entry, missing: false, ...(await digestStream(store.stream(entry.source.storageKey))) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      result.push({ ...entry, missing: true });
    }
  }
  return result;
}

/**
 * The zip as a stream: stored uploads are piped from the store as the archive is written (streamFiles: sizes and
 * CRCs follow each entry), so a dossier of large scans is never held in memory whole. `extra` are the manifest
 * files, written last.
 */
export function zipStream(
  entries: readonly DigestedEntry[],
  extra: ReadonlyArray<{ path: string; content: Buffer }>,
  store: FileStore,
): Readable {
  const zip = new JSZip();
  for (const entry of entries) {
    if (entry.missing) continue;
    const content = "content" in entry.source ? entry.source.content : store.stream(entry.source.storageKey);
    zip.file(entry.path, content, { binary: true, createFolders: false });
  }
  for (const file of extra) zip.file(file.path, file.content, { binary: true, createFolders: false });
  return zip.generateNodeStream({
    type: "nodebuffer",
    streamFiles: true,
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "UNIX",
  }) as Readable;
}
