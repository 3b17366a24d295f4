import { describe, expect, it } from "vitest";
import { validCase } from "./eligibility.fixtures";
import { runEligibilityCheck } from "./engine";
import { dropUnknownEligibilityKeys, type InputError, parseEligibilityInput } from "./input";
import { closestKey } from "./input-errors";
import { normalizeCode, normalizeText } from "./text";

// biome-ignore lint/suspicious/noExplicitAny: the tests change raw JSON freely, as a caller's file may.
type Raw = Record<string, any>;

/** A valid case as raw JSON, changed by `change` (the way a caller's file or request body arrives). */
function raw(change: (value: Raw) => void): Raw {
  const value = JSON.parse(JSON.stringify(validCase())) as Raw;
  change(value);
  return value;
}

function errorsOf(value: unknown): InputError[] {
  const parsed = parseEligibilityInput(value);
  if (parsed.ok) throw new Error("expected the input to be refused");
  return parsed.errors;
}

function parsed(value: unknown) {
  const outcome = parseEligibilityInput(value);
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.messageEn).join("\n"));
  return outcome.input;
}

function verdict(value: unknown, ruleId: string) {
  const outcome = runEligibilityCheck(value);
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.messageEn).join("\n"));
  return outcome.result.findings.find((finding) => finding.ruleId === ruleId);
}

describe("text normalisation at the edge (issue 10)", () => {
  it.each([
    ["zero-width space", "人工\u200b智能"],
    ["zero-width joiner and non-joiner", "\u200c人工\u200d智能"],
    ["word joiner and BOM", "\ufeff人工\u2060智能"],
    ["soft hyphen", "人工\u00ad智能"],
    ["bidi override", "\u202e人工智能\u202c"],
    ["white space and an ideographic space", " \u3000人工智能\t"],
  ])("removes a %s from a field", (_, field) => {
    expect(normalizeText(field)).toBe("人工智能");
    expect(parsed(raw((value) => (value.application.field = field))).application.field).toBe("人工智能");
  });

  // The probe: a zero-width space inside application.field turned the Art. 7.5 uniqueness flag into a pass.
  it("a zero-width space in the field does not escape Art. 7.5", () => {
    const withBase = (field: string) =>
      raw((value) => {
        value.unit.type = "research-institute";
        value.application.field = field;
        value.registry.activeBases = [{ unitUscc: value.unit.uscc, field: "光电子信息" }];
      });
    expect(verdict(withBase("光电子信息"), "7.5-one-base-per-scope")?.verdict).toBe("soft");
    expect(verdict(withBase("光电\u200b子信息"), "7.5-one-base-per-scope")?.verdict).toBe("soft");
  });

  // The probe: a full-width ＡＴ failed Art. 13 against headquarters AT.
  it("a full-width country code is the same code (Art. 13)", () => {
    const organization = (key: string) =>
      raw((value) => {
        value.application.countries.key = [key];
        value.application.partners.push({
          name: "UNIDO",
          country: "AT",
          isInternationalOrganization: true,
          headquartersCountry: "AT",
        });
      });
    expect(normalizeCode("ＡＴ")).toBe("AT");
    expect(verdict(organization("ＡＴ"), "13-international-organization")?.verdict).toBe("pass");
    expect(verdict(organization(" at\u200b"), "13-international-organization")?.verdict).toBe("pass");
    expect(verdict(organization("DE"), "13-international-organization")?.verdict).toBe("fail");
  });

  it("normalises codes: USCC and division code (NFKC, upper-case), dates (NFKC)", () => {
    const input = parsed(
      raw((value) => {
        value.unit.uscc = "９１４２０１００ma4kxy312a";
        value.unit.registeredDivision = "４２０１１１";
        value.referenceDate = "２０２６－０３－３１";
      }),
    );
    expect(input.unit.uscc).toBe("91420100MA4KXY312A");
    expect(input.unit.registeredDivision).toBe("420111");
    expect(input.referenceDate).toBe("2026-03-31");
  });

  it("keeps text as typed apart from invisible characters (full-width brackets stay)", () => {
    expect(parsed(raw((value) => (value.unit.name = "武汉（示例）公司\u200b"))).unit.name).toBe("武汉（示例）公司");
  });

  it("refuses control characters with a field error; prose keeps its line breaks", () => {
    const errors = errorsOf(raw((value) => (value.application.field = "光电\u0007子信息")));
    expect(errors).toEqual([expect.objectContaining({ path: "application.field", code: "control-character" })]);
    expect(errors[0]!.messageEn).toContain("U+0007");
    expect(errors[0]!.messageZh).toContain("控制字符 U+0007");
    expect(errorsOf(raw((value) => (value.director.name = "张\n三")))[0]).toMatchObject({
      path: "director.name",
      code: "control-character",
    });
    expect(errorsOf(raw((value) => (value.application.developmentGoals = "目标\u0000")))[0]?.code).toBe(
      "control-character",
    );
    expect(
      parsed(raw((value) => (value.application.developmentGoals = "第一\n第二\r\n\t第三"))).application
        .developmentGoals,
    ).toBe("第一\n第二\r\n\t第三");
  });

  it("a field of only invisible characters is empty, not a value", () => {
    expect(errorsOf(raw((value) => (value.application.field = "\u200b\u200b ")))).toEqual([
      expect.objectContaining({ path: "application.field", code: "empty" }),
    ]);
  });
});

