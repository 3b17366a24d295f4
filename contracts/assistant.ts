import { z } from "zod";
import { editions, findArticle } from "../policy/measures/editions";
import { bilingual } from "./bilingual";
import { isoDate } from "./common";

/**
 * The policy assistant (issue 14): a question in, an answer with the articles it rests on out; and the FAQ the
 * department curates (question variants, answer, cited articles, the days it applies, the edition).
 */

export const assistantLangs = ["zh", "en"] as const;

export const askInput = z.strictObject({
  question: z
    .string(bilingual("请输入问题", "A question is required"))
    .trim()
    .min(1, bilingual("请输入问题", "A question is required"))
    .max(500, bilingual("问题不超过 500 字", "The question is at most 500 characters")),
  /** The answer's language; detected from the question when absent. */
  lang: z.enum(assistantLangs).optional(),
});
export type AskInput = z.infer<typeof askInput>;

export const assistantCitation = z.object({
  /** "18" */
  article: z.string(),
  /** "5": 第十八条第5项. */
  item: z.string().optional(),
  /** The measures' words, quoted. */
  quote: z.string(),
  /** 第十八条第5项 / Art. 18.5 */
  label: z.string(),
});

export const askResult = z.object({
  answer: z.string(),
  lang: z.enum(assistantLangs),
  citations: z.array(assistantCitation),
  computed: z
    .object({
      type: z.enum(["deadline", "standard-name"]),
      value: z.string(),
      ruleZh: z.string(),
      ruleEn: z.string(),
      inputs: z.record(z.string(), z.string()),
    })
    .optional(),
  refused: z.boolean(),
  refusal: z.enum(["no-match", "out-of-scope", "empty"]).optional(),
  /** Where the answer came from besides the measures' articles: an FAQ, a reading of the platform, a notice. */
  sources: z.array(
    z.object({ kind: z.enum(["article", "item", "interpretation", "faq", "notice"]), title: z.string() }),
  ),
  /** The articles and items the retrieved passages rest on. */
  retrieved: z.array(z.string()),
  edition: z.string(),
  /** The caller's own applications the answer speaks of (a signed-in host unit asking about its application). */
  applications: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  /** The answer was rephrased by the configured language model (LLM_BASE_URL) and checked against `retrieved`. */
  rephrased: z.boolean(),
});
export type AskResult = z.infer<typeof askResult>;

const articleRef = z
  .string()
  .regex(/^[1-9]\d?(\.[1-9]\d?)?$/, bilingual("条款写作 18 或 18.5", "An article is written 18 or 18.5"));

const editionId = z.enum(editions.map((edition) => edition.id) as [string, ...string[]]);

const faqFields = {
  questions: z
    .array(
      z
        .string()
        .trim()
        .min(2, bilingual("问题至少 2 个字", "A question has at least 2 characters"))
        .max(200, bilingual("问题不超过 200 字", "A question is at most 200 characters")),
    )
    .min(1, bilingual("至少填写一种问法", "Write at least one way to ask"))
    .max(20, bilingual("问法不超过 20 种", "At most 20 ways to ask")),
  answerZh: z
    .string()
    .trim()
    .min(1, bilingual("请填写中文回答", "The Chinese answer is required"))
    .max(2000, bilingual("回答不超过 2000 字", "The answer is at most 2,000 characters")),
  answerEn: z.string().trim().max(2000, bilingual("回答不超过 2000 字", "The answer is at most 2,000 characters")),
  articles: z
    .array(articleRef)
    .min(1, bilingual("至少引用一条条款", "Cite at least one article"))
    .max(10, bilingual("最多引用 10 条", "At most 10 articles")),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  edition: editionId,
};

type FaqShape = { articles?: string[]; edition?: string; validFrom?: string; validTo?: string | null };

/** Articles must exist in the entry's edition, and the last day may not come before the first. */
function checkFaq(value: FaqShape, context: z.RefinementCtx) {
  const edition = editions.find((candidate) => candidate.id === (value.edition ?? editions[0].id));
  value.articles?.forEach((id, index) => {
    if (edition && !findArticle(id, edition))
      context.addIssue({
        code: "custom",
        path: ["articles", index],
        message: bilingual(
          `第 ${id} 条不在 ${edition.id} 版办法中`,
          `${id} is not an article of the ${edition.id} measures`,
        ),
      });
  });
  if (value.validFrom && value.validTo && value.validTo < value.validFrom)
    context.addIssue({
      code: "custom",
      path: ["validTo"],
      message: bilingual("截止日期不能早于生效日期", "The last day cannot precede the first"),
    });
}

export const faqInput = z
  .strictObject({
    ...faqFields,
    answerEn: faqFields.answerEn.default(""),
    validTo: faqFields.validTo.default(null),
    edition: faqFields.edition.default(editions[0].id),
  })
  .superRefine(checkFaq);
export type FaqInput = z.infer<typeof faqInput>;

/** A change to an entry at the version read. */
export const faqPatch = z
  .strictObject({
    questions: faqFields.questions.optional(),
    answerZh: faqFields.answerZh.optional(),
    answerEn: faqFields.answerEn.optional(),
    articles: faqFields.articles.optional(),
    validFrom: faqFields.validFrom.optional(),
    validTo: faqFields.validTo.optional(),
    edition: faqFields.edition.optional(),
    version: z.number().int().min(1),
  })
  .superRefine(checkFaq);
export type FaqPatch = z.infer<typeof faqPatch>;

export const faqEntrySchema = z.object({
  id: z.string(),
  questions: z.array(z.string()),
  answerZh: z.string(),
  answerEn: z.string(),
  articles: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  edition: z.string(),
  version: z.number().int(),
  /** Applies today (between its first and last day). */
  current: z.boolean(),
  updatedAt: z.string(),
});
export type FaqEntryView = z.infer<typeof faqEntrySchema>;

/** What the jsonb columns of assistant_faqs hold. */
export const faqQuestionsStored = z.array(z.string());
export const faqArticlesStored = z.array(z.string());
