import { describe, expect, it } from "vitest";
import { resolveSettings } from "../settings";
import { type AgreementFact, agreementOutlook, isAgreementValid, meetsPartnerMinimum } from "./agreements";

const agreement = (partner: string, startsOn: string | null, endsOn: string | null, country = "DE"): AgreementFact => ({
  partner,
  country,
  startsOn,
  endsOn,
});

describe("isAgreementValid (SPEC §7: started, end on or after the date)", () => {
  it.each([
    ["2027-03-31", "2027-03-31", true],
    ["2027-03-31", "2027-04-01", false],
    ["2028-02-29", "2028-02-29", true],
    ["2028-02-29", "2028-03-01", false],
    ["2027-12-31", "2028-01-01", false],
    ["2027-12-31", "2027-12-31", true],
  ] as const)("ending %s, on %s: %s", (endsOn, on, expected) => {
    expect(isAgreementValid(agreement("A", "2020-01-01", endsOn), on)).toBe(expected);
  });

  it("is not valid before it starts, unless the setting says starting does not matter", () => {
    const future = agreement("A", "2027-05-01", "2030-01-01");
    expect(isAgreementValid(future, "2027-04-30")).toBe(false);
    expect(isAgreementValid(future, "2027-05-01")).toBe(true);
    expect(isAgreementValid(future, "2027-04-30", resolveSettings({ agreementMustHaveStarted: false }))).toBe(true);
  });

  it("reads a missing start as in effect and a missing end as open-ended", () => {
    expect(isAgreementValid(agreement("A", null, null), "2099-12-31")).toBe(true);
  });
});

describe("meetsPartnerMinimum (Art. 7.2)", () => {
  const three = [
    agreement("A", "2020-01-01", "2030-01-01", "DE"),
    agreement("B", "2020-01-01", "2030-01-01", "DE"),
    agreement("C", "2020-01-01", "2030-01-01", "SG"),
  ];
  it("needs three valid agreements, and three countries only when the setting says so", () => {
    expect(meetsPartnerMinimum(three, "2027-01-01")).toEqual({ valid: 3, countries: 2, enough: true });
    expect(meetsPartnerMinimum(three, "2027-01-01", resolveSettings({ partnersMustSpanCountries: true })).enough).toBe(
      false,
    );
    expect(meetsPartnerMinimum(three.slice(1), "2027-01-01").enough).toBe(false);
  });
});

describe("agreementOutlook", () => {
  const agreements = [
    agreement("柏林工业大学", "2021-01-01", "2027-02-28"),
    agreement("新加坡国立大学", "2021-01-01", "2027-03-31", "SG"),
    agreement("东京大学", "2021-01-01", "2028-02-29", "JP"),
    agreement("剑桥大学", "2021-01-01", "2029-12-31", "GB"),
  ];

  it("lists each end date in the window and flags the one that takes the base below three", () => {
    const outlook = agreementOutlook(agreements, "2027-01-01", "2027-12-31");
    expect(outlook).toMatchObject({ validNow: 4, enoughNow: true, lastEnoughOn: null });
    expect(outlook.expiring).toEqual([
      { endsOn: "2027-02-28", partners: ["柏林工业大学"], validAfter: 3, belowMinimum: false },
      { endsOn: "2027-03-31", partners: ["新加坡国立大学"], validAfter: 2, belowMinimum: true },
    ]);
  });

  it("counts a leap day as the agreement's last valid day", () => {
    const outlook = agreementOutlook(agreements, "2028-02-29", "2028-03-31");
    expect(outlook.validNow).toBe(2);
    expect(outlook.enoughNow).toBe(false);
    expect(outlook.lastEnoughOn).toBe("2027-03-31");
    expect(outlook.expiring).toEqual([
      { endsOn: "2028-02-29", partners: ["东京大学"], validAfter: 1, belowMinimum: true },
    ]);
  });

  it("counts an agreement starting within the window on its day", () => {
    const renewed = [...agreements, agreement("苏黎世联邦理工学院", "2027-04-01", "2031-12-31", "CH")];
    const outlook = agreementOutlook(renewed, "2027-01-01", "2027-12-31");
    expect(outlook.expiring.map((expiry) => [expiry.endsOn, expiry.belowMinimum])).toEqual([
      ["2027-02-28", false],
      ["2027-03-31", false],
    ]);
  });

  it("is quiet beyond the window and about open-ended agreements", () => {
    const outlook = agreementOutlook([...agreements, agreement("X", null, null)], "2027-01-01", "2027-02-27");
    expect(outlook.expiring).toEqual([]);
  });
});
