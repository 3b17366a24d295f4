import { describe, expect, it } from "vitest";
import { scheduledJobs, untilNext } from "./scheduler";

const at = (china: string) => new Date(`${china}+08:00`);
const minutes = (ms: number) => ms / 60_000;

/** The embedded runner waits for the times the jobs' cron expressions name, in China time, like pg-boss does. */
describe("untilNext", () => {
  it.each([
    ["*/10 * * * *", "2026-12-05T09:03:00", 7],
    ["*/10 * * * *", "2026-12-31T23:55:00", 5], // across the year end
    ["0 * * * *", "2026-12-05T09:03:00", 57],
    ["0 * * * *", "2028-02-29T23:30:00", 30], // leap day into 1 March
    ["0 8 * * *", "2026-12-05T08:00:00", 24 * 60], // on the minute: the next one, not now
  ])("%s from %s: %d minutes", (cron, china, expected) => {
    expect(minutes(untilNext(cron, at(china)))).toBe(expected);
  });

  it("reads China time whatever the server's zone: 08:00 China is 00:00 UTC", () => {
    expect(minutes(untilNext("0 8 * * *", new Date("2026-12-04T23:00:00Z")))).toBe(60);
  });

  it("parses every scheduled job's expression", () => {
    for (const job of scheduledJobs) expect(untilNext(job.cron, at("2026-12-05T09:03:00"))).toBeGreaterThan(0);
  });
});
