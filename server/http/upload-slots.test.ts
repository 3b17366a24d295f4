import { describe, expect, it } from "vitest";
import { makeUploadSlots } from "./upload-slots";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("upload slots", () => {
  it("reads at most so many uploads at once, in the order they came, each with its own result", async () => {
    const inSlot = makeUploadSlots({ atOnce: 2, holdMs: 10_000 });
    let reading = 0;
    let most = 0;
    const began: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        inSlot(async () => {
          began.push(index);
          reading += 1;
          most = Math.max(most, reading);
          await later(15);
          reading -= 1;
          return index * 10;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(began).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it("hands a failure to its caller and frees the slot for the next", async () => {
    const inSlot = makeUploadSlots({ atOnce: 1, holdMs: 10_000 });
    const failed = inSlot(async () => {
      throw new Error("cut short");
    });
    const next = inSlot(async () => "stored");
    await expect(failed).rejects.toThrow("cut short");
    await expect(next).resolves.toBe("stored");
  });

  it("lets the next upload in once a slow one has held its slot for the longest hold", async () => {
    const inSlot = makeUploadSlots({ atOnce: 1, holdMs: 40 });
    const events: string[] = [];
    const slow = inSlot(async () => {
      await later(200);
      events.push("slow done");
    });
    const fast = inSlot(async () => {
      events.push("fast began");
    });
    await Promise.all([slow, fast]);
    expect(events).toEqual(["fast began", "slow done"]);
  });
});
