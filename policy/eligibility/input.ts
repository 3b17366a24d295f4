import { z } from "zod";
import { isIsoDate } from "../calendar/dates";
import { baseTypeCodes } from "../reference/base-types";
import { creditRecordKinds, nationalPlatformKindCodes, projectLevels } from "../reference/evidence-kinds";
import { regionCodes } from "../reference/regions";
import { titleCodes } from "../reference/titles";
import { unitTypeCodes } from "../reference/unit-types";

/**
 * The eligibility input: everything the rules of Art. 7–13, 14.1 and 20 need, so a check is reproducible
 * without a database. This is a public contract (docs/eligibility-input.schema.json is generated from it):
 * change it only compatibly — new fields optional, no renames. Optional sections left out give `missing`
 * verdicts, never errors.
 */
const isoDate = z
  .string()
  .refine(isIsoDate, { message: "must be a real date written YYYY-MM-DD" })
  .meta({ format: "date", description: "ISO date YYYY-MM-DD", examples: ["2026-03-31"] });

const text = z.string().trim().min(1);
const country = text.meta({
  description:
    "Country or region, preferably ISO 3166-1 alpha-2 (DE, SG; HK, MO, TW for the regions); compared case-insensitively",
});
const fileOrFlag = z.union([z.boolean(), z.string()]).meta({
  description: "true when the document exists, false when it does not, or a file reference (non-empty string)",
});

export const unitSchema = z
  .object({
    name: text.meta({ description: "Registered name of the host unit (依托单位)" }),
    uscc: z.string().meta({ description: "统一社会信用代码, 18 characters (GB 32100-2015)" }),
    type: z.enum(unitTypeCodes).meta({ description: "Host unit type (Art. 2)" }),
    registeredDivision: z
      .string()
      .regex(/^\d{6}$/, "must be a 6-digit GB/T 2260 division code")
      .meta({
        description:
          "GB/T 2260 code of the registration address's division (420106 = 武昌区); Art. 7.1 uses this, not USCC digits 3–8",
      }),
    college: text.optional().meta({ description: "For a university: the college (学院) hosting the base (Art. 7.5)" }),
    isIndependentLegalPerson: z.boolean().optional().meta({ description: "独立法人机构 (Art. 7.1)" }),
    inExistence: z
      .boolean()
      .optional()
      .meta({ description: "在有效存续期内: not deregistered, revoked or dissolved (Art. 7.1)" }),
    foundedOn: isoDate.optional().meta({
      description: "Date of establishment; a firm younger than the R&D window uses its actual years (Art. 8.3)",
    }),
  })
  .meta({ description: "The host unit (依托单位)" });

const partnerSchema = z.object({
  name: text,
  country: country.meta({ description: "Country (region) of the partner institution" }),
  isInternationalOrganization: z
    .boolean()
    .optional()
    .meta({ description: "The partner is an international organization (Art. 13)" }),
  headquartersCountry: country
    .optional()
    .meta({ description: "For an international organization: its headquarters country (Art. 13)" }),
  mainProjectCountry: country
    .optional()
    .meta({ description: "For an international organization: the country of the main joint project (Art. 13)" }),
  field: text.optional(),
  agreement: z
    .object({
      start: isoDate.optional().meta({ description: "Date the cooperation agreement takes effect" }),
      end: isoDate
        .optional()
        .meta({ description: "Expiry date; valid when on or after the reference date (Art. 7.2)" }),
      fileRef: z.string().optional(),
    })
    .optional(),
});

const dated = z.object({ title: text.optional(), date: isoDate });

