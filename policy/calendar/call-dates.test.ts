import { describe, expect, it } from "vitest";
import { type CallDates, checkCallDates } from "./call-dates";

const at = (instant: string) => new Date(instant).getTime();
/** A call open 2026-03-01 00:00 to 2026-03-31 23:59:59, China time, with its deadline on the closing day. */
const march: CallDates = {
  opensAt: at("2026-03-01T00:00:00+08:00"),
  closesAt: at("2026-03-31T23:59:59+08:00"),
  opensOn: "2026-03-01",
  closesOn: "2026-03-31",
  deadline: "2026-03-31",
};
const leapFebruary: CallDates = {
  opensAt: at("2028-02-01T00:00:00+08:00"),
  closesAt: at("2028-02-29T23:59:59+08:00"),
  opensOn: "2028-02-01",
  closesOn: "2028-02-29",
  deadline: "2028-02-29",
};

describe("checkCallDates (Art. 14)", () => {
  it.each([
    ["deadline on the closing day", march],
    ["deadline on the opening day", { ...march, deadline: "2026-03-01" }],
    ["deadline inside the window", { ...march, deadline: "2026-03-15" }],
    [
      "window extended past the deadline",
      { ...march, closesAt: at("2026-04-10T23:59:59+08:00"), closesOn: "2026-04-10" },
    ],
    ["leap day 2028-02-29 as the deadline", leapFebruary],
  ])("accepts %s", (_name, dates) => {
    expect(checkCallDates(dates)).toBeNull();
  });

  it.each([
    ["deadline the day before opening", { ...march, deadline: "2026-02-28" }, ["deadline"]],
    ["deadline a year before opening", { ...march, deadline: "2025-03-31" }, ["deadline"]],
    ["deadline the day after closing", { ...march, deadline: "2026-04-01" }, ["deadline"]],
    ["deadline after a leap February's close", { ...leapFebruary, deadline: "2028-03-01" }, ["deadline"]],
    [
      "closing at the opening instant",
      { ...march, closesAt: march.opensAt, closesOn: "2026-03-01", deadline: "2026-03-01" },
      ["closesAt"],
    ],
    [
      "closing before opening, deadline before opening too",
      { ...march, closesAt: at("2026-02-01T00:00:00+08:00"), closesOn: "2026-02-01", deadline: "2026-02-01" },
      ["closesAt", "deadline"],
    ],
  ] as const)("refuses %s, naming each field at fault", (_name, dates, paths) => {
    const refusal = checkCallDates(dates);
    expect(refusal).toMatchObject({ code: "call-dates-out-of-order", article: "14", path: paths[0] });
    expect(refusal?.errors?.map((issue) => issue.path)).toEqual(paths);
    for (const issue of refusal?.errors ?? []) {
      expect(issue.messageZh).not.toBe("");
      expect(issue.messageEn).not.toBe("");
    }
  });
});
