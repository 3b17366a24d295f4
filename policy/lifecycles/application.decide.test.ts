import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Ability, abilities } from "../access/abilities";
import {
  type ApplicationActor,
  type ApplicationFacts,
  availableApplicationEvents,
  decideApplicationEvent,
  formalReviewItems,
} from "./application.decide";
import {
  type ApplicationEvent,
  applicationEvents,
  applicationLifecycle,
  applicationStates,
} from "./application.transitions";
import { transitionRule } from "./transition";

const everything: readonly Ability[] = abilities;
const officer: ApplicationActor = { canRead: true, abilities: everything, recommenderId: null };
const fullChecklist = Object.fromEntries(formalReviewItems.map((item) => [item.key, true]));

const facts = (overrides: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  state: "submitted",
  version: 3,
  today: "2026-06-20",
  holder: { recommenderId: "wuhan", parentId: null },
  callAccepting: true,
  quota: { limit: 5, used: 2 },
  submission: { blockers: [], eligibilityBlocking: false, incomplete: false },
  decisionStage: {
    reviewComplete: true,
    meeting: { date: "2026-06-01", minuteRef: "厅党组会纪要〔2026〕5号" },
    publicNoticeEnd: "2026-06-15",
    unresolvedObjections: 0,
  },
  ...overrides,
});

describe("deciding an application event", () => {
  it("allows exactly the table's moves, to the table's state, when every fact permits", () => {
    for (const state of applicationStates) {
      for (const event of applicationEvents) {
        const rule = transitionRule(applicationLifecycle, state, event);
        const decision = decideApplicationEvent(
          facts({ state, holder: { recommenderId: "wuhan", parentId: null } }),
          officer,
          {
            event,
            reason: "理由",
            checklist: fullChecklist,
          },
        );
        if (event === "pass-up") {
          // Passing up needs a parent recommender: allowed from a district, refused at the top (Art. 17).
          const fromDistrict = decideApplicationEvent(
            facts({ state, holder: { recommenderId: "donghu", parentId: "wuhan" } }),
            officer,
            { event, reason: "理由" },
          );
          expect(fromDistrict.ok, `${state} --pass-up--> from a district`).toBe(rule !== undefined);
          continue;
        }
        expect(decision.ok, `${state} --${event}-->`).toBe(rule !== undefined);
        if (decision.ok) expect(decision.change.to).toBe(rule!.to);
        else expect(decision.kind).toBe("conflict");
      }
    }
  });

  it("refuses a recommendation over the quota, numbers it within, and frees the priority when it leaves", () => {
    const over = decideApplicationEvent(facts({ quota: { limit: 2, used: 2 } }), officer, { event: "recommend" });
    expect(over).toMatchObject({ ok: false, kind: "rule", refusal: { code: "quota-exceeded", article: "14.1" } });
    const within = decideApplicationEvent(facts({ quota: { limit: 2, used: 1 } }), officer, { event: "recommend" });
    expect(within).toMatchObject({ ok: true, change: { to: "recommended", priority: 2 } });
    const unlimited = decideApplicationEvent(facts({ quota: { limit: null, used: 40 } }), officer, {
      event: "recommend",
    });
    expect(unlimited).toMatchObject({ ok: true, change: { priority: 41 } });
    const returned = decideApplicationEvent(facts(), officer, { event: "return", reason: "补充协议" });
    expect(returned).toMatchObject({ ok: true, change: { to: "returned", priority: null } });
  });

  it("lets only the holding recommender act (Art. 17), and names every unmet checklist item (Art. 14.2)", () => {
    const district: ApplicationActor = { canRead: true, abilities: everything, recommenderId: "donghu" };
    expect(decideApplicationEvent(facts(), district, { event: "recommend" })).toMatchObject({
      ok: false,
      kind: "conflict",
      refusal: { code: "not-the-holder", article: "17" },
    });
    const partial = decideApplicationEvent(facts({ state: "recommended" }), officer, {
      event: "pass-formal-review",
      checklist: { ...fullChecklist, "stamped-copies": false, eligibility: false },
    });
    expect(partial.ok).toBe(false);
    if (!partial.ok) {
      expect(partial.refusal).toMatchObject({ code: "checklist-incomplete", article: "14.2" });
      expect(partial.refusal.errors?.map((error) => error.path)).toEqual([
        "checklist.stamped-copies",
        "checklist.eligibility",
      ]);
    }
  });

  it("names the blockers of a submission, refuses it outside the call's window, and stamps it", () => {
    const blockers = [{ path: "files.plan-pdf", article: "14.1", messageZh: "缺少材料", messageEn: "Missing" }];
    const blocked = decideApplicationEvent(
      facts({ state: "draft", submission: { blockers, eligibilityBlocking: false, incomplete: true } }),
      officer,
      { event: "submit" },
    );
    expect(blocked).toMatchObject({
      ok: false,
      kind: "rule",
      refusal: { code: "materials-missing", errors: blockers },
    });
    expect(
      decideApplicationEvent(facts({ state: "draft", callAccepting: false }), officer, { event: "submit" }),
    ).toMatchObject({ ok: false, kind: "conflict", refusal: { code: "call-not-open" } });
    expect(decideApplicationEvent(facts({ state: "draft" }), officer, { event: "submit" })).toMatchObject({
      ok: true,
      change: { to: "submitted", submitted: true, edition: "2025" },
    });
  });

  it("offers a district only passing up, the top recommender only recommending, an applicant never either", () => {
    const district: ApplicationActor = {
      canRead: true,
      abilities: ["application.read", "application.recommend", "application.return", "application.decline"],
      recommenderId: "donghu",
    };
    const atDistrict = facts({ holder: { recommenderId: "donghu", parentId: "wuhan" } });
    expect(availableApplicationEvents(atDistrict, district).sort()).toEqual(["decline", "pass-up", "return"]);
    const city: ApplicationActor = { ...district, recommenderId: "wuhan" };
    expect(availableApplicationEvents(facts(), city).sort()).toEqual(["decline", "recommend", "return"]);
    expect(availableApplicationEvents(facts(), district)).toEqual([]); // held by Wuhan now
    const applicant: ApplicationActor = {
      canRead: true,
      abilities: ["application.read", "application.submit", "application.withdraw", "application.update"],
      recommenderId: null,
    };
    expect(availableApplicationEvents(facts(), applicant)).toEqual(["withdraw"]);
    // A draft whose evidence is incomplete is still offered for submission (the editor lists why it cannot go yet).
    const incomplete = facts({
      state: "draft",
      submission: { blockers: [], eligibilityBlocking: true, incomplete: true },
    });
    expect(availableApplicationEvents(incomplete, applicant)).toEqual(["submit", "withdraw"]);
    expect(availableApplicationEvents(facts({ state: "draft", callAccepting: false }), applicant)).toEqual([
      "withdraw",
    ]);
  });
});

