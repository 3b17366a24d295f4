import { z } from "zod";
import { hubeiDivisions } from "../policy/reference/divisions";
import { bilingual } from "./bilingual";

/**
 * The parts every list's query shares (applications, units, experts, bases, the public registry): a sort key from
 * the list's own whitelist and a direction, a 市州 filter and a recognition year. A value outside them is a 400
 * naming the parameter, never a 500 and never silently ignored.
 */
export const sortOrder = z.enum(["asc", "desc"], bilingual("排序方向应为 asc 或 desc", "order is asc or desc"));
export type SortOrder = z.infer<typeof sortOrder>;

/** `sort` (one of `keys`) and `order`; without `sort` each list keeps its own default order. */
export function sortQuery<const Keys extends readonly [string, ...string[]]>(keys: Keys) {
  return {
    sort: z.enum(keys, bilingual(`排序字段应为：${keys.join("、")}`, `sort is one of: ${keys.join(", ")}`)).optional(),
    order: sortOrder.optional(),
  };
}

/** A Hubei prefecture (GB/T 2260, one of the 17 市州): a unit's county-level division belongs to it. */
export const prefectureFilter = z
  .string()
  .refine(
    (code) => hubeiDivisions.some((division) => division.code === code),
    bilingual("不是湖北省的市州代码（GB/T 2260）", "Not a Hubei prefecture code (GB/T 2260)"),
  );

/** A year of recognition (认定年度). */
export const yearFilter = z.coerce
  .number(bilingual("年度应为 4 位数字", "The year is a 4-digit number"))
  .int(bilingual("年度应为整数", "The year is a whole number"))
  .min(2000, bilingual("年度不早于 2000 年", "The year is 2000 or later"))
  .max(2100, bilingual("年度不晚于 2100 年", "The year is 2100 or earlier"));

/** A search box: trimmed, at most 100 characters; empty means no search. */
export const searchText = z
  .string()
  .trim()
  .max(100, bilingual("搜索内容不超过 100 个字", "At most 100 characters"))
  .optional();

/** Sort keys of each list (whitelisted: a key names a column the server chose, never raw SQL). */
export const applicationSortKeys = [
  "updatedAt",
  "submittedAt",
  "unitName",
  "state",
  "standardName",
  "priority",
] as const;
export const unitSortKeys = ["name", "createdAt", "status", "division", "type"] as const;
export const expertSortKeys = ["name", "createdAt", "title", "status", "unitName"] as const;
export const baseSortKeys = ["recognizedOn", "standardName", "unitName", "status", "type", "field"] as const;
export const publicBaseSortKeys = ["recognizedOn", "name", "unit", "type", "field"] as const;
