import { describe, expect, it } from "vitest";
import { enterpriseUscc, findingOf, validCase, verdictOf } from "../eligibility.fixtures";
import { checkEligibilityInput } from "../engine";
import type { EligibilityInput } from "../input";

type ActiveBase = NonNullable<NonNullable<EligibilityInput["registry"]>["activeBases"]>[number];
const withBases =
  (bases: ActiveBase[], change: (input: EligibilityInput) => void = () => {}) =>
  (input: EligibilityInput) => {
    input.registry = { ...input.registry, activeBases: bases };
    change(input);
  };
const own = (extra: Partial<ActiveBase> = {}): ActiveBase => ({
  unitUscc: enterpriseUscc,
  field: "生物医药",
  ...extra,
});
const asUnit = (type: EligibilityInput["unit"]["type"], college?: string) => (input: EligibilityInput) => {
  input.unit.type = type;
  input.unit.college = college;
};

describe("7.5-one-base-per-scope (Art. 7.5, in principle)", () => {
  it.each([
    ["enterprise without a base", [], asUnit("enterprise"), "pass"],
    ["enterprise with a base in another field", [own()], asUnit("enterprise"), "soft"],
    ["another unit's base", [{ unitUscc: "OTHER", field: "光电子信息" }], asUnit("enterprise"), "pass"],
    ["university, same college", [own({ college: "光学学院" })], asUnit("university", "光学学院"), "soft"],
    ["university, other college", [own({ college: "生命学院" })], asUnit("university", "光学学院"), "pass"],
    ["university without college named", [own({ college: "生命学院" })], asUnit("university"), "missing"],
    ["research institute, same field", [own({ field: "光电子信息" })], asUnit("research-institute"), "soft"],
    ["research institute, other field", [own({ field: "生物医药" })], asUnit("research-institute"), "pass"],
    ["hospital, same field", [own({ field: "光电子信息" })], asUnit("hospital"), "soft"],
    ["science park, other field", [own()], asUnit("science-park"), "pass"],
  ])("%s → %s", (_, bases, change, verdict) => {
    expect(verdictOf("7.5-one-base-per-scope", withBases(bases, change))).toBe(verdict);
  });

  const offshore = (country?: string) => (input: EligibilityInput) => {
    input.application.isOffshore = true;
    input.application.offshoreCountry = country;
  };
  it.each([
    ["offshore platform in a new country, unit has a domestic base", [own()], offshore("DE"), "pass"],
    [
      "offshore platform where the unit already has one",
      [own({ isOffshore: true, offshoreCountry: "DE" })],
      offshore("de"),
      "soft",
    ],
    [
      "offshore platform in a different country from the existing one",
      [own({ isOffshore: true, offshoreCountry: "FR" })],
      offshore("DE"),
      "pass",
    ],
    ["offshore platform without its country", [own()], offshore(undefined), "missing"],
  ])("%s → %s", (_, bases, change, verdict) => {
    expect(verdictOf("7.5-one-base-per-scope", withBases(bases, change))).toBe(verdict);
  });

  it("is missing when the registry of bases is not given", () => {
    expect(verdictOf("7.5-one-base-per-scope", (input) => (input.registry = {}))).toBe("missing");
  });
});

describe("7.6-national-platform (Art. 7.6, in principle)", () => {
  const holding = (difference?: string) => (input: EligibilityInput) => {
    input.registry = {
      ...input.registry,
      nationalPlatforms: [{ unitUscc: enterpriseUscc, kind: "most-international-base" }],
    };
    input.application.nationalPlatformDifference = difference;
  };
  it.each([
    ["no national platform", () => {}, "pass"],
    ["holds one, difference stated", holding("本基地聚焦东南亚技术转移"), "soft"],
    ["holds one, nothing stated", holding(), "soft"],
    ["unknown", (input: EligibilityInput) => (input.registry = {}), "missing"],
  ])("%s → %s", (_, change, verdict) => {
    expect(verdictOf("7.6-national-platform", change)).toBe(verdict);
  });
  it("asks for the difference when none is stated", () => {
    expect(findingOf("7.6-national-platform", holding())?.messageEn).toContain("state how this base differs");
  });

  // Art. 24: a MOST base revoked nationally may apply provincially; the reference date is 2026-03-31.
  const revokedOn =
    (date: string, extra: { kind: "most-international-base" | "bri-joint-laboratory" }[] = []) =>
    (input: EligibilityInput) => {
      input.registry = {
        ...input.registry,
        nationalPlatforms: [
          { unitUscc: enterpriseUscc, kind: "most-international-base", revokedOn: date },
          ...extra.map((platform) => ({ unitUscc: enterpriseUscc, ...platform })),
        ],
      };
    };
  it.each([
    ["revoked before the reference date", revokedOn("2025-12-01"), "pass"],
    ["revoked on the reference date", revokedOn("2026-03-31"), "pass"],
    ["revoked after the reference date (still held then)", revokedOn("2026-04-01"), "soft"],
    ["one revoked, another still held", revokedOn("2025-12-01", [{ kind: "bri-joint-laboratory" }]), "soft"],
  ])("%s → %s", (_, change, verdict) => {
    expect(verdictOf("7.6-national-platform", change)).toBe(verdict);
  });
  it("says why a nationally revoked base passes (Art. 24)", () => {
    const found = findingOf("7.6-national-platform", revokedOn("2025-12-01"));
    expect(found?.messageZh).toContain("第二十四条");
    expect(found?.messageZh).toContain("2025-12-01");
    expect(found?.evidence).toContain("registry.nationalPlatforms.0");
  });
});