const arbitraryFacts: fc.Arbitrary<ApplicationFacts> = fc.record({
  state: fc.constantFrom(...applicationStates),
  version: fc.nat(20),
  today: fc.constantFrom("2025-10-26", "2026-06-20", "2030-10-25"),
  holder: fc.record({
    recommenderId: fc.constantFrom("wuhan", "donghu"),
    parentId: fc.constantFrom(null, "wuhan"),
  }),
  callAccepting: fc.boolean(),
  quota: fc.record({ limit: fc.option(fc.nat(6), { nil: null }), used: fc.nat(8) }),
  submission: fc.option(
    fc.record({
      blockers: fc.array(
        fc.record({ path: fc.constantFrom("form", "files.plan-pdf"), messageZh: fc.string(), messageEn: fc.string() }),
        { maxLength: 2 },
      ),
      eligibilityBlocking: fc.boolean(),
      incomplete: fc.boolean(),
    }),
    { nil: undefined },
  ),
  decisionStage: fc.option(
    fc.record({
      reviewComplete: fc.boolean(),
      publicNoticeEnd: fc.constantFrom("2026-06-15", "2026-07-01"),
      unresolvedObjections: fc.nat(2),
    }),
    { nil: undefined },
  ),
});

const arbitraryActor: fc.Arbitrary<ApplicationActor> = fc.record({
  canRead: fc.boolean(),
  abilities: fc.subarray([...abilities].filter((ability) => ability.startsWith("application."))),
  recommenderId: fc.constantFrom(null, "wuhan", "donghu"),
});

const arbitraryRequest = fc.record({
  event: fc.constantFrom(...applicationEvents),
  reason: fc.option(fc.constantFrom("", "  ", "补充材料"), { nil: undefined }),
  checklist: fc.option(fc.dictionary(fc.constantFrom(...formalReviewItems.map((item) => item.key)), fc.boolean()), {
    nil: undefined,
  }),
  expectedVersion: fc.option(fc.nat(20), { nil: undefined }),
});

describe("properties of the decision", () => {
  it("never moves outside the table, and every refusal names an article or a field", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryActor, arbitraryRequest, (f, actor, request) => {
        const decision = decideApplicationEvent(f, actor, request);
        if (decision.ok) {
          const rule = transitionRule(applicationLifecycle, f.state, request.event);
          expect(rule).toBeDefined();
          expect(decision.change.to).toBe(rule!.to);
          expect(actor.abilities).toContain(rule!.ability);
        } else {
          const { article, path, errors } = decision.refusal;
          expect(Boolean(article) || Boolean(path) || (errors?.length ?? 0) > 0).toBe(true);
          expect(decision.refusal.messageZh.length).toBeGreaterThan(0);
        }
        if (!actor.canRead) expect(decision).toMatchObject({ ok: false, kind: "not-found" });
      }),
      { numRuns: 3000 },
    );
  });

  it("offers only events of the table the caller has the ability for", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryActor, (f, actor) => {
        for (const event of availableApplicationEvents(f, actor) as ApplicationEvent[]) {
          const rule = transitionRule(applicationLifecycle, f.state, event);
          expect(rule).toBeDefined();
          expect(actor.canRead && actor.abilities.includes(rule!.ability)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
