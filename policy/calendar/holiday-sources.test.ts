import { describe, expect, it } from "vitest";
import {
  formatDateList,
  holidayDayKindOf,
  holidaySourceKinds,
  holidaySourceLabels,
  isHolidaySourceKind,
  parseDateList,
} from "./holiday-sources";

describe("holiday source kinds", () => {
  it("have a label in both languages each", () => {
    for (const kind of holidaySourceKinds) {
      expect(holidaySourceLabels[kind].zh).not.toBe("");
      expect(holidaySourceLabels[kind].en).not.toBe("");
    }
    expect(isHolidaySourceKind("demo")).toBe(true);
    expect(isHolidaySourceKind("guess")).toBe(false);
  });
});

describe("the 类型 column", () => {
  it.each([
    ["放假", "holiday"],
    ["休", "holiday"],
    [" 上班 ", "working"],
    ["班", "working"],
    ["调休上班", "working"],
    ["补班", "working"],
    ["调休", null],
    ["", null],
    ["toString", null],
  ])("%s → %s", (word, kind) => {
    expect(holidayDayKindOf(word)).toBe(kind);
  });
});

describe("parseDateList (what an officer types or pastes)", () => {
  it.each([
    ["2027-01-01", ["2027-01-01"]],
    ["2027-01-01, 2027-02-05~2027-02-07", ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07"]],
    ["2027-02-05 至 2027-02-06、2027-01-01；2027-01-01", ["2027-01-01", "2027-02-05", "2027-02-06"]],
    ["1-1\n2-5～2-6", ["2027-01-01", "2027-02-05", "2027-02-06"]],
    ["2027年10月1日~10月2日 2027/5/1", ["2027-05-01", "2027-10-01", "2027-10-02"]],
    ["2027-12-31~2027-12-31", ["2027-12-31"]],
    ["", []],
  ])("%j", (text, dates) => {
    const parsed = parseDateList(text, 2027);
    expect(parsed.problems).toEqual([]);
    expect(parsed.dates).toEqual(dates);
  });

  it.each([
    ["2027-02-30", "unreadable"],
    ["明天", "unreadable"],
    ["2027-02-07~2027-02-05", "reversed-range"],
    ["2027-01-01~2027-03-01", "range-too-long"],
    ["2028-01-01", "other-year"],
    ["2027-12-31~2028-01-02", "other-year"],
    ["2027-01-01~2027-01-02~2027-01-03", "unreadable"],
  ])("%s → %s", (text, reason) => {
    const parsed = parseDateList(`2027-05-01, ${text}`, 2027);
    expect(parsed.dates).toEqual(["2027-05-01"]);
    expect(parsed.problems).toEqual([{ token: text.replace(/\s/g, ""), reason }]);
  });

  it("round-trips through formatDateList, folding consecutive days into ranges", () => {
    const dates = ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-10-01"];
    expect(formatDateList(dates)).toBe("2027-01-01, 2027-02-05~2027-02-07, 2027-10-01");
    expect(parseDateList(formatDateList(dates), 2027).dates).toEqual(dates);
    expect(formatDateList([])).toBe("");
  });
});
