import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/dates";
import { dueReminders, overdueReminder, reminderKey, reminderKind, reminderKinds, reminderOffsets } from "./due";

describe("reminder kinds", () => {
  it("lists each deadline once, with its labels and article", () => {
    expect(reminderKinds.map((kind) => [kind.code, kind.article])).toEqual([
      ["call-closing", "14"],
      ["annual-report-due", "22"],
      ["correction-due", "22"],
      ["rectification-end", "24"],
      ["change-report-due", "18.5"],
      ["agreement-expiring", "7.2"],
      ["ban-ending", "20"],
      ["rules-expiring", "31"],
    ]);
    expect(new Set(reminderKinds.map((kind) => kind.code)).size).toBe(reminderKinds.length);
    for (const kind of reminderKinds) expect(kind.labelZh && kind.labelEn).toBeTruthy();
    expect(reminderKind("annual-report-due").labelZh).toBe("年度工作报告报送截止");
  });

  it("reminds 30, 7 and 1 days before unless the kind says otherwise", () => {
    expect(reminderOffsets).toEqual([30, 7, 1]);
    expect(reminderKind("annual-report-due")).toMatchObject({ offsets: [30, 7, 1], overdue: false });
    expect(reminderKind("change-report-due")).toMatchObject({ offsets: [30, 7, 1], overdue: true });
    expect(reminderKind("agreement-expiring").offsets).toEqual([60, 30]);
    expect(reminderKind("ban-ending")).toMatchObject({ offsets: [0], dateWordZh: "期满日期" });
    expect(reminderKind("rules-expiring").offsets).toEqual([180, 30]);
  });

  it("sends the ban's notice on its day only, and an overdue notice from the day after a deadline", () => {
    expect(dueReminders("2028-02-28", "2028-02-29", [0])).toEqual([]);
    expect(dueReminders("2028-02-29", "2028-02-29", [0])).toEqual([{ daysBefore: 0, daysLeft: 0, late: false }]);
    expect(dueReminders("2028-03-01", "2028-02-29", [0])).toEqual([]);
    expect(dueReminders("2027-01-01", "2027-03-02", [60, 30])).toEqual([{ daysBefore: 60, daysLeft: 60, late: false }]);
    expect(dueReminders("2027-01-02", "2027-03-02", [60, 30])).toEqual([{ daysBefore: 60, daysLeft: 59, late: true }]);
    expect(overdueReminder("2028-02-29", "2028-02-29")).toBeNull();
    expect(overdueReminder("2028-03-01", "2028-02-29")).toEqual({
      daysBefore: -1,
      daysLeft: -1,
      late: false,
      overdue: true,
    });
    expect(reminderKey("change-report-due", "c1", "overdue")).toBe("change-report-due:c1:overdue");
  });

  it("keys a reminder by kind, subject and offset", () => {
    expect(reminderKey("rectification-end", "case-1", 7)).toBe("rectification-end:case-1:7");
  });
});

describe("dueReminders", () => {
  const onTime = (daysBefore: number) => [{ daysBefore, daysLeft: daysBefore, late: false }];
  const late = (daysBefore: number, daysLeft: number) => [{ daysBefore, daysLeft, late: true }];

  it.each([
    // [today, deadline, expected]
    ["2027-03-01", "2027-03-31", onTime(30)],
    ["2027-03-24", "2027-03-31", onTime(7)],
    ["2027-03-30", "2027-03-31", onTime(1)],
    // Month ends: 31 → 30 days across February of a common year.
    ["2027-02-01", "2027-03-03", onTime(30)],
    ["2027-02-28", "2027-03-01", onTime(1)],
    ["2027-04-30", "2027-05-01", onTime(1)],
    ["2027-01-31", "2027-03-02", onTime(30)],
    // Year end.
    ["2027-12-31", "2028-01-01", onTime(1)],
    ["2027-12-25", "2028-01-01", onTime(7)],
    ["2027-12-02", "2028-01-01", onTime(30)],
    // 29 February 2028 (a leap year): the day counts, as a day before and as a deadline.
    ["2028-02-28", "2028-02-29", onTime(1)],
    ["2028-02-29", "2028-03-01", onTime(1)],
    ["2028-02-22", "2028-02-29", onTime(7)],
    ["2028-01-30", "2028-02-29", onTime(30)],
    ["2028-02-01", "2028-03-02", onTime(30)],
    ["2028-02-23", "2028-03-01", onTime(7)],
  ] as const)("on %s for %s", (today, deadline, expected) => {
    expect(dueReminders(today, deadline)).toEqual(expected);
  });

  it("is quiet more than 30 days ahead and after the deadline", () => {
    expect(dueReminders("2027-02-28", "2027-03-31")).toEqual([]); // 31 days
    expect(dueReminders("2027-04-01", "2027-03-31")).toEqual([]);
    expect(dueReminders("2028-03-01", "2028-02-29")).toEqual([]);
    expect(dueReminders("2028-01-01", "2027-12-31")).toEqual([]);
  });

  it("on the deadline day sends the missed 1-day reminder late, never after", () => {
    expect(dueReminders("2027-03-31", "2027-03-31")).toEqual(late(1, 0));
    expect(dueReminders("2028-02-29", "2028-02-29")).toEqual(late(1, 0));
  });

  it("sends a missed reminder late, the nearest one only (no burst of three)", () => {
    expect(dueReminders("2027-03-02", "2027-03-31")).toEqual(late(30, 29));
    expect(dueReminders("2027-03-23", "2027-03-31")).toEqual(late(30, 8));
    expect(dueReminders("2027-03-26", "2027-03-31")).toEqual(late(7, 5));
    // Down from 31 days before to the day before: only the 1-day reminder.
    expect(dueReminders("2027-12-31", "2028-01-01")).toEqual(onTime(1));
  });

  it("names exactly one offset on every day of the last 30, and each offset on its own day", () => {
    const deadline = "2028-03-01";
    const byDay = Array.from({ length: 40 }, (_, index) => {
      const today = addDays(deadline, index - 35);
      return dueReminders(today, deadline);
    });
    expect(byDay.every((due) => due.length <= 1)).toBe(true);
    const onTimeDays = byDay.flat().filter((due) => !due.late);
    expect(onTimeDays.map((due) => due.daysBefore)).toEqual([30, 7, 1]);
    expect(byDay.flat().map((due) => due.daysBefore)).toEqual([...Array(23).fill(30), ...Array(6).fill(7), 1, 1]);
  });

  it("takes other offsets", () => {
    expect(dueReminders("2027-03-17", "2027-03-31", [14, 3])).toEqual(onTime(14));
    expect(dueReminders("2027-03-10", "2027-03-31", [14, 3])).toEqual([]);
  });
});
