import pLimit from "p-limit";

/**
 * How many uploads one process reads at once (issue 16, deadline day), and for how long one keeps its slot. The rest
 * wait with their bodies unread, in the kernel's socket buffers rather than this process's memory: 500 uploads read at
 * once held some 280 MB, and the switching between them took the main thread from the bytes (208 MB/s; 16 at a time:
 * 326 MB/s, 130 MB less). A slot is held for 10 s at most, then the upload reads on outside the count: a slow client
 * or one that sends nothing never keeps others waiting longer than that.
 */
export const uploadSlots = { atOnce: 16, holdMs: 10_000 };

export function makeUploadSlots({ atOnce, holdMs }: typeof uploadSlots) {
  const limit = pLimit(atOnce);
  /** Runs `read` (one upload's body, to its staged file) once a slot is free, and resolves with what it resolves. */
  return async function inUploadSlot<T>(read: () => Promise<T>): Promise<T> {
    let reading: Promise<T> | undefined;
    await limit(
      () =>
        new Promise<void>((release) => {
          const timer = setTimeout(release, holdMs);
          reading = read();
          // The caller gets the failure below; here it only ends the slot.
          reading
            .finally(() => {
              clearTimeout(timer);
              release();
            })
            .catch(() => undefined);
        }),
    );
    if (!reading) throw new Error("upload slot released before the upload began");
    return reading;
  };
}

export const inUploadSlot = makeUploadSlots(uploadSlots);
