import { describe, expect, it } from "vitest";
import { changeDateRefusal, changeDeadlineView, filingLateness } from "./change-dates";

describe("major change deadline (Art. 18.5: 3 calendar months, month-end clamped)", () => {
  it.each([
    ["2025-11-30", "2026-02-28"],
    ["2023-11-30", "2024-02-29"],
    ["2026-08-31", "2026-11-30"],
    ["2025-12-31", "2026-03-31"],
    ["2026-10-15", "2027-01-15"],
    ["2024-02-29", "2024-05-29"],
    ["2023-11-29", "2024-02-29"],
    ["2025-11-29", "2026-02-28"],
    ["2026-01-31", "2026-04-30"],
  ])("a change on %s is due on %s", (changedOn, dueOn) => {
    expect(filingLateness(changedOn, dueOn)).toEqual({ dueOn, filedLate: false });
  });

  it.each([
    ["2025-11-30", "2026-03-01"],
    ["2023-11-30", "2024-03-01"],
    ["2026-08-31", "2026-12-01"],
    ["2025-12-31", "2026-04-01"],
  ])("a change on %s filed on %s is late (flagged, not refused)", (changedOn, filedOn) => {
    expect(filingLateness(changedOn, filedOn).filedLate).toBe(true);
  });

  it("a change of a different window length is a setting", () => {
    const settings = { changeReportMonths: 1 } as Parameters<typeof filingLateness>[2];
    expect(filingLateness("2026-01-31", "2026-02-28", settings)).toEqual({ dueOn: "2026-02-28", filedLate: false });
  });

  it("an open report past its due date is overdue; a filed or withdrawn one never is", () => {
    expect(changeDeadlineView("2025-11-30", "draft", "2026-02-28")).toEqual({
      dueOn: "2026-02-28",
      daysLeft: 0,
      overdue: false,
    });
    expect(changeDeadlineView("2025-11-30", "submitted", "2026-03-01")).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(changeDeadlineView("2025-11-30", "recommender-approved", "2026-03-01").overdue).toBe(true);
    expect(changeDeadlineView("2025-11-30", "filed", "2026-06-01").overdue).toBe(false);
    expect(changeDeadlineView("2025-11-30", "withdrawn", "2026-06-01").overdue).toBe(false);
  });

  it("a change date in the future is refused at changedOn on Art. 18.5; today and the past are accepted", () => {
    expect(changeDateRefusal("2026-03-11", "2026-03-10")).toMatchObject({
      code: "change-in-future",
      article: "18.5",
      path: "changedOn",
    });
    expect(changeDateRefusal("2026-03-10", "2026-03-10")).toBeNull();
    expect(changeDateRefusal("2025-12-31", "2026-01-01")).toBeNull();
    expect(changeDateRefusal("2026-02-30", "2026-03-10")).toMatchObject({ code: "invalid-date", path: "changedOn" });
  });
});
