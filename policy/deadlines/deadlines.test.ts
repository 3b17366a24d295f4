import { describe, expect, it } from "vitest";
import { changeReportDeadline, rectificationEnd } from "../calendar/deadlines";
import { computeDeadlines, type DeadlineFacts, filterDeadlines } from "./deadlines";

const base = (id: string, extra: Partial<DeadlineFacts["bases"][number]> = {}) => ({
  id,
  name: `基地${id}`,
  unitId: `unit-${id}`,
  status: "active",
  agreements: null,
  ...extra,
});

const empty = (today: string, extra: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  today,
  bases: [base("a"), base("b")],
  changeReports: [],
  rectifications: [],
  revocations: [],
  reports: [],
  calls: [],
  editions: [],
  ...extra,
});

const change = (id: string, changedOn: string, state = "draft", baseId = "a") => ({
  id,
  baseId,
  kind: "director",
  changedOn,
  dueOn: changeReportDeadline(changedOn),
  state,
  filedOn: state === "filed" ? changedOn : null,
});

describe("change reports (Art. 18.5: 3 calendar months, month end clamped)", () => {
  it.each([
    // [changedOn, today, dueOn, daysLeft, overdue]
    ["2027-11-30", "2028-02-29", "2028-02-29", 0, false],
    ["2027-11-30", "2028-03-01", "2028-02-29", -1, true],
    ["2026-11-30", "2027-02-28", "2027-02-28", 0, false],
    ["2026-11-30", "2027-03-01", "2027-02-28", -1, true],
    ["2027-10-31", "2028-01-31", "2028-01-31", 0, false],
    ["2027-10-31", "2028-02-01", "2028-01-31", -1, true],
    ["2027-09-30", "2027-12-30", "2027-12-30", 0, false],
    ["2027-12-31", "2028-03-31", "2028-03-31", 0, false],
    ["2027-12-31", "2028-01-01", "2028-03-31", 90, false],
    ["2028-02-29", "2028-05-29", "2028-05-29", 0, false],
    ["2028-02-29", "2028-05-30", "2028-05-29", -1, true],
  ] as const)("changed on %s, seen on %s: due %s", (changedOn, today, dueOn, daysLeft, overdue) => {
    const [item] = computeDeadlines(empty(today, { changeReports: [change("c1", changedOn)] }));
    expect(item).toMatchObject({
      id: "change-report-due:c1",
      kind: "change-report-due",
      baseId: "a",
      unitId: "unit-a",
      dueOn,
      daysLeft,
      overdue,
      article: "18.5",
      severity: overdue ? "overdue" : daysLeft <= 7 ? "urgent" : "upcoming",
    });
    expect(item!.subjectZh).toBe(`基地a：负责人变更（变更日期 ${changedOn}）`);
  });

  it("drops filed and withdrawn reports and those of revoked bases; keeps one awaiting the department", () => {
    const facts = empty("2027-02-01", {
      bases: [base("a"), base("r", { status: "revoked" })],
      changeReports: [
        change("filed", "2027-01-01", "filed"),
        change("withdrawn", "2027-01-01", "withdrawn"),
        change("approved", "2027-01-01", "recommender-approved"),
        change("revoked", "2027-01-01", "draft", "r"),
      ],
    });
    expect(computeDeadlines(facts).map((item) => item.subjectId)).toEqual(["approved"]);
  });

  it("shows an overdue one whatever the horizon, a future one only within it", () => {
    const facts = empty("2027-06-01", {
      changeReports: [change("late", "2026-01-15"), change("soon", "2027-05-01"), change("far", "2027-05-20")],
    });
    // late: due 2026-04-15; soon: 2027-08-01 (61 days); far: 2027-08-20 (80 days).
    expect(computeDeadlines(facts, { horizonDays: 61 }).map((item) => item.subjectId)).toEqual(["late", "soon"]);
    expect(computeDeadlines(facts, { horizonDays: 60 }).map((item) => item.subjectId)).toEqual(["late"]);
    expect(computeDeadlines(facts).map((item) => item.subjectId)).toEqual(["late", "soon", "far"]);
  });
});

describe("rectification end (Art. 24) and annual reports (Art. 22)", () => {
  it("lists an open rectification by its end, a filed one not; a pending report by the round's due date", () => {
    const opened = "2027-03-01";
    const facts = empty("2028-02-20", {
      rectifications: [
        { id: "r1", baseId: "a", year: 2026, rectificationEnd: rectificationEnd(opened), state: "plan-filed" },
        { id: "r2", baseId: "b", year: 2026, rectificationEnd: rectificationEnd(opened), state: "report-filed" },
      ],
      reports: [
        { id: "p1", baseId: "a", year: 2027, dueOn: "2028-03-31", state: "awaiting-report" },
        { id: "p2", baseId: "b", year: 2027, dueOn: "2028-03-31", state: "submitted" },
      ],
    });
    expect(
      computeDeadlines(facts).map((item) => [item.kind, item.subjectId, item.dueOn, item.daysLeft, item.article]),
    ).toEqual([
      ["rectification-end", "r1", "2028-02-29", 9, "24"],
      ["report-due", "p1", "2028-03-31", 40, "22"],
    ]);
  });
});