const evidenceSchema = z
  .object({
    internationalProjects: z
      .array(
        dated.extend({
          level: z.enum(projectLevels).meta({ description: "national / ministerial / provincial count as 省级及以上" }),
          end: isoDate
            .optional()
            .meta({ description: "Project end; the project counts when its period overlaps the look-back window" }),
        }),
      )
      .optional()
      .meta({
        description: "International S&T cooperation projects undertaken (Art. 8.1, 10.1); `date` = start or approval",
      }),
    jointPapers: z
      .array(
        dated.extend({ isHighLevel: z.boolean().optional().meta({ description: "false excludes it; absent counts" }) }),
      )
      .optional()
      .meta({
        description: "High-level papers published jointly with foreign partners (Art. 8.2); `date` = publication",
      }),
    academicEvents: z
      .array(
        dated.extend({
          role: z
            .enum(["host", "co-host", "participant"])
            .optional()
            .meta({ description: "participant does not count; absent counts" }),
          isHighLevel: z.boolean().optional(),
        }),
      )
      .optional()
      .meta({ description: "High-level international academic events co-hosted (Art. 8.2)" }),
    finance: z
      .object({
        amountUnit: z
          .enum(["yuan", "ten-thousand-yuan"])
          .meta({ description: "Unit of revenue and rdExpense: 元 or 万元" }),
        years: z.array(
          z.object({
            year: z.number().int().min(1900).max(2200),
            revenue: z.number().nonnegative().meta({ description: "Sales revenue (销售收入) of the fiscal year" }),
            rdExpense: z.number().nonnegative().meta({ description: "R&D expense (研发费用) of the fiscal year" }),
          }),
        ),
      })
      .optional()
      .meta({ description: "Fiscal years for the R&D intensity of an enterprise host (Art. 8.3)" }),
    ownIntellectualProperty: z
      .array(z.object({ title: text, kind: z.string().optional() }))
      .optional()
      .meta({ description: "Self-owned IP from the cooperation (Art. 8.3)" }),
    transferServiceTeam: z
      .object({ size: z.number().int().nonnegative(), description: z.string().optional() })
      .optional()
      .meta({ description: "Professional international technology-transfer service team (Art. 9.1)" }),
    transferProjects: z
      .array(
        dated.extend({
          status: z
            .enum(["implemented", "ongoing", "planned"])
            .optional()
            .meta({ description: "absent counts as implemented" }),
        }),
      )
      .optional()
      .meta({
        description: "International technology-transfer projects implemented (Art. 9.2); `date` = implementation",
      }),
    transferEvents: z
      .array(dated)
      .optional()
      .meta({ description: "International technology-transfer and S&T exchange events held (Art. 9.3)" }),
    cooperationResults: z
      .string()
      .optional()
      .meta({ description: "Results and demonstration effect of the cooperation (Art. 10.2)" }),
    overseasPremises: z
      .object({
        hasFixedPremises: z.boolean(),
        country: country.optional(),
        address: z.string().optional(),
        functions: z.array(z.string()).optional(),
      })
      .optional()
      .meta({ description: "Fixed premises abroad for an offshore platform (Art. 11.1)" }),
    overseasStaff: z
      .object({ count: z.number().int().nonnegative(), country: country.optional() })
      .optional()
      .meta({ description: "Staff abroad for an offshore platform (Art. 11.2)" }),
  })
  .meta({
    description: "Evidence by type of base; lists cover the look-back window (近3年) before the reference date",
  });

export const managementSystemKeys = [
  "ipOwnership",
  "benefitSharing",
  "crossBorderData",
  "humanGeneticResources",
  "ethics",
  "disputeHandling",
  "securityRisk",
] as const;
export type ManagementSystemKey = (typeof managementSystemKeys)[number];

const managementSystemsSchema = z
  .object({
    ipOwnership: fileOrFlag.optional().meta({ description: "知识产权归属" }),
    benefitSharing: fileOrFlag.optional().meta({ description: "权益分配" }),
    crossBorderData: fileOrFlag.optional().meta({ description: "数据跨境" }),
    humanGeneticResources: fileOrFlag.optional().meta({ description: "人类遗传资源" }),
    ethics: fileOrFlag.optional().meta({ description: "科技伦理" }),
    disputeHandling: fileOrFlag.optional().meta({ description: "违约责任及争议处理方案" }),
    securityRisk: fileOrFlag.optional().meta({ description: "科技安全风险研判、预警监测和综合评估机制" }),
  })
  .meta({ description: "Management systems of Art. 7.4" });

export const applicationSchema = z
  .object({
    type: z.enum(baseTypeCodes).meta({ description: "Base type (Art. 6)" }),
    field: text.meta({ description: "Field (领域) of the base, e.g. 人工智能" }),
    isOffshore: z
      .boolean()
      .optional()
      .meta({ description: "An offshore innovation platform (离岸创新平台, Art. 6, 11); default false" }),
    isKey: z.boolean().optional().meta({
      description: "A key base (省重点国合基地, Art. 2): an offshore platform selected by targeted call; default false",
    }),
    offshoreCountry: country
      .optional()
      .meta({ description: "Where the offshore platform is located (Art. 7.5 exception)" }),
    region: z
      .enum(regionCodes)
      .optional()
      .meta({ description: "Cooperation with Hong Kong, Macao or Taiwan (Art. 30)" }),
    countries: z
      .object({
        key: z.array(country).meta({ description: "重点合作国家(地区)" }),
        main: z.array(country).meta({ description: "主要合作国家(地区)" }),
        radiating: z.array(country).meta({ description: "辐射合作国家(地区)" }),
      })
      .optional()
      .meta({ description: "Key, main and radiating cooperation countries (regions) (Art. 13)" }),
    partners: z
      .array(partnerSchema)
      .optional()
      .meta({ description: "Partner institutions and agreements (Art. 7.2, 13)" }),
    team: z
      .object({
        members: z.array(
          z.object({ name: text, role: z.string().optional(), hasInternationalExperience: z.boolean().optional() }),
        ),
      })
      .optional()
      .meta({ description: "The composite team (Art. 7.2)" }),
    developmentGoals: z.string().optional().meta({ description: "Development goals (Art. 7.3)" }),
    operatingMechanism: z.string().optional().meta({ description: "Operating mechanism (Art. 7.3)" }),
    evidence: evidenceSchema.optional(),
    managementSystems: managementSystemsSchema.optional(),
    attestations: z
      .object({
        truthful: z.boolean().optional().meta({ description: "Materials are true, lawful and compliant (Art. 14.1)" }),
        noStateSecrets: z.boolean().optional().meta({ description: "No material involves state secrets (Art. 14.1)" }),
        partnersNoObjection: z
          .boolean()
          .optional()
          .meta({ description: "The overseas partners do not object (call requirement)" }),
      })
      .optional(),
    nationalPlatformDifference: z
      .string()
      .optional()
      .meta({ description: "When the unit holds a national platform: how this base differs (Art. 7.6)" }),
  })
  .meta({ description: "The application" });

