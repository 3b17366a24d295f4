import { z } from "zod";
import { isIsoDate } from "../calendar/dates";
import { baseTypeCodes } from "../reference/base-types";
import { creditRecordKinds, nationalPlatformKindCodes, projectLevels } from "../reference/evidence-kinds";
import { regionCodes } from "../reference/regions";
import { titleCodes } from "../reference/titles";
import { unitTypeCodes } from "../reference/unit-types";
import { dropUnknownKeys, type InputError, inputErrorsOf } from "./input-errors";
import { codeText, identifierText, lineText, proseText, requiredText } from "./text";

export type { InputError, InputErrorCode } from "./input-errors";

/**
 * The eligibility input: everything the rules of Art. 7–13, 14.1 and 20 need, so a check is reproducible
 * without a database. This is a public contract (docs/eligibility-input.schema.json is generated from it):
 * change it only compatibly — new fields optional, no renames. Optional sections left out give `missing`
 * verdicts, never errors.
 *
 * Every object is strict: an unknown key (a misspelt `isOfshore`) is a field error naming the key and the closest
 * known one, never silently dropped. Text is normalised here, once (./text.ts): trimmed of white space and invisible
 * characters, control characters refused; codes NFKC-normalised and upper-cased (ＡＴ → AT).
 */
const isoDate = identifierText()
  .superRefine((value, context) => {
    if (isIsoDate(value)) return;
    context.addIssue({
      code: "custom",
      input: value,
      params: {
        code: "invalid-format",
        zh: `应为 YYYY-MM-DD 格式的真实日期，实际为 ${JSON.stringify(value)}`,
        en: `must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
      },
    });
  })
  .meta({ format: "date", description: "ISO date YYYY-MM-DD", examples: ["2026-03-31"] });

const text = requiredText();
const country = codeText().min(1).meta({
  description:
    "Country or region, preferably ISO 3166-1 alpha-2 (DE, SG; HK, MO, TW for the regions); NFKC-normalised and upper-cased (ＡＴ, at → AT)",
});
const uscc = codeText().meta({
  description: "统一社会信用代码, 18 characters (GB 32100-2015); NFKC-normalised and upper-cased",
});
const fileOrFlag = z.union([z.boolean(), lineText()]).meta({
  description: "true when the document exists, false when it does not, or a file reference (non-empty string)",
});

/** A period whose end precedes its start contradicts itself: a field error on the end, naming both dates. */
function endNotBeforeStart(
  start: string | undefined,
  end: string | undefined,
  what: { zh: string; en: string },
): { zh: string; en: string } | null {
  if (start === undefined || end === undefined || end >= start) return null;
  return {
    zh: `${what.zh}的结束日期 ${end} 早于开始日期 ${start}`,
    en: `${what.en} ends (${end}) before it starts (${start})`,
  };
}

export const unitSchema = z
  .strictObject({
    name: text.meta({ description: "Registered name of the host unit (依托单位)" }),
    uscc,
    type: z.enum(unitTypeCodes).meta({ description: "Host unit type (Art. 2)" }),
    registeredDivision: codeText()
      .superRefine((value, context) => {
        if (/^\d{6}$/.test(value)) return;
        context.addIssue({
          code: "custom",
          input: value,
          params: {
            code: "invalid-format",
            zh: `应为 6 位 GB/T 2260 行政区划代码，实际为 ${JSON.stringify(value)}`,
            en: `must be a 6-digit GB/T 2260 division code, got ${JSON.stringify(value)}`,
          },
        });
      })
      .meta({
        description:
          "6-digit GB/T 2260 code of the registration address's division (420106 = 武昌区); Art. 7.1 uses this, not USCC digits 3–8",
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

const partnerSchema = z
  .strictObject({
    name: text,
    originalName: lineText()
      .optional()
      .meta({ description: "The name in its original language (shown on the 申报书; not read by the rules)" }),
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
      .strictObject({
        start: isoDate.optional().meta({ description: "Date the cooperation agreement takes effect" }),
        end: isoDate
          .optional()
          .meta({ description: "Expiry date; valid when on or after the reference date; not before start (Art. 7.2)" }),
        fileRef: lineText().optional(),
      })
      .optional(),
  })
  .superRefine((partner, context) => {
    const contradiction = endNotBeforeStart(partner.agreement?.start, partner.agreement?.end, {
      zh: `与合作机构「${partner.name}」的合作协议`,
      en: `the agreement with the partner "${partner.name}"`,
    });
    if (contradiction)
      context.addIssue({
        code: "custom",
        path: ["agreement", "end"],
        input: partner.agreement?.end,
        params: { code: "contradiction", ...contradiction },
      });
  });

const dated = z.strictObject({ title: text.optional(), date: isoDate });

const evidenceSchema = z
  .strictObject({
    internationalProjects: z
      .array(
        dated
          .extend({
            level: z
              .enum(projectLevels)
              .meta({ description: "national / ministerial / provincial count as 省级及以上" }),
            end: isoDate.optional().meta({
              description: "Project end, not before `date`; the project counts when its period overlaps the window",
            }),
          })
          .superRefine((project, context) => {
            const contradiction = endNotBeforeStart(project.date, project.end, {
              zh: `项目${project.title ? `「${project.title}」` : ""}`,
              en: `the project${project.title ? ` "${project.title}"` : ""}`,
            });
            if (contradiction)
              context.addIssue({
                code: "custom",
                path: ["end"],
                input: project.end,
                params: { code: "contradiction", ...contradiction },
              });
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
      .strictObject({
        amountUnit: z
          .enum(["yuan", "ten-thousand-yuan"])
          .meta({ description: "Unit of revenue and rdExpense: 元 or 万元" }),
        years: z.array(
          z.strictObject({
            year: z.number().int().min(1900).max(2200),
            revenue: z.number().nonnegative().meta({ description: "Sales revenue (销售收入) of the fiscal year" }),
            rdExpense: z.number().nonnegative().meta({ description: "R&D expense (研发费用) of the fiscal year" }),
          }),
        ),
      })
      .optional()
      .meta({ description: "Fiscal years for the R&D intensity of an enterprise host (Art. 8.3)" }),
    ownIntellectualProperty: z
      .array(z.strictObject({ title: text, kind: lineText().optional() }))
      .optional()
      .meta({ description: "Self-owned IP from the cooperation (Art. 8.3)" }),
    transferServiceTeam: z
      .strictObject({ size: z.number().int().nonnegative(), description: proseText().optional() })
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
    cooperationResults: proseText()
      .optional()
      .meta({ description: "Results and demonstration effect of the cooperation (Art. 10.2)" }),
    overseasPremises: z
      .strictObject({
        hasFixedPremises: z.boolean(),
        country: country.optional(),
        address: proseText().optional(),
        functions: z.array(lineText()).optional(),
      })
      .optional()
      .meta({ description: "Fixed premises abroad for an offshore platform (Art. 11.1)" }),
    overseasStaff: z
      .strictObject({ count: z.number().int().nonnegative(), country: country.optional() })
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
  .strictObject({
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
  .strictObject({
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
      .strictObject({
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
      .strictObject({
        members: z.array(
          z.strictObject({
            name: text,
            role: lineText().optional(),
            hasInternationalExperience: z.boolean().optional(),
          }),
        ),
      })
      .optional()
      .meta({ description: "The composite team (Art. 7.2)" }),
    developmentGoals: proseText().optional().meta({ description: "Development goals (Art. 7.3)" }),
    operatingMechanism: proseText().optional().meta({ description: "Operating mechanism (Art. 7.3)" }),
    evidence: evidenceSchema.optional(),
    managementSystems: managementSystemsSchema.optional(),
    attestations: z
      .strictObject({
        truthful: z.boolean().optional().meta({ description: "Materials are true, lawful and compliant (Art. 14.1)" }),
        noStateSecrets: z.boolean().optional().meta({ description: "No material involves state secrets (Art. 14.1)" }),
        partnersNoObjection: z
          .boolean()
          .optional()
          .meta({ description: "The overseas partners do not object (call requirement)" }),
      })
      .optional(),
    nationalPlatformDifference: proseText()
      .optional()
      .meta({ description: "When the unit holds a national platform: how this base differs (Art. 7.6)" }),
  })
  .meta({ description: "The application" });

export const directorSchema = z
  .strictObject({
    name: text,
    personId: identifierText().min(1).meta({
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
  .strictObject({
    activeBases: z
      .array(
        z.strictObject({
          name: lineText().optional(),
          unitUscc: uscc,
          college: lineText().optional(),
          field: lineText().optional(),
          isOffshore: z.boolean().optional(),
          offshoreCountry: country.optional(),
          directorId: identifierText().optional(),
        }),
      )
      .optional()
      .meta({ description: "Bases currently recognized (Art. 7.5, 12.3); absent = unknown" }),
    otherApplications: z
      .array(
        z.strictObject({
          name: lineText().optional(),
          college: lineText().optional(),
          field: lineText().optional(),
          isOffshore: z.boolean().optional(),
          offshoreCountry: country.optional(),
        }),
      )
      .optional()
      .meta({
        description:
          "The host unit's other applications still in progress, in this call or another (Art. 7.5 across applications); absent = none",
      }),
    revocations: z
      .array(
        z.strictObject({
          unitUscc: uscc,
          date: isoDate,
          ground: z.number().int().min(1).max(9).optional(),
          directorId: identifierText()
            .optional()
            .meta({ description: "The revoked base's director (read when the setting banBarsDirector is on)" }),
        }),
      )
      .optional()
      .meta({ description: "Revocations (Art. 20, 24); absent = unknown" }),
    nationalPlatforms: z
      .array(
        z.strictObject({
          unitUscc: uscc,
          kind: z.enum(nationalPlatformKindCodes),
          name: lineText().optional(),
          revokedOn: isoDate
            .optional()
            .meta({ description: "The day MOST revoked the national status (Art. 24); from then it no longer counts" }),
        }),
      )
      .optional()
      .meta({ description: "National platforms held (Art. 7.6); absent = unknown" }),
    creditRecords: z
      .array(
        z.strictObject({
          subject: z.enum(["unit", "director"]),
          id: identifierText().meta({ description: "unit USCC or director personId" }),
          date: isoDate,
          kind: z.enum(creditRecordKinds),
          note: proseText().optional(),
        }),
      )
      .optional()
      .meta({ description: "Bad credit and research-integrity records (Art. 7.1, 12.1); absent = unknown" }),
  })
  .meta({ description: "Registry facts as the caller knows them; the public API never reads the real registry" });

export const eligibilityInputSchema = z
  .strictObject({
    $schema: lineText().optional().meta({ description: "A JSON Schema reference for editors; ignored" }),
    caseId: lineText().optional().meta({ description: "Free label echoed in the result (batches)" }),
    description: proseText().optional(),
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
    description:
      "One eligibility case for 《湖北省国际科技合作基地管理办法》 Art. 7–13, 14.1, 20. Unknown keys are errors; text is trimmed of white space and invisible characters (zero-width spaces, joiners, BOM, soft hyphens, bidi controls), control characters are refused; codes are NFKC-normalised (ＡＴ → AT).",
  });

export type EligibilityInput = z.infer<typeof eligibilityInputSchema>;
export type EligibilityUnit = EligibilityInput["unit"];
export type EligibilityApplication = EligibilityInput["application"];
export type EligibilityDirector = z.infer<typeof directorSchema>;
export type RegistryFacts = z.infer<typeof registrySchema>;

/** The parsed input, or each problem with its dotted path ("unit.registeredDivision") and what is wrong with it. */
export function parseEligibilityInput(
  raw: unknown,
): { ok: true; input: EligibilityInput } | { ok: false; errors: InputError[] } {
  const result = eligibilityInputSchema.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: inputErrorsOf(result.error.issues, eligibilityInputSchema) };
}

/**
 * Removes, in place, the keys of a raw input that the schema does not know, returning their paths. Only for a caller
 * that assembles the input from a wider record (the editor's form carries UI-only keys); a caller sending the input
 * itself (CLI, API) gets each unknown key as an error instead.
 */
export function dropUnknownEligibilityKeys(raw: unknown): string[] {
  return dropUnknownKeys(raw, eligibilityInputSchema);
}
