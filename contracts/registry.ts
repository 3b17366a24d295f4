import { z } from "zod";
import { creditRecordKinds, nationalPlatformKindCodes } from "../policy/reference/evidence-kinds";
import { bilingual } from "./bilingual";
import { isoDate, recordAbilities } from "./common";

/** The registry's facts (issue 4, item 5a): what the eligibility rules read about units, people and bases. */

const optionalText = z.string().trim().max(200).nullable().default(null);

export const creditRecordInput = z
  .object({
    subjectKind: z.enum(["unit", "person"]),
    unitId: z.string().min(1).nullable().default(null),
    personId: z.string().min(1).nullable().default(null),
    kind: z.enum(creditRecordKinds),
    recordedOn: isoDate,
    source: z.string().trim().max(200).default(""),
    note: optionalText,
  })
  .refine((input) => (input.subjectKind === "unit" ? input.unitId !== null : input.personId !== null), {
    message: bilingual("请选择对应的单位或人员", "Choose the unit or person"),
    path: ["subjectKind"],
  });

export const creditRecordSchema = z.object({
  id: z.string(),
  subjectKind: z.enum(["unit", "person"]),
  unitId: z.string().nullable(),
  personId: z.string().nullable(),
  subjectName: z.string(),
  kind: z.string(),
  recordedOn: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  abilities: recordAbilities,
});

export const nationalPlatformInput = z.object({
  unitId: z.string().min(1),
  kind: z.enum(nationalPlatformKindCodes),
  name: z.string().trim().min(2, bilingual("请填写平台名称", "Enter the platform's name")).max(200),
  approvedOn: isoDate.nullable().default(null),
  documentNumber: optionalText,
});

export const nationalPlatformSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.string(),
  name: z.string(),
  approvedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  /** Art. 21: the provincial base that upgraded to this platform, or the MOST base it is (Art. 24). */
  baseId: z.string().nullable(),
  /** Art. 24: the day MOST revoked it; from then it no longer counts for Art. 7.6. */
  revokedOn: z.string().nullable(),
  createdAt: z.string(),
  abilities: recordAbilities,
});

export const revocationInput = z.object({
  unitId: z.string().min(1),
  baseId: z.string().min(1).nullable().default(null),
  baseName: z.string().trim().min(2, bilingual("请填写基地名称", "Enter the base's name")).max(200),
  /** Art. 20: ground 1–9. */
  ground: z.enum(["1", "2", "3", "4", "5", "6", "7", "8", "9"]),
  revokedOn: isoDate,
  documentNumber: optionalText,
});

export const revocationSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  baseId: z.string().nullable(),
  baseName: z.string(),
  ground: z.string(),
  revokedOn: z.string(),
  /** The 3-year ban ends on this date (Art. 20, 24; SPEC §7). */
  banEndsOn: z.string(),
  documentNumber: z.string().nullable(),
  createdAt: z.string(),
  abilities: recordAbilities,
});

/** A base's key, main and radiating cooperation countries (Art. 13) as ISO codes (bases.countries). */
export const baseCountries = z.object({
  key: z.array(z.string()),
  main: z.array(z.string()),
  radiating: z.array(z.string()),
});
export type BaseCountries = z.infer<typeof baseCountries>;

export const registryBaseSchema = z.object({
  id: z.string(),
  standardName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  type: z.string(),
  field: z.string(),
  directorName: z.string(),
  countries: baseCountries,
  recognizedOn: z.string(),
  documentNumber: z.string(),
  origin: z.string(),
  status: z.string(),
});

export const registryListQuery = z.object({ unitId: z.string().optional() });

export const importRowReport = z.object({
  /** The sheet the row is on (基地登记册, 撤销记录, 联盟成员). */
  sheet: z.string().optional(),
  row: z.number().int(),
  ok: z.boolean(),
  baseName: z.string(),
  errors: z.array(z.object({ column: z.string(), messageZh: z.string(), messageEn: z.string() })),
});

export const importReport = z.object({
  imported: z.number().int(),
  rows: z.array(importRowReport),
  /** Past revocations (Art. 20) and alliance memberships (Art. 27) from the workbook's extra sheets. */
  revocations: z.number().int().optional(),
  allianceMembers: z.number().int().optional(),
  alliancesCreated: z.number().int().optional(),
});

/** The import file's columns, in order (the template's header row). */
export const baseImportColumns = [
  "基地名称",
  "依托单位",
  "统一社会信用代码",
  "类型",
  "领域",
  "负责人",
  "重点合作国家",
  "认定日期",
  "认定文号",
  "来源",
] as const;