describe("unknown keys are errors, with the closest known key (issue 10)", () => {
  // The probe: a misspelt isOfshore was silently dropped, so Art. 11 never ran and the exit code was 0.
  it("isOfshore → did you mean isOffshore?", () => {
    const errors = errorsOf(raw((value) => (value.application.isOfshore = true)));
    expect(errors).toEqual([
      {
        path: "application.isOfshore",
        code: "unknown-key",
        messageZh: 'application.isOfshore：未知字段 "isOfshore"，是否应为 "isOffshore"？',
        messageEn: 'application.isOfshore: unknown field "isOfshore" — did you mean "isOffshore"?',
      },
    ]);
  });

  it.each([
    [
      "a nested key",
      (value: Raw) => (value.application.partners[0].agreement.ned = "2028-01-01"),
      "application.partners.0.agreement.ned",
      "end",
    ],
    ["a case slip", (value: Raw) => (value.unit.Uscc = "x"), "unit.Uscc", "uscc"],
    ["a registry key", (value: Raw) => (value.registry.creditRecord = []), "registry.creditRecord", "creditRecords"],
    ["a key with no near neighbour", (value: Raw) => (value.comment = "extra"), "comment", undefined],
  ])("%s", (_, change, path, suggestion) => {
    const [error, ...rest] = errorsOf(raw(change));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ path, code: "unknown-key" });
    if (suggestion) {
      expect(error!.messageEn).toContain(`did you mean "${suggestion}"?`);
      expect(error!.messageZh).toContain(`是否应为 "${suggestion}"`);
    } else {
      expect(error!.messageEn).toContain("remove or correct it");
    }
  });

  it("accepts $schema and the partner's original name", () => {
    expect(
      parseEligibilityInput(
        raw((value) => {
          value.$schema = "../eligibility-input.schema.json";
          value.application.partners[0].originalName = "Fraunhofer ILT";
        }),
      ).ok,
    ).toBe(true);
  });

  it("closestKey suggests only near keys", () => {
    expect(closestKey("isOfshore", ["isOffshore", "isKey"])).toBe("isOffshore");
    expect(closestKey("referenceData", ["referenceDate", "registry"])).toBe("referenceDate");
    expect(closestKey("zzz", ["end", "start"])).toBeUndefined();
  });

  it("dropUnknownEligibilityKeys removes exactly the unknown keys (for the form → input builder)", () => {
    const value = raw((input) => {
      input.application.uiTab = "partners";
      input.application.partners[1].rowKey = 7;
      input.director.selectedPerson = { id: "p" };
    });
    expect(dropUnknownEligibilityKeys(value).sort()).toEqual([
      "application.partners.1.rowKey",
      "application.uiTab",
      "director.selectedPerson",
    ]);
    expect(value.application.partners).toHaveLength(3);
    expect(parseEligibilityInput(value).ok).toBe(true);
  });
});

