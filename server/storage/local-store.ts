import { createReadStream } from "node:fs";
import { mkdir, open, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import type { ByteStore } from "./byte-store";

async function syncDirectory(path: string) {
  const directory = await open(path, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** Bytes as files under a directory (DATA_DIR/files, or a volume two nodes share, e.g. NFS). */
export class LocalByteStore implements ByteStore {
  constructor(readonly root: string) {}

  async putStaged(key: string, stagedPath: string): Promise<void> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    // Replaces a copy already stored (the same bytes) atomically, so a download reading it is not cut; the
    // directory is synced so the name outlives a crash once the row commits (the bytes were synced when staged).
    await rename(stagedPath, path);
    await syncDirectory(dirname(path));
  }

  async putBuffer(key: string, content: Buffer): Promise<void> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }

  read(key: string): Promise<Buffer> {
    return readFile(join(this.root, key));
  }

  stream(key: string): Readable {
    return createReadStream(join(this.root, key));
  }

  async delete(key: string): Promise<boolean> {
    try {
      await unlink(join(this.root, key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }
}
