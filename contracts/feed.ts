import { z } from "zod";
import { bilingual } from "./bilingual";

/**
 * The change feed of the registry for outside systems (issue 18; docs/integration.md): what happened to bases, in the
 * order it was committed, read page by page with an opaque cursor. One list of kinds with their labels.
 */
export const feedKinds = [
  { kind: "recognized", labelZh: "认定为省国合基地", labelEn: "Recognized" },
  { kind: "imported", labelZh: "导入既有基地名录", labelEn: "Imported from the existing registry" },
  { kind: "revoked", labelZh: "取消基地资格", labelEn: "Revoked" },
  {
    kind: "exited",
    labelZh: "升级为国家级平台，退出省国合基地序列",
    labelEn: "Exited on upgrade to a national platform",
  },
  { kind: "status-changed", labelZh: "基地状态变化", labelEn: "Status changed" },
  { kind: "grade-published", labelZh: "公布年度绩效考核结果", labelEn: "Annual grade published" },
  { kind: "changed", labelZh: "重大事项变化备案（名称、负责人等）", labelEn: "Major change filed (name, director …)" },
] as const;
export type FeedKind = (typeof feedKinds)[number]["kind"];
export const feedKindCodes = feedKinds.map((entry) => entry.kind) as [FeedKind, ...FeedKind[]];

export const feedQuery = z.object({
  /** The `next` of the previous page; leave out to read from the beginning. */
  since: z.string().trim().max(200).optional(),
  /** Items per page. */
  limit: z.coerce
    .number(bilingual("limit 应为数字", "limit is a number"))
    .int()
    .min(1, bilingual("limit 至少为 1", "limit is at least 1"))
    .max(500, bilingual("limit 至多为 500", "limit is at most 500"))
    .default(100),
  /** Only items of this kind (the cursor still moves past the others). */
  kind: z
    .enum(
      feedKindCodes,
      bilingual(`kind 应为：${feedKindCodes.join("、")}`, `kind is one of: ${feedKindCodes.join(", ")}`),
    )
    .optional(),
  /** Only items about this base. */
  baseId: z.string().trim().min(1).max(64).optional(),
});
export type FeedQuery = z.infer<typeof feedQuery>;

/** Registry values before and after a filed major change (Art. 18.5): only those of the change's kind. */
const changedValues = z.object({
  standardName: z.string().optional(),
  field: z.string().optional(),
  directorName: z.string().optional(),
  countries: z
    .object({ key: z.array(z.string()), main: z.array(z.string()), radiating: z.array(z.string()) })
    .optional(),
  workPlanSummary: z.string().optional(),
});

export const feedItem = z.object({
  /** Pass it as `since` to read on after this item. */
  cursor: z.string(),
  kind: z.enum(feedKindCodes),
  labelZh: z.string(),
  labelEn: z.string(),
  /** When it was recorded (ISO 8601, UTC). */
  at: z.string(),
  /** The base as the registry holds it now. */
  base: z.object({
    id: z.string(),
    standardName: z.string(),
    unitName: z.string(),
    status: z.string(),
  }),
  /** What the event carries; each kind sets its own fields. */
  data: z.object({
    /** recognized, imported: the name recognized under, the document and its date. */
    standardName: z.string().optional(),
    documentNumber: z.string().optional(),
    recognizedOn: z.string().optional(),
    /** revoked, exited, status-changed: the status before and after, and the article it rests on. */
    status: z.object({ from: z.string(), to: z.string() }).optional(),
    article: z.string().optional(),
    /** grade-published: the evaluation year, the grade (excellent, qualified, unqualified) and the score. */
    year: z.number().int().optional(),
    grade: z.string().optional(),
    score: z.number().nullable().optional(),
    /** changed: the kind of change (name, director, key-or-main-countries) and the values before and after. */
    changeKind: z.string().optional(),
    previous: changedValues.optional(),
    next: changedValues.optional(),
  }),
});

export const feedPage = z.object({
  items: z.array(feedItem),
  /** Where to read on: pass it as `since` next time (also when `items` is empty: nothing is read twice). */
  next: z.string(),
  /** More items are ready now; otherwise poll again later with `next`. */
  hasMore: z.boolean(),
});

export type FeedItem = z.infer<typeof feedItem>;
export type FeedPage = z.infer<typeof feedPage>;
