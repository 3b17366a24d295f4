import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { banEnd, isBanned } from "../calendar/deadlines";
import { expectExactTable } from "./lifecycle.test-helpers";
import {
  type RevocationCaseContext,
  type RevocationCaseEvent,
  type RevocationCaseState,
  revocationCaseLifecycle,
  revocationDecisionRefusal,
  revocationOpeningRefusal,
} from "./revocation-case.transitions";
import { availableEvents, transition } from "./transition";

const expected: [RevocationCaseState, RevocationCaseEvent, RevocationCaseState][] = [
  ["requested", "approve", "proposed"],
  ["requested", "return", "returned"],
  ["requested", "withdraw", "withdrawn"],
  ["returned", "resubmit", "requested"],
  ["returned", "withdraw", "withdrawn"],
  ["proposed", "revoke", "revoked"],
  ["proposed", "dismiss", "dismissed"],
  ["proposed", "withdraw", "withdrawn"],
];

const decision: RevocationCaseContext = {
  today: "2026-05-20",
  ground: 6,
  source: "unit",
  reason: "理由",
  meetingDate: "2026-05-20",
  minuteRef: "厅党组会纪要〔2026〕5号",
  documentPrefix: "鄂科技函",
  documentNumber: 12,
};

describe("revocation case lifecycle (Art. 20)", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expect(expectExactTable(revocationCaseLifecycle, expected, decision)).toBe(36 - expected.length);
  });

  it("the unit requests and takes back, the recommender reviews, the department decides", () => {
    expect(availableEvents(revocationCaseLifecycle, "requested", abilitiesOf(["recommender"]))).toEqual([
      "approve",
      "return",
    ]);
    expect(availableEvents(revocationCaseLifecycle, "requested", abilitiesOf(["applicant"]))).toEqual(["withdraw"]);
    expect(availableEvents(revocationCaseLifecycle, "returned", abilitiesOf(["applicant"]))).toEqual([
      "resubmit",
      "withdraw",
    ]);
    expect(availableEvents(revocationCaseLifecycle, "proposed", abilitiesOf(["officer"]))).toEqual([
      "revoke",
      "dismiss",
    ]);
    expect(availableEvents(revocationCaseLifecycle, "proposed", abilitiesOf(["recommender"]))).toEqual([]);
  });

  it("a return and a dismissal need a reason", () => {
    for (const [state, event, article] of [
      ["requested", "return", "20.7"],
      ["proposed", "dismiss", "20"],
    ] as const) {
      expect(transition(revocationCaseLifecycle, state, event, { ...decision, reason: " " })).toMatchObject({
        ok: false,
        refusal: { code: "reason-required", article, path: "reason" },
      });
    }
  });

  it("only the unit's own request can be taken back, not a proposal by the system or the officer", () => {
    for (const source of ["system", "officer"] as const) {
      expect(transition(revocationCaseLifecycle, "proposed", "withdraw", { ...decision, source })).toMatchObject({
        ok: false,
        refusal: { code: "not-a-request" },
      });
    }
  });

  it.each([
    ["meetingDate", { meetingDate: undefined }, "meetingDate-required"],
    ["meetingDate", { meetingDate: "2026-05-21" }, "meeting-in-future"],
    ["minuteRef", { minuteRef: " " }, "minuteRef-required"],
    ["documentPrefix", { documentPrefix: "" }, "documentPrefix-required"],
    ["documentNumber", { documentNumber: 0 }, "documentNumber-required"],
    ["documentNumber", { documentNumber: 1.5 }, "documentNumber-required"],
    ["ground", { ground: 10 }, "ground-required"],
  ] as const)("revoking without a valid %s is refused at that field", (path, change, code) => {
    expect(transition(revocationCaseLifecycle, "proposed", "revoke", { ...decision, ...change })).toMatchObject({
      ok: false,
      refusal: { code, path, article: "20" },
    });
  });

  it("a revocation missing several decision fields names them all", () => {
    const refusal = revocationDecisionRefusal({ today: "2026-05-20", ground: 2 });
    expect(refusal?.errors?.map((e) => e.path)).toEqual([
      "meetingDate",
      "minuteRef",
      "documentPrefix",
      "documentNumber",
    ]);
  });

  it("the meeting may be held on the decision day", () => {
    expect(revocationDecisionRefusal(decision)).toBeNull();
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])("ground %i can be opened by the officer with evidence", (ground) => {
    expect(revocationOpeningRefusal({ ground, source: "officer", evidence: "事实" })).toBeNull();
    expect(revocationOpeningRefusal({ ground, source: "officer", evidence: "  " })).toMatchObject({
      path: "evidence",
      article: "20",
    });
  });

  it("a ground outside 1–9 is refused; the system proposes without written evidence; the unit only on ground 7", () => {
    expect(revocationOpeningRefusal({ ground: 0, source: "officer", evidence: "x" })).toMatchObject({
      path: "ground",
    });
    expect(revocationOpeningRefusal({ ground: 6, source: "system" })).toBeNull();
    expect(revocationOpeningRefusal({ ground: 3, source: "unit", evidence: "x" })).toMatchObject({
      code: "withdrawal-ground",
      article: "20.7",
    });
    expect(revocationOpeningRefusal({ ground: 7, source: "unit", evidence: "" })).toMatchObject({
      path: "evidence",
      article: "20.7",
    });
    expect(revocationOpeningRefusal({ ground: 7, source: "unit", evidence: "转型" })).toBeNull();
  });
});

describe("the 3-year ban (Art. 20, 24)", () => {
  it.each([
    ["2026-05-20", "2029-05-20"],
    ["2025-12-31", "2028-12-31"],
    ["2024-02-29", "2027-02-28"],
    ["2028-02-29", "2031-02-28"],
  ])("revoked %s → free again from %s; barred the day before", (revokedOn, end) => {
    expect(banEnd(revokedOn)).toBe(end);
    const dayBefore = new Date(`${end}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(isBanned(revokedOn, dayBefore.toISOString().slice(0, 10))).toBe(true);
    expect(isBanned(revokedOn, end)).toBe(false);
  });
});