export const directorSchema = z
  .object({
    name: text,
    personId: text.meta({
      description:
        "Stable identifier (e.g. a hash of the ID number) matched against registry.activeBases[].directorId and creditRecords[].id",
    }),
    title: z.enum(titleCodes).optional().meta({ description: "Professional title: senior = 正高级 (Art. 12.2)" }),
    hasEquivalentAbility: z
      .boolean()
      .optional()
      .meta({ description: "同等研究能力 claimed for a non-senior director of a non-joint-research base (Art. 12.2)" }),
    fullTime: z.boolean().optional().meta({ description: "Full-time at the host unit (Art. 12.1)" }),
    fullTimeBasis: z
      .enum(["social-insurance", "employment-contract"])
      .optional()
      .meta({ description: "社保缴纳记录 or 人才聘用合同 (Art. 12.1)" }),
    isResearchLead: z
      .boolean()
      .optional()
      .meta({ description: "The base's research lead or main team leader (Art. 12.1)" }),
  })
  .meta({ description: "The base director (基地负责人, Art. 12)" });

export const registrySchema = z
  .object({
    activeBases: z
      .array(
        z.object({
          name: z.string().optional(),
          unitUscc: z.string(),
          college: z.string().optional(),
          field: z.string().optional(),
          isOffshore: z.boolean().optional(),
          offshoreCountry: country.optional(),
          directorId: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: "Bases currently recognized (Art. 7.5, 12.3); absent = unknown" }),
    revocations: z
      .array(z.object({ unitUscc: z.string(), date: isoDate, ground: z.number().int().min(1).max(9).optional() }))
      .optional()
      .meta({ description: "Revocations (Art. 20, 24); absent = unknown" }),
    nationalPlatforms: z
      .array(z.object({ unitUscc: z.string(), kind: z.enum(nationalPlatformKindCodes), name: z.string().optional() }))
      .optional()
      .meta({ description: "National platforms held (Art. 7.6); absent = unknown" }),
    creditRecords: z
      .array(
        z.object({
          subject: z.enum(["unit", "director"]),
          id: z.string().meta({ description: "unit USCC or director personId" }),
          date: isoDate,
          kind: z.enum(creditRecordKinds),
          note: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: "Bad credit and research-integrity records (Art. 7.1, 12.1); absent = unknown" }),
  })
  .meta({ description: "Registry facts as the caller knows them; the public API never reads the real registry" });

export const eligibilityInputSchema = z
  .object({
    caseId: z.string().optional().meta({ description: "Free label echoed in the result (batches)" }),
    description: z.string().optional(),
    edition: z
      .literal("2025")
      .optional()
      .meta({ description: "Edition of the measures; default: the one in force on referenceDate" }),
    referenceDate: isoDate.meta({ description: "The call's deadline: every look-back is counted from it" }),
    unit: unitSchema,
    application: applicationSchema,
    director: directorSchema.optional(),
    registry: registrySchema.optional(),
  })
  .meta({
    title: "EligibilityInput",
    description: "One eligibility case for 《湖北省国际科技合作基地管理办法》 Art. 7–13, 14.1, 20",
  });

export type EligibilityInput = z.infer<typeof eligibilityInputSchema>;
export type EligibilityUnit = EligibilityInput["unit"];
export type EligibilityApplication = EligibilityInput["application"];
export type EligibilityDirector = z.infer<typeof directorSchema>;
export type RegistryFacts = z.infer<typeof registrySchema>;

export interface InputError {
  path: string;
  messageZh: string;
  messageEn: string;
}

function describeIssue(issue: z.core.$ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? { zh: "缺少必填项", en: "required field is missing" }
        : { zh: `类型错误，应为 ${issue.expected}`, en: `expected ${issue.expected}` };
    case "invalid_value":
      return { zh: `取值无效，可选：${issue.values.join("、")}`, en: `must be one of: ${issue.values.join(", ")}` };
    case "too_small":
      return { zh: "不能为空或过小", en: "is empty or too small" };
    default:
      return { zh: `格式无效：${issue.message}`, en: issue.message };
  }
}

/** The parsed input, or each problem with its dotted path ("unit.registeredDivision"). */
export function parseEligibilityInput(
  raw: unknown,
): { ok: true; input: EligibilityInput } | { ok: false; errors: InputError[] } {
  const result = eligibilityInputSchema.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".") || "(root)";
      const { zh, en } = describeIssue(issue);
      return { path, messageZh: `${path}：${zh}`, messageEn: `${path}: ${en}` };
    }),
  };
}
