import { describe, expect, it } from "vitest";
import { enterpriseUscc } from "../eligibility/eligibility.fixtures";
import { type ChangedBaseFacts, decideMajorChangeEffects, type MajorChangeFacts } from "./change-effects";

const base: ChangedBaseFacts = {
  type: "joint-research",
  field: "光电子信息",
  isKey: false,
  region: null,
  standardName: "湖北省光电子信息国际科技合作基地（联合研究）",
  directorName: "张明",
  directorPersonId: "p-old",
  countries: { key: ["DE"], main: ["FR", "SG"], radiating: ["IT"] },
};

const facts = (overrides: Partial<MajorChangeFacts>): MajorChangeFacts => ({
  kind: "director",
  changedOn: "2026-01-15",
  base,
  proposed: {},
  unit: { name: "示例公司", uscc: enterpriseUscc, type: "enterprise", registeredDivision: "420111" },
  registry: { activeBases: [], creditRecords: [] },
  ...overrides,
});

const codes = (effects: ReturnType<typeof decideMajorChangeEffects>) =>
  effects.refusals.map((refusal) => [refusal.code, refusal.article, refusal.path]);

describe("major change effects (Art. 18.5)", () => {
  it("director: a senior person with no record and no other base passes Art. 12.1–12.3", () => {
    const effects = decideMajorChangeEffects(
      facts({ proposed: { directorName: "李华", directorPersonId: "p-new" }, directorTitle: "senior" }),
    );
    expect(effects.refusals).toEqual([]);
    expect(effects.warnings).toEqual([]);
    expect(effects.checks.map((check) => [check.article, check.verdict])).toEqual([
      ["12.1", "pass"],
      ["12.2", "pass"],
      ["12.3", "pass"],
    ]);
    expect(effects).toMatchObject({
      previous: { directorName: "张明", directorPersonId: "p-old" },
      next: { directorName: "李华", directorPersonId: "p-new" },
      previousText: "张明",
      newText: "李华",
    });
  });

  it("director: one who already directs another live base is flagged on Art. 12.3 (in principle), not refused", () => {
    const effects = decideMajorChangeEffects(
      facts({
        proposed: { directorName: "李华", directorPersonId: "p-new" },
        directorTitle: "senior",
        registry: {
          activeBases: [
            { name: "湖北省新材料国际科技合作基地（特色）", unitUscc: enterpriseUscc, directorId: "p-new" },
          ],
          creditRecords: [],
        },
      }),
    );
    expect(effects.refusals).toEqual([]);
    expect(effects.warnings).toEqual([expect.objectContaining({ article: "12.3", verdict: "soft" })]);
    expect(effects.warnings[0]?.messageZh).toContain("湖北省新材料国际科技合作基地（特色）");
  });

  it("director: a typed name matches another base's director of the same name (Art. 12.3)", () => {
    const effects = decideMajorChangeEffects(
      facts({
        proposed: { directorName: "王五" },
        registry: { activeBases: [{ name: "另一基地", unitUscc: enterpriseUscc, directorId: "name:王五" }] },
      }),
    );
    expect(effects.warnings.map((warning) => warning.article)).toEqual(["12.3"]);
    // No person record: the credit check and the title are reported missing, for the reviewers to see.
    expect(effects.checks.filter((check) => check.verdict === "missing").map((check) => check.article)).toEqual([
      "12.1",
      "12.2",
    ]);
  });

  it("director: a bad record within 3 years, or no senior title on a joint-research base, refuses (Art. 12.1, 12.2)", () => {
    const effects = decideMajorChangeEffects(
      facts({
        proposed: { directorName: "李华", directorPersonId: "p-new" },
        directorTitle: "associate-senior",
        registry: {
          activeBases: [],
          creditRecords: [{ subject: "director", id: "p-new", date: "2024-05-01", kind: "research-misconduct" }],
        },
      }),
    );
    expect(codes(effects)).toEqual([
      ["rule-12.1-director-credit", "12.1", "proposed.directorName"],
      ["rule-12.2-title", "12.2", "proposed.directorName"],
    ]);
  });

  it("director: missing or unchanged is refused on Art. 18.5 at the field", () => {
    expect(codes(decideMajorChangeEffects(facts({ proposed: {} })))).toEqual([
      ["change-value-missing", "18.5", "proposed.directorName"],
    ]);
    expect(
      codes(decideMajorChangeEffects(facts({ proposed: { directorName: "张明", directorPersonId: "p-old" } }))),
    ).toEqual([["change-unchanged", "18.5", "proposed.directorName"]]);
  });

  it("name: a new field regenerates the standard name (Art. 29); the old name is kept", () => {
    const effects = decideMajorChangeEffects(facts({ kind: "name", proposed: { field: "人工智能" } }));
    expect(effects.refusals).toEqual([]);
    expect(effects).toMatchObject({
      next: { field: "人工智能", standardName: "湖北省人工智能国际科技合作基地（联合研究）" },
      previous: { field: "光电子信息", standardName: base.standardName },
      previousText: base.standardName,
      newText: "湖北省人工智能国际科技合作基地（联合研究）",
    });
  });

  it("name: a key base is a 离岸中心, a Hong Kong base follows Art. 30; a bracketed field is refused", () => {
    const key = decideMajorChangeEffects(
      facts({ kind: "name", base: { ...base, isKey: true }, proposed: { field: "生物医药" } }),
    );
    expect(key.next.standardName).toBe("湖北省生物医药国际科技合作离岸中心（联合研究）");
    const hongKong = decideMajorChangeEffects(
      facts({ kind: "name", base: { ...base, region: "HK", type: "characteristic" }, proposed: { field: "生物医药" } }),
    );
    expect(hongKong.next.standardName).toBe("湖北省（香港）生物医药科技合作基地（特色）");
    expect(codes(decideMajorChangeEffects(facts({ kind: "name", proposed: { field: "AI（人工）" } })))).toEqual([
      ["invalid-field", "29", "proposed.field"],
    ]);
    expect(codes(decideMajorChangeEffects(facts({ kind: "name", proposed: { field: "光电子信息" } })))).toEqual([
      ["change-unchanged", "18.5", "proposed.field"],
    ]);
  });

  const partners = [
    { name: "DE", country: "DE", agreement: { start: "2023-05-01", end: "2028-04-30" } },
    { name: "FR", country: "FR", agreement: { start: "2022-09-01", end: "2027-03-31" } },
    { name: "SG", country: "SG", agreement: { start: "2024-01-15", end: "2029-01-14" } },
  ];

  it("countries: re-checked against Art. 13 and 7.2; all levels named and 3 valid agreements pass", () => {
    const effects = decideMajorChangeEffects(
      facts({
        kind: "key-or-main-countries",
        proposed: { countries: { key: ["sg"], main: ["DE", "FR"], radiating: ["IT"] } },
        partners,
      }),
    );
    expect(effects.refusals).toEqual([]);
    expect(effects.next.countries).toEqual({ key: ["SG"], main: ["DE", "FR"], radiating: ["IT"] });
    expect(effects.checks.map((check) => [check.article, check.verdict])).toEqual([
      ["7.2", "pass"],
      ["13", "pass"],
    ]);
    expect(effects.previousText).toBe("重点：DE；主要：FR、SG；辐射：IT");
  });

  it("countries: an empty level is refused on Art. 13; too few valid agreements are flagged on Art. 7.2", () => {
    const empty = decideMajorChangeEffects(
      facts({ kind: "key-or-main-countries", proposed: { countries: { key: [], main: ["DE"], radiating: [] } } }),
    );
    expect(codes(empty)).toEqual([["rule-13-countries", "13", "proposed.countries"]]);
    const expired = decideMajorChangeEffects(
      facts({
        kind: "key-or-main-countries",
        proposed: { countries: { key: ["SG"], main: ["DE"], radiating: ["IT"] } },
        partners: partners.map((partner) => ({ ...partner, agreement: { start: "2020-01-01", end: "2025-12-31" } })),
      }),
    );
    expect(expired.refusals).toEqual([]);
    expect(expired.warnings).toEqual([expect.objectContaining({ article: "7.2", verdict: "fail" })]);
  });

  it("countries: an international organization's key country must be its headquarters (Art. 13)", () => {
    const effects = decideMajorChangeEffects(
      facts({
        kind: "key-or-main-countries",
        proposed: { countries: { key: ["SG"], main: ["DE"], radiating: ["IT"] } },
        partners: [
          ...partners,
          { name: "Org", country: "AT", isInternationalOrganization: true, headquartersCountry: "AT" },
        ],
      }),
    );
    expect(codes(effects)).toEqual([["rule-13-international-organization", "13", "proposed.countries"]]);
  });

  it("countries: the same key and main countries are no change", () => {
    const effects = decideMajorChangeEffects(
      facts({
        kind: "key-or-main-countries",
        proposed: { countries: { key: ["de"], main: ["SG", "FR"], radiating: [] } },
      }),
    );
    expect(codes(effects)).toEqual([["change-unchanged", "18.5", "proposed.countries"]]);
  });

  it("work plan: needs the summary of what changed", () => {
    expect(codes(decideMajorChangeEffects(facts({ kind: "work-plan", proposed: {} })))).toEqual([
      ["change-value-missing", "18.5", "proposed.workPlanSummary"],
    ]);
    expect(
      decideMajorChangeEffects(facts({ kind: "work-plan", proposed: { workPlanSummary: "调整合作重点" } })).refusals,
    ).toEqual([]);
  });
});