describe("20-revocation-ban (Art. 20, 24: 3 years; reference date 2026-03-31)", () => {
  const revoked =
    (date: string, unitUscc = enterpriseUscc) =>
    (input: EligibilityInput) => {
      input.registry = { ...input.registry, revocations: [{ unitUscc, date }] };
    };
  it.each([
    ["2023-03-31", "pass"], // exactly 3 years before: eligible again on the third anniversary
    ["2023-04-01", "fail"], // one day short
    ["2023-03-30", "pass"],
    ["2025-06-01", "fail"],
  ])("revoked %s → %s", (date, verdict) => {
    expect(verdictOf("20-revocation-ban", revoked(date))).toBe(verdict);
  });
  it("cites Art. 20 and says when the ban ends", () => {
    const finding = findingOf("20-revocation-ban", revoked("2024-02-29"));
    expect(finding).toMatchObject({ article: "20", verdict: "fail" });
    expect(finding?.messageEn).toContain("2027-02-28");
  });
  it("leap day: revoked 2024-02-29 is barred on 2027-02-27, free on 2027-02-28 (the third anniversary)", () => {
    const on = (referenceDate: string) =>
      checkEligibilityInput({
        ...structuredClone(validCase()),
        referenceDate,
        registry: { ...validCase().registry, revocations: [{ unitUscc: enterpriseUscc, date: "2024-02-29" }] },
      }).findings.find((f) => f.ruleId === "20-revocation-ban")?.verdict;
    expect(on("2027-02-27")).toBe("fail");
    expect(on("2027-02-28")).toBe("pass");
  });
  it("bars the revoked base's director at another unit only when banBarsDirector is on (default off)", () => {
    const input = structuredClone(validCase());
    input.registry = {
      ...input.registry,
      revocations: [{ unitUscc: "OTHER", date: "2025-01-01", directorId: input.director!.personId }],
    };
    const verdict = (settings?: { banBarsDirector: boolean }) =>
      checkEligibilityInput(input, settings).findings.find((f) => f.ruleId === "20-revocation-ban")?.verdict;
    expect(verdict()).toBe("pass");
    expect(verdict({ banBarsDirector: true })).toBe("fail");
  });
  it("ignores other units and is missing without revocation facts", () => {
    expect(verdictOf("20-revocation-ban", revoked("2025-01-01", "OTHER"))).toBe("pass");
    expect(verdictOf("20-revocation-ban", (input) => (input.registry = undefined))).toBe("missing");
  });
});

type OtherApplication = NonNullable<NonNullable<EligibilityInput["registry"]>["otherApplications"]>[number];
const withSiblings =
  (siblings: OtherApplication[], change: (input: EligibilityInput) => void = () => {}) =>
  (input: EligibilityInput) => {
    input.registry = { ...input.registry, activeBases: [], otherApplications: siblings };
    change(input);
  };

describe("7.5 across the unit's other applications in progress", () => {
  it.each([
    ["enterprise, no other application", [], asUnit("enterprise"), "pass"],
    ["enterprise, another application in any field", [{ field: "生物医药" }], asUnit("enterprise"), "soft"],
    ["university, another for the same college", [{ college: "光学学院" }], asUnit("university", "光学学院"), "soft"],
    ["university, another for another college", [{ college: "生命学院" }], asUnit("university", "光学学院"), "pass"],
    ["university, college not named", [{ college: "生命学院" }], asUnit("university"), "missing"],
    ["institute, another in the same field", [{ field: "光电子信息" }], asUnit("research-institute"), "soft"],
    ["institute, another in another field", [{ field: "生物医药" }], asUnit("research-institute"), "pass"],
    [
      "offshore platform, another offshore in another country",
      [{ isOffshore: true, offshoreCountry: "FR" }],
      (input: EligibilityInput) => {
        input.unit.type = "enterprise";
        input.application.isOffshore = true;
        input.application.offshoreCountry = "DE";
      },
      "pass",
    ],
  ])("%s → %s", (_, siblings, change, verdict) => {
    expect(verdictOf("7.5-one-base-per-scope", withSiblings(siblings, change))).toBe(verdict);
  });

  it("names the other application and cites it as evidence; never a hard fail", () => {
    const found = findingOf(
      "7.5-one-base-per-scope",
      withSiblings([{ name: "湖北省人工智能国际科技合作基地（联合研究）", field: "人工智能" }], asUnit("enterprise")),
    );
    expect(found?.verdict).toBe("soft");
    expect(found?.messageZh).toContain("另有 1 项申报正在进行");
    expect(found?.messageZh).toContain("湖北省人工智能国际科技合作基地（联合研究）");
    expect(found?.evidence).toContain("registry.otherApplications.0");
  });
});
