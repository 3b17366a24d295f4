import { createHash } from "node:crypto";
import { mkdir, open, unlink } from "node:fs/promises";
import { dirname } from "node:path";

/** Bytes kept from the start of an upload: all that `sniffKind` reads (magic bytes, the zip's first entry names). */
export const headBytes = 64 * 1024;

/**
 * An upload streamed to the files root's staging directory (FileStore.stagingPath): its bytes on disk and synced,
 * its size, SHA-256 and first 64 KB in hand, so it is checked and stored without being read again.
 */
export interface StagedFile {
  path: string;
  size: number;
  sha256: string;
  head: Buffer;
}

/** What an upload's bytes are: generated documents and tests hold them in memory, uploads are staged on disk. */
export type FileContent = Buffer | StagedFile;

/**
 * Writes `source` to `path` (a new file) chunk by chunk while hashing it, and syncs it before returning; on any
 * failure the partial file is removed and the error rethrown. One chunk is in memory at a time: the source waits
 * for each write (backpressure), so hundreds of concurrent uploads cost their socket buffers, not their sizes.
 */
export async function stageFile(path: string, source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "wx+", 0o600);
  const hash = createHash("sha256");
  let size = 0;
  let head: Buffer;
  try {
    for await (const chunk of source) {
      hash.update(chunk);
      size += chunk.byteLength;
      // A short write only happens on a full disk or a signal; write until the chunk is all out.
      for (let written = 0; written < chunk.byteLength; ) {
        written += (await file.write(chunk, written, chunk.byteLength - written)).bytesWritten;
      }
    }
    // Read back once the file is written (from the page cache): hundreds of uploads in flight hold no head each.
    head = Buffer.allocUnsafe(Math.min(size, headBytes));
    for (let read = 0; read < head.length; ) {
      const { bytesRead } = await file.read(head, read, head.length - read, read);
      if (bytesRead === 0) throw new Error(`staged file ${path} shorter than written`);
      read += bytesRead;
    }
    await file.sync();
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await removeStagedFile(path);
    throw error;
  }
  return { path, size, sha256: hash.digest("hex"), head };
}

/** Removes a staging file; one already moved into the store (or never created) is no error. */
export async function removeStagedFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
