import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import {
  type ApplicationEvent,
  type ApplicationState,
  type ApplicationTransitionContext,
  applicationLifecycle,
} from "./application.transitions";
import { expectExactTable } from "./lifecycle.test-helpers";
import { availableEvents, terminalStates, transition } from "./transition";

const permissive: ApplicationTransitionContext = {
  reason: "理由",
  eligibilityBlocking: false,
  eligibilityIncomplete: false,
  reviewComplete: true,
  meeting: { date: "2026-06-01", minuteRef: "厅党组会〔2026〕5号" },
  today: "2026-06-20",
  publicNoticeEnd: "2026-06-15",
  unresolvedObjections: 0,
};

const withdrawable: ApplicationState[] = [
  "draft",
  "submitted",
  "returned",
  "recommended",
  "correction-requested",
  "formal-review-passed",
  "in-expert-review",
  "reviewed",
  "on-site-verification",
  "verified",
  "evaluated",
];
const expected: [ApplicationState, ApplicationEvent, ApplicationState][] = [
  ["draft", "submit", "submitted"],
  ["returned", "submit", "submitted"],
  ["submitted", "return", "returned"],
  ["submitted", "decline", "declined"],
  ["recommended", "pass-formal-review", "formal-review-passed"],
  ["recommended", "request-correction", "correction-requested"],
  ["recommended", "reject", "rejected"],
  ["correction-requested", "resubmit-correction", "recommended"],
  ["correction-requested", "reject", "rejected"],
  ["formal-review-passed", "send-to-review", "in-expert-review"],
  ["in-expert-review", "complete-review", "reviewed"],
  ["reviewed", "start-on-site-verification", "on-site-verification"],
  ["reviewed", "evaluate", "evaluated"],
  ["reviewed", "reject", "rejected"],
  ["on-site-verification", "complete-on-site-verification", "verified"],
  ["verified", "evaluate", "evaluated"],
  ["verified", "reject", "rejected"],
  ["evaluated", "approve", "approved"],
  ["evaluated", "reject", "rejected"],
  ["approved", "publish", "publicized"],
  ["publicized", "recognize", "recognized"],
  ["publicized", "reject", "rejected"],
  ...withdrawable.map((state): [ApplicationState, ApplicationEvent, ApplicationState] => [
    state,
    "withdraw",
    "withdrawn",
  ]),
];

describe("application lifecycle (Art. 14, SPEC §5.1)", () => {
  it("allows exactly the table and refuses every other (state, event) pair", () => {
    // pass-up and recommend depend on the recommender's level: checked below with their own contexts.
    const refused = expectExactTable(
      applicationLifecycle,
      [...expected, ["submitted", "pass-up", "submitted"]],
      { ...permissive, recommenderHasParent: true },
      [["submitted", "recommend"]],
    );
    expect(refused).toBeGreaterThan(250);
    expect(
      transition(applicationLifecycle, "submitted", "recommend", { ...permissive, recommenderHasParent: false }),
    ).toMatchObject({ ok: true, value: { to: "recommended" } });
  });

  it("a sub-recommender passes up; only the top recommender recommends (Art. 17)", () => {
    expect(transition(applicationLifecycle, "submitted", "recommend", { recommenderHasParent: true })).toMatchObject({
      ok: false,
      refusal: { code: "recommend-via-parent", article: "17" },
    });
    expect(transition(applicationLifecycle, "submitted", "pass-up", { recommenderHasParent: false })).toMatchObject({
      ok: false,
      refusal: { code: "no-parent-recommender", article: "17" },
    });
  });

  it.each([
    ["draft", "submit", { eligibilityBlocking: true, eligibilityIncomplete: false }, "eligibility-failed", "7"],
    ["draft", "submit", { eligibilityBlocking: false, eligibilityIncomplete: true }, "materials-missing", "14.1"],
    ["draft", "submit", {}, "eligibility-failed", "7"],
    ["submitted", "return", { reason: " " }, "reason-required", "14"],
    ["in-expert-review", "complete-review", {}, "review-incomplete", "14.2"],
    ["evaluated", "approve", { meeting: { date: "2026-06-01" } }, "meeting-missing", "14.3"],
    [
      "publicized",
      "recognize",
      { today: "2026-06-15", publicNoticeEnd: "2026-06-15" },
      "public-notice-running",
      "14.3",
    ],
    [
      "publicized",
      "recognize",
      { today: "2026-06-16", publicNoticeEnd: "2026-06-15", unresolvedObjections: 1 },
      "objections-unresolved",
      "14.3",
    ],
  ] as const)("%s --%s--> refused by its guard (%s)", (state, event, context, code, article) => {
    expect(transition(applicationLifecycle, state, event, context as ApplicationTransitionContext)).toMatchObject({
      ok: false,
      refusal: { code, article },
    });
  });

  it("checks the caller's abilities when given", () => {
    const applicant = abilitiesOf(["applicant"]);
    expect(transition(applicationLifecycle, "recommended", "pass-formal-review", permissive, applicant)).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
    expect(transition(applicationLifecycle, "draft", "submit", permissive, applicant).ok).toBe(true);
  });

  it("tells each role what it may do next", () => {
    expect(availableEvents(applicationLifecycle, "submitted", abilitiesOf(["recommender"]))).toEqual([
      "pass-up",
      "return",
      "decline",
      "recommend",
    ]);
    expect(
      availableEvents(applicationLifecycle, "submitted", abilitiesOf(["recommender"]), {
        recommenderHasParent: false,
        reason: "x",
      }),
    ).toEqual(["return", "decline", "recommend"]);
    expect(availableEvents(applicationLifecycle, "submitted", abilitiesOf(["applicant"]))).toEqual(["withdraw"]);
    expect(availableEvents(applicationLifecycle, "recommended", abilitiesOf(["officer"]))).toEqual([
      "pass-formal-review",
      "request-correction",
      "reject",
    ]);
    expect(availableEvents(applicationLifecycle, "recognized", abilitiesOf(["officer"]))).toEqual([]);
  });

  it("ends in recognized, rejected, declined or withdrawn", () => {
    expect(terminalStates(applicationLifecycle).sort()).toEqual(["declined", "recognized", "rejected", "withdrawn"]);
  });
});
