/** Fixed keys and times make test runs reproducible. */
export const testKeys = {
  audit: Buffer.alloc(32, 0xa1),
  pii: Buffer.alloc(32, 0xb2),
};

/** The template's demo data is loaded at this instant; tests start their clocks later. */
export const templateClockStart = "2026-03-02T01:00:00.000Z";
export const testClockStart = "2026-03-10T02:00:00.000Z";
