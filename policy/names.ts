import { type BaseType, baseTypeOf } from "./reference/base-types";
import { type Region, regionOf } from "./reference/regions";
import { accept, type Outcome, refuse } from "./refusal";

export interface StandardNameOptions {
  type: BaseType;
  /** 领域, e.g. 人工智能. */
  field: string;
  /** A key base (省重点国合基地, Art. 2): named 离岸中心. For HK/MO/TW, the 离岸基地 of Art. 30. */
  isKey?: boolean;
  /** Cooperation with Hong Kong, Macao or Taiwan (Art. 30). */
  region?: Region;
}

/**
 * The standard name of a base (Art. 29–30), the one place it is rendered. Full-width brackets （） as in
 * official documents (the captured web text shows ASCII ones):
 * - 湖北省 + 领域 + 国际科技合作离岸中心（类型） for key bases, …国际科技合作基地（类型） otherwise (Art. 29);
 * - 湖北省（香港）+ 领域 + 科技合作离岸中心（类型） / …科技合作基地（类型） for Hong Kong, Macao, Taiwan (Art. 30).
 * An offshore platform recognized as an ordinary base (Art. 6) is a …基地, not a 离岸中心.
 */
export function standardName(options: StandardNameOptions): Outcome<string> {
  const field = options.field.trim();
  if (field === "" || /[()（）\s]/.test(field)) {
    return refuse({
      code: "invalid-field",
      article: options.region ? "30" : "29",
      path: "field",
      messageZh: "领域不能为空，且不能包含括号或空格。",
      messageEn: "The field must be non-empty, without brackets or spaces.",
    });
  }
  const kind = options.isKey ? "离岸中心" : "基地";
  const type = `（${baseTypeOf(options.type).shortZh}）`;
  if (options.region) return accept(`湖北省（${regionOf(options.region).shortZh}）${field}科技合作${kind}${type}`);
  return accept(`湖北省${field}国际科技合作${kind}${type}`);
}
