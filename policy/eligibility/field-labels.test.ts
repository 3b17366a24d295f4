import { describe, expect, it } from "vitest";
import { fieldLabel, presentInputError } from "./field-labels";
import { parseEligibilityInput } from "./input";

describe("input errors as a person reads them", () => {
  it.each([
    ["application.type", "基地类型", "Base type"],
    ["application.partners.1.agreement.end", "合作机构 · 协议到期（第 2 项）", "Partner · agreement end (item 2)"],
    ["director.title", "职称", "Title"],
    ["application.evidence.jointPapers.0.date", "中外联合论文（第 1 项）", "Joint papers (item 1)"],
    ["application.somethingNew", "申报信息", "Application"],
  ])("%s is named %s", (path, zh, en) => {
    expect(fieldLabel(path)).toEqual({ zh, en });
  });

  it("names the field and the choices by their labels, never the path or the codes", () => {
    const parsed = parseEligibilityInput({
      referenceDate: "2026-03-31",
      unit: { name: "某公司", uscc: "91420100MA4K0000X1", type: "enterprise", registeredDivision: "420100" },
      application: { type: "joint", field: "人工智能" },
    });
    expect(parsed.ok).toBe(false);
    const error = parsed.ok ? undefined : parsed.errors.find((e) => e.path === "application.type");
    const shown = presentInputError(error!);
    expect(shown.path).toBe("application.type");
    expect(shown.messageZh).toMatch(/^基地类型：/);
    expect(shown.messageZh).toContain("联合研究类、技术转移类、特色类");
    expect(shown.messageEn).toContain("Joint research, Technology transfer, Characteristic");
    for (const message of [shown.messageZh, shown.messageEn]) {
      expect(message).not.toContain("application.type");
      expect(message).not.toMatch(/joint-research|technology-transfer|characteristic/);
    }
  });
});
