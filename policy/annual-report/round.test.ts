import { describe, expect, it } from "vitest";
import { reportsOnYear, roundDateIssues } from "./round";

describe("evaluation round (Art. 22)", () => {
  it("takes bases still in the series, recognized by the year's last day", () => {
    expect(reportsOnYear({ status: "active", recognizedOn: "2026-12-31" }, 2026)).toBe(true);
    expect(reportsOnYear({ status: "rectifying", recognizedOn: "2025-11-30" }, 2026)).toBe(true);
    expect(reportsOnYear({ status: "active", recognizedOn: "2027-01-01" }, 2026)).toBe(false);
    expect(reportsOnYear({ status: "revoked", recognizedOn: "2024-01-01" }, 2026)).toBe(false);
    expect(reportsOnYear({ status: "exited", recognizedOn: "2024-01-01" }, 2026)).toBe(false);
  });

  it("wants a deadline after the reported year and not in the past", () => {
    expect(roundDateIssues(2026, "2027-03-31", "2026-12-04")).toEqual([]);
    expect(roundDateIssues(2026, "2026-12-31", "2026-12-04").map((i) => i.path)).toEqual(["reportDeadline"]);
    expect(roundDateIssues(2026, "2027-01-01", "2027-01-02").map((i) => i.path)).toEqual(["reportDeadline"]);
    expect(roundDateIssues(2026, "2027-01-02", "2027-01-02")).toEqual([]);
    expect(roundDateIssues(2028, "2029-02-28", "2027-12-31").map((i) => i.path)).toEqual(["year"]);
  });
});
