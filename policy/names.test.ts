import { describe, expect, it } from "vitest";
import { standardName } from "./names";

describe("standardName (Art. 29–30)", () => {
  it.each([
    [{ type: "joint-research", field: "人工智能" }, "湖北省人工智能国际科技合作基地（联合研究）"],
    [{ type: "technology-transfer", field: "生物医药" }, "湖北省生物医药国际科技合作基地（技术转移）"],
    [{ type: "characteristic", field: "新材料" }, "湖北省新材料国际科技合作基地（特色）"],
    [{ type: "joint-research", field: "光电子信息", isKey: true }, "湖北省光电子信息国际科技合作离岸中心（联合研究）"],
    [{ type: "technology-transfer", field: "高端装备", isKey: true }, "湖北省高端装备国际科技合作离岸中心（技术转移）"],
    [{ type: "joint-research", field: "生物医药", region: "HK" }, "湖北省（香港）生物医药科技合作基地（联合研究）"],
    [{ type: "characteristic", field: "新型能源", region: "MO" }, "湖北省（澳门）新型能源科技合作基地（特色）"],
    [
      { type: "technology-transfer", field: "高端芯片", region: "TW", isKey: true },
      "湖北省（台湾）高端芯片科技合作离岸中心（技术转移）",
    ],
    [{ type: "joint-research", field: " 人工智能 " }, "湖北省人工智能国际科技合作基地（联合研究）"],
  ] as const)("%o → %s", (options, expected) => {
    expect(standardName(options)).toEqual({ ok: true, value: expected });
  });

  it("uses full-width brackets only", () => {
    const result = standardName({ type: "characteristic", field: "新材料", region: "HK" });
    expect(result.ok && /[()]/.test(result.value)).toBe(false);
  });

  it.each(["", "  ", "人工(智能)", "人工 智能"])("refuses the field %j", (field) => {
    const result = standardName({ type: "joint-research", field });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.article).toBe("29");
  });
});