describe("each field error says what was expected and what came (issue 10)", () => {
  it.each([
    [
      "a string for a number",
      (value: Raw) => (value.application.evidence.finance.years[0].revenue = "abc"),
      "application.evidence.finance.years.0.revenue",
      "wrong-type",
      'expected a number, got the string "abc"',
      '应为数字，实际为文本 "abc"',
    ],
    [
      "a number for a date",
      (value: Raw) => (value.referenceDate = 20260331),
      "referenceDate",
      "wrong-type",
      "expected a string, got the number 20260331",
      "应为文本，实际为数字 20260331",
    ],
    [
      "a string for a boolean",
      (value: Raw) => (value.unit.isIndependentLegalPerson = "yes"),
      "unit.isIndependentLegalPerson",
      "wrong-type",
      'expected a boolean (true or false), got the string "yes"',
      '应为布尔值（true 或 false），实际为文本 "yes"',
    ],
    [
      "an object for a list",
      (value: Raw) => (value.application.partners = {}),
      "application.partners",
      "wrong-type",
      "expected an array (list), got an object",
      "应为数组（列表），实际为对象",
    ],
    [
      "null",
      (value: Raw) => (value.application.field = null),
      "application.field",
      "wrong-type",
      "expected a string, got null",
      "应为文本，实际为null",
    ],
    [
      "a fraction for a count",
      (value: Raw) => (value.application.evidence.transferServiceTeam.size = 1.5),
      "application.evidence.transferServiceTeam.size",
      "not-integer",
      "expected an integer, got the number 1.5",
      "应为整数，实际为数字 1.5",
    ],
    [
      "1e400 (Infinity)",
      (value: Raw) => (value.application.evidence.finance.years[0].rdExpense = Number.POSITIVE_INFINITY),
      "application.evidence.finance.years.0.rdExpense",
      "not-finite",
      "is not a finite number (out of range)",
      "不是有限数值",
    ],
    [
      "a negative amount",
      (value: Raw) => (value.application.evidence.finance.years[0].rdExpense = -500),
      "application.evidence.finance.years.0.rdExpense",
      "negative",
      "must not be negative, got -500",
      "不能为负数，实际为 -500",
    ],
    [
      "a missing field",
      (value: Raw) => delete value.referenceDate,
      "referenceDate",
      "missing",
      "required field is missing",
      "缺少必填项",
    ],
    [
      "a bad enum",
      (value: Raw) => (value.application.type = "joint"),
      "application.type",
      "invalid-value",
      'must be one of: joint-research, technology-transfer, characteristic (got the string "joint")',
      "可选：joint-research、technology-transfer、characteristic",
    ],
    [
      "an impossible date",
      (value: Raw) => (value.referenceDate = "2026-02-30"),
      "referenceDate",
      "invalid-format",
      'must be a real date written YYYY-MM-DD, got "2026-02-30"',
      '应为 YYYY-MM-DD 格式的真实日期，实际为 "2026-02-30"',
    ],
    [
      "a number for a document flag",
      (value: Raw) => (value.application.managementSystems.ethics = 5),
      "application.managementSystems.ethics",
      "wrong-type",
      "expected a boolean (true or false) or a string, got the number 5",
      "应为布尔值（true 或 false）或文本，实际为数字 5",
    ],
  ])("%s", (_, change, path, code, english, chinese) => {
    const errors = errorsOf(raw(change));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path, code });
    expect(errors[0]!.messageEn).toBe(`${path}: ${english}`);
    expect(errors[0]!.messageZh).toContain(`${path}：`);
    expect(errors[0]!.messageZh).toContain(chinese);
  });

  it("missing, wrong type and negative are three different messages", () => {
    const messages = [
      (value: Raw) => delete value.application.evidence.finance.years[0].revenue,
      (value: Raw) => (value.application.evidence.finance.years[0].revenue = "1000"),
      (value: Raw) => (value.application.evidence.finance.years[0].revenue = -1),
    ].map((change) => errorsOf(raw(change))[0]!.messageEn);
    expect(new Set(messages).size).toBe(3);
  });
});

describe("contradictory periods are field errors (issue 10)", () => {
  it("an agreement ending before it starts names the partner", () => {
    const errors = errorsOf(
      raw((value) => (value.application.partners[1].agreement = { start: "2026-01-01", end: "2025-01-01" })),
    );
    expect(errors).toEqual([
      {
        path: "application.partners.1.agreement.end",
        code: "contradiction",
        messageZh:
          "application.partners.1.agreement.end：与合作机构「Partner FR」的合作协议的结束日期 2025-01-01 早于开始日期 2026-01-01",
        messageEn:
          'application.partners.1.agreement.end: the agreement with the partner "Partner FR" ends (2025-01-01) before it starts (2026-01-01)',
      },
    ]);
  });
  it("an agreement of one day is not a contradiction", () => {
    expect(
      parseEligibilityInput(
        raw((value) => (value.application.partners[1].agreement = { start: "2026-01-01", end: "2026-01-01" })),
      ).ok,
    ).toBe(true);
  });
  it("a project ending before it starts", () => {
    const errors = errorsOf(
      raw(
        (value) =>
          (value.application.evidence.internationalProjects = [
            { title: "联合研发", level: "provincial", date: "2025-01-01", end: "2024-12-31" },
          ]),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: "application.evidence.internationalProjects.0.end", code: "contradiction" }),
    ]);
    expect(errors[0]!.messageEn).toContain('"联合研发" ends (2024-12-31) before it starts (2025-01-01)');
  });
});
