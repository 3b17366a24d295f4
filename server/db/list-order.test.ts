import { describe, expect, it } from "vitest";
import { inBatches } from "./list-order";

describe("inBatches", () => {
  const source = Array.from({ length: 1_234 }, (_, i) => i);

  it("yields every row once, in order, and asks for the next window before the caller is done with this one", async () => {
    const asked: Array<[number, number]> = [];
    const batches = inBatches(
      async (limit, offset) => {
        asked.push([offset, limit]);
        return source.slice(offset, offset + limit);
      },
      { first: 100, largest: 400 },
    );
    const seen: number[] = [];
    for await (const batch of batches) {
      // While this batch is being written out, the next window has been asked for already.
      const [lastOffset] = asked.at(-1)!;
      if (seen.length + batch.length < source.length) expect(lastOffset).toBe(seen.length + batch.length);
      seen.push(...batch);
    }
    expect(seen).toEqual(source);
    // Windows double from the first up to the largest.
    expect(asked).toEqual([
      [0, 100],
      [100, 200],
      [300, 400],
      [700, 400],
      [1_100, 400],
    ]);
  });

  it("stops after an exactly full last window without yielding an empty batch", async () => {
    const sizes: number[] = [];
    for await (const batch of inBatches(async (limit, offset) => source.slice(0, 1_000).slice(offset, offset + limit), {
      first: 500,
      largest: 500,
    })) {
      sizes.push(batch.length);
    }
    expect(sizes).toEqual([500, 500]);
  });

  it("leaves no unhandled rejection when the caller stops early and the read in flight fails", async () => {
    let calls = 0;
    const batches = inBatches(
      async (limit, offset) => {
        calls += 1;
        if (calls > 1) throw new Error("the connection went away");
        return source.slice(offset, offset + limit);
      },
      { first: 500 },
    );
    for await (const batch of batches) {
      expect(batch).toHaveLength(500);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(2);
  });
});