describe("ban end (Art. 20: the third anniversary)", () => {
  const revocation = (revokedOn: string) => ({
    id: "v1",
    unitId: "unit-x",
    baseId: null,
    baseName: "已撤销基地",
    revokedOn,
  });
  it.each([
    // [revokedOn, today, shown, dueOn]
    ["2025-02-28", "2028-02-27", true, "2028-02-28"],
    ["2025-02-28", "2028-02-28", true, "2028-02-28"],
    ["2025-02-28", "2028-02-29", false, "2028-02-28"],
    ["2028-02-29", "2031-02-28", true, "2031-02-28"],
    ["2028-02-29", "2031-03-01", false, "2031-02-28"],
    ["2024-12-31", "2027-12-31", true, "2027-12-31"],
  ] as const)("revoked on %s, seen on %s", (revokedOn, today, shown, dueOn) => {
    const items = computeDeadlines(empty(today, { revocations: [revocation(revokedOn)] }), { horizonDays: 3650 });
    if (!shown) return expect(items).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({ kind: "ban-end", dueOn, overdue: false, severity: "info", article: "20" }),
    ]);
  });
});

describe("agreement expiry (Art. 7.2)", () => {
  const agreements = [
    { partner: "甲", country: "DE", startsOn: "2020-01-01", endsOn: "2027-12-31" },
    { partner: "乙", country: "SG", startsOn: "2020-01-01", endsOn: "2028-02-29" },
    { partner: "丙", country: "JP", startsOn: "2020-01-01", endsOn: "2030-06-30" },
    { partner: "丁", country: "GB", startsOn: "2020-01-01", endsOn: "2030-06-30" },
  ];

  it("flags the expiry that takes the base below three, and informs of the one that does not", () => {
    const items = computeDeadlines(empty("2027-12-01", { bases: [base("a", { agreements })] }));
    expect(items.map((item) => [item.subjectId, item.dueOn, item.belowMinimum, item.severity])).toEqual([
      ["a@2027-12-31", "2027-12-31", false, "info"],
      ["a@2028-02-29", "2028-02-29", true, "upcoming"],
    ]);
    expect(items[1]!.subjectZh).toBe("基地a：与乙的合作协议到期后，有效协议 2 个，少于 3 个");
  });

  it("flags a base already below the minimum as overdue, from the day after the last day it met it", () => {
    const items = computeDeadlines(empty("2028-03-01", { bases: [base("a", { agreements })] }));
    expect(items).toEqual([
      expect.objectContaining({
        subjectId: "a@below",
        dueOn: "2028-03-01",
        daysLeft: 0,
        overdue: true,
        severity: "overdue",
        belowMinimum: true,
      }),
    ]);
  });

  it("says nothing of a base with no recorded agreements, nor of a revoked base", () => {
    const facts = empty("2028-03-01", {
      bases: [base("a"), base("r", { status: "revoked", agreements: agreements.slice(0, 1) })],
    });
    expect(computeDeadlines(facts)).toEqual([]);
  });
});

describe("the list", () => {
  const facts = empty("2030-05-01", {
    calls: [
      { id: "open", titleZh: "2030年度认定", titleEn: "", closesOn: "2030-05-31" },
      { id: "closed", titleZh: "2029年度认定", titleEn: "", closesOn: "2029-05-31" },
    ],
    editions: [
      {
        id: "2025",
        titleZh: "湖北省国际科技合作基地管理办法",
        documentNumber: "鄂科技规〔2025〕6号",
        validUntil: "2030-10-25",
      },
    ],
    changeReports: [change("c-late", "2029-12-31"), change("c-soon", "2030-02-05")],
  });

  it("sorts by due date across kinds; shows the rules' expiry from 180 days ahead; drops a closed call", () => {
    expect(computeDeadlines(facts).map((item) => [item.kind, item.dueOn, item.overdue])).toEqual([
      ["change-report-due", "2030-03-31", true],
      ["change-report-due", "2030-05-05", false],
      ["call-closing", "2030-05-31", false],
      ["rules-expiry", "2030-10-25", false],
    ]);
    expect(computeDeadlines({ ...facts, today: "2030-04-27" }).some((item) => item.kind === "rules-expiry")).toBe(
      false,
    );
    expect(computeDeadlines({ ...facts, today: "2030-04-28" }).some((item) => item.kind === "rules-expiry")).toBe(true);
    expect(
      computeDeadlines({ ...facts, today: "2030-10-26" }).find((item) => item.kind === "rules-expiry"),
    ).toMatchObject({ overdue: true, daysLeft: -1, article: "31" });
  });

  it("filters by kind and by overdue", () => {
    const items = computeDeadlines(facts);
    expect(filterDeadlines(items, { overdue: true }).map((item) => item.subjectId)).toEqual(["c-late"]);
    expect(filterDeadlines(items, { kind: "call-closing" }).map((item) => item.subjectId)).toEqual(["open"]);
    expect(filterDeadlines(items, { kind: "call-closing", overdue: true })).toEqual([]);
  });

  it("marks the last seven days urgent, the day itself included", () => {
    const item = (today: string) =>
      computeDeadlines({ ...facts, today, calls: [facts.calls[0]!], changeReports: [] })[0]!;
    expect(item("2030-05-23").severity).toBe("upcoming");
    expect(item("2030-05-24").severity).toBe("urgent");
    expect(item("2030-05-31")).toMatchObject({ severity: "urgent", daysLeft: 0, overdue: false });
  });
});
