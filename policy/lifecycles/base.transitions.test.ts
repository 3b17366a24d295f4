import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { type BaseEvent, type BaseState, baseLifecycle } from "./base.transitions";
import { expectExactTable } from "./lifecycle.test-helpers";
import { availableEvents, transition } from "./transition";

const expected: [BaseState, BaseEvent, BaseState][] = [
  ["active", "grade-unqualified", "rectifying"],
  ["active", "propose-revocation", "revocation-proposed"],
  ["active", "revoke", "revoked"],
  ["active", "exit-national", "exited"],
  ["active", "national-revoked", "revoked"],
  ["rectifying", "pass-rectification", "active"],
  ["rectifying", "fail-rectification", "revocation-proposed"],
  ["rectifying", "propose-revocation", "revocation-proposed"],
  ["rectifying", "revoke", "revoked"],
  ["rectifying", "exit-national", "exited"],
  ["rectifying", "national-revoked", "revoked"],
  ["revocation-proposed", "revoke", "revoked"],
  ["revocation-proposed", "dismiss-proposal", "active"],
  ["revocation-proposed", "resume-rectification", "rectifying"],
  ["revocation-proposed", "exit-national", "exited"],
  ["revocation-proposed", "national-revoked", "revoked"],
];

describe("base lifecycle (Art. 20–24)", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expect(
      expectExactTable(baseLifecycle, expected, {
        ground: 6,
        reason: "x",
        nationalDocumentDate: "2027-01-01",
        nationalRevocationDate: "2027-01-01",
      }),
    ).toBe(45 - expected.length);
  });
  it.each([0, 10, undefined])("revocation needs one of the nine grounds (ground %s refused)", (ground) => {
    expect(transition(baseLifecycle, "active", "revoke", { ground })).toMatchObject({
      ok: false,
      refusal: { code: "ground-required", article: "20" },
    });
  });
  it("exit on upgrade needs the national document's date (Art. 21)", () => {
    expect(transition(baseLifecycle, "active", "exit-national", {})).toMatchObject({
      ok: false,
      refusal: { article: "21" },
    });
  });
  it("a MOST base leaves on its national revocation only with the date (Art. 24)", () => {
    expect(transition(baseLifecycle, "active", "national-revoked", {})).toMatchObject({
      ok: false,
      refusal: { article: "24", path: "revokedOn" },
    });
  });
  it("only the officer revokes; nobody leaves revoked or exited", () => {
    expect(availableEvents(baseLifecycle, "active", abilitiesOf(["recommender"]))).toEqual([]);
    expect(availableEvents(baseLifecycle, "revoked", abilitiesOf(["officer"]))).toEqual([]);
    expect(availableEvents(baseLifecycle, "rectifying", abilitiesOf(["officer"]))).toEqual(
      baseLifecycle.events.filter(
        (e) => !["grade-unqualified", "dismiss-proposal", "resume-rectification"].includes(e),
      ),
    );
  });
});
