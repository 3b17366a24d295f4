import { describe, expect, it } from "vitest";
import { findDates } from "./dates";

const today = "2026-03-10";

describe("dates in a question", () => {
  it.each([
    ["负责人2026年3月15日变更", "2026-03-15", false],
    ["负责人3月15日变更，最晚什么时候报备？", "2026-03-15", true],
    ["三月十五日换了负责人", "2026-03-15", true],
    ["changed on 2026-03-15", "2026-03-15", false],
    ["2027/11/30 改了名称", "2027-11-30", false],
    ["2027.11.30", "2027-11-30", false],
    ["12月1号", "2026-12-01", true],
    ["changed on 31 March 2026", "2026-03-31", false],
    ["on March 31, 2027", "2027-03-31", false],
    ["revoked on 5 May", "2026-05-05", true],
  ])("%s → %s", (text, date, yearAssumed) => {
    const [found] = findDates(text, today);
    expect(found?.date).toBe(date);
    expect(found?.yearAssumed).toBe(yearAssumed);
  });

  it("takes the year from the today it is given, never the machine's clock", () => {
    expect(findDates("3月15日", "2031-01-02")[0]?.date).toBe("2031-03-15");
  });

  it("drops impossible dates and words that are not dates", () => {
    expect(findDates("2月30日变更", today)).toEqual([]);
    expect(findDates("2026年13月1日", today)).toEqual([]);
    expect(findDates("Art. 18 says 3 months", today)).toEqual([]);
    expect(findDates("近3年承担过项目", today)).toEqual([]);
  });

  it("reads every date in order", () => {
    expect(findDates("2026年9月1日收到，2027年8月31日到期", today).map((d) => d.date)).toEqual([
      "2026-09-01",
      "2027-08-31",
    ]);
  });
});
