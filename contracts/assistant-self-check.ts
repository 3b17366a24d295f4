import { z } from "zod";
import { ruleIds } from "../policy/eligibility/rule-table";
import { baseTypeCodes } from "../policy/reference/base-types";
import { hubeiDivisions } from "../policy/reference/divisions";
import { titleCodes } from "../policy/reference/titles";
import { unitTypeCodes } from "../policy/reference/unit-types";
import { bilingual } from "./bilingual";

/**
 * 政策助手's self-check (issue 14 item 4), stateless: the facts gathered so far in, the next question (with its
 * article) or the verdict out. Each fact is the answer to one question; the server writes them into the eligibility
 * input the application form fills and runs the policy on it.
 */

const count = z
  .number(bilingual("请填写数字", "A number is required"))
  .int(bilingual("请填写整数", "A whole number is required"))
  .min(0, bilingual("不能为负数", "Cannot be negative"))
  .max(100_000, bilingual("数字过大", "The number is too large"));
const amount = z
  .number(bilingual("请填写金额", "An amount is required"))
  .min(0, bilingual("不能为负数", "Cannot be negative"))
  .max(1e12, bilingual("金额过大", "The amount is too large"));
const yesNo = z.boolean(bilingual("请回答是或否", "Answer yes or no"));

export const selfCheckFacts = z
  .strictObject({
    baseType: z.enum(baseTypeCodes).optional().meta({ description: "Type of base (Art. 6)" }),
    offshore: yesNo.optional().meta({ description: "An offshore innovation platform (Art. 11)" }),
    unitType: z.enum(unitTypeCodes).optional().meta({ description: "Host unit type (Art. 2)" }),
    division: z
      .enum(["outside", ...hubeiDivisions.map((division) => division.code)])
      .optional()
      .meta({ description: "The prefecture of registration, or outside Hubei (Art. 7.1)" }),
    legalPerson: yesNo.optional().meta({ description: "Independent legal person in existence (Art. 7.1)" }),
    unitBadRecord: yesNo
      .optional()
      .meta({ description: "Bad credit or integrity record of the unit, 3 years (Art. 7.1)" }),
    revokedRecently: yesNo.optional().meta({ description: "A base of the unit revoked within 3 years (Art. 20)" }),
    validPartners: count
      .optional()
      .meta({ description: "Partners with an agreement valid on the deadline (Art. 7.2)" }),
    compositeTeam: yesNo.optional().meta({ description: "A composite team (Art. 7.2)" }),
    managementSystems: yesNo.optional().meta({ description: "The seven management systems (Art. 7.4)" }),
    nationalPlatform: yesNo.optional().meta({ description: "Holds a national platform (Art. 7.6)" }),
    internationalProjects: count
      .optional()
      .meta({ description: "Provincial+ cooperation projects, 3 years (Art. 8.1, 10.1)" }),
    jointPapers: count.optional().meta({ description: "Joint high-level papers, 3 years (Art. 8.2)" }),
    academicEvents: count.optional().meta({ description: "Co-hosted high-level events, 3 years (Art. 8.2)" }),
    revenue3y: amount.optional().meta({ description: "Sales revenue of the last 3 fiscal years, 万元 (Art. 8.3)" }),
    rdExpense3y: amount.optional().meta({ description: "R&D expense of the same years, 万元 (Art. 8.3)" }),
    transferTeamSize: count.optional().meta({ description: "Technology-transfer team size (Art. 9.1)" }),
    transferProjects: count.optional().meta({ description: "Transfer projects implemented, 3 years (Art. 9.2)" }),
    transferEventsMinYear: count.optional().meta({ description: "Exchange events in the leanest year (Art. 9.3)" }),
    overseasPremises: yesNo.optional().meta({ description: "Fixed premises abroad (Art. 11.1)" }),
    overseasStaff: count.optional().meta({ description: "Staff abroad (Art. 11.2)" }),
    directorFullTime: yesNo.optional().meta({ description: "Director full-time at the unit (Art. 12.1)" }),
    directorResearchLead: yesNo.optional().meta({ description: "Director leads the research (Art. 12.1)" }),
    directorBadRecord: yesNo.optional().meta({ description: "Bad record of the director, 3 years (Art. 12.1)" }),
    directorTitle: z.enum(titleCodes).optional().meta({ description: "Director's title (Art. 12.2)" }),
    directorEquivalentAbility: yesNo.optional().meta({ description: "Equivalent research ability (Art. 12.2)" }),
  })
  .meta({ id: "SelfCheckFacts" });
export type SelfCheckFactsInput = z.infer<typeof selfCheckFacts>;

export const selfCheckInput = z.strictObject({
  facts: selfCheckFacts.default({}),
  lang: z.enum(["zh", "en"]).optional(),
});
export type SelfCheckInput = z.infer<typeof selfCheckInput>;

const option = z.object({ value: z.string(), labelZh: z.string(), labelEn: z.string() });

export const selfCheckQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(["choice", "yes-no", "number", "date", "text"]),
  /** The article (item) the answer serves: "7.1". */
  article: z.string(),
  rules: z.array(z.string()),
  textZh: z.string(),
  textEn: z.string(),
  /** The question in the language asked for. */
  text: z.string(),
  options: z.array(option).optional(),
  unitZh: z.string().optional(),
  unitEn: z.string().optional(),
});

const ruleResult = z.object({
  ruleId: z.enum(ruleIds as [string, ...string[]]),
  article: z.string(),
  outcome: z.enum(["pass", "fail", "judgement"]),
  messageZh: z.string(),
  messageEn: z.string(),
  /** The finding in the language asked for. */
  message: z.string(),
});

/** Where "开始申报" leads: the open call when there is one, else the calls page; nothing secret. */
const start = z.object({ href: z.string(), callTitleZh: z.string().optional(), callTitleEn: z.string().optional() });

export const selfCheckResult = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("question"),
      question: selfCheckQuestionSchema,
      answered: z.number().int(),
      remaining: z.number().int(),
      referenceDate: z.string(),
      lang: z.enum(["zh", "en"]),
    }),
    z.object({
      status: z.literal("verdict"),
      stoppedEarly: z.boolean(),
      overall: z.enum(["eligible", "not-eligible", "needs-judgement"]),
      rules: z.array(ruleResult),
      answered: z.number().int(),
      referenceDate: z.string(),
      lang: z.enum(["zh", "en"]),
      start,
    }),
  ])
  .meta({ id: "SelfCheckStep" });
export type SelfCheckResult = z.infer<typeof selfCheckResult>;
