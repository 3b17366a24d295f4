import { type FileHandle, mkdir, open, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { digestFile, type FileDigest } from "./file-digest";

/** Bytes kept from the start of an upload: all that `sniffKind` reads (magic bytes, the zip's first entry names). */
export const headBytes = 64 * 1024;

/**
 * An upload streamed to the files root's staging directory (FileStore.stagingPath): its bytes on disk and synced,
 * its size, SHA-256 (of the bytes on disk) and first 64 KB in hand, so it is checked and stored without another read.
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
 * Writes `source` to `path` (a new file) chunk by chunk, then reads it back for its SHA-256 and head on the digest
 * thread (file-digest.ts) while it is synced; on any failure the partial file is removed and the error rethrown. A few
 * chunks are in memory at a time: the source waits for each write (backpressure), so hundreds of concurrent uploads
 * cost their socket buffers, not their sizes.
 */
export async function stageFile(path: string, source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "wx", 0o600);
  let size = 0;
  let digest: FileDigest;
  try {
    // Chunks (64 KB socket reads) are written four at a time: each write is a call to the thread pool whose cost,
    // not the bytes, held deadline-day uploads to a fifth of the main thread (issue 16).
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    for await (const chunk of source) {
      size += chunk.byteLength;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= writeBytes) {
        await writeAll(file, pending);
        pending = [];
        pendingBytes = 0;
      }
    }
    await writeAll(file, pending);
    [digest] = await Promise.all([digestFile(path, headBytes), file.sync()]);
    if (digest.size !== size) throw new Error(`staged file ${path} holds ${digest.size} bytes, ${size} were written`);
    await file.close();
  } catch (error) {
    await file.close().catch(() => undefined);
    await removeStagedFile(path);
    throw error;
  }
  return { path, size, sha256: digest.sha256, head: digest.head };
}

/** Bytes gathered before a write. */
const writeBytes = 256 * 1024;

/** Writes every chunk at the file's position; a short write (a full disk, a signal) is written on until all are out. */
async function writeAll(file: FileHandle, chunks: Uint8Array[]): Promise<void> {
  let left = chunks;
  while (left.length > 0) {
    let { bytesWritten } = await file.writev(left);
    const rest: Uint8Array[] = [];
    for (const chunk of left) {
      if (bytesWritten >= chunk.byteLength) bytesWritten -= chunk.byteLength;
      else {
        rest.push(bytesWritten > 0 ? chunk.subarray(bytesWritten) : chunk);
        bytesWritten = 0;
      }
    }
    left = rest;
  }
}

/** Removes a staging file; one already moved into the store (or never created) is no error. */
export async function removeStagedFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
