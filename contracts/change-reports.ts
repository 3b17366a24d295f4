import { z } from "zod";
import { verdicts } from "../policy/eligibility/findings";
import {
  changeReportEvents,
  changeReportStates,
  type MajorChangeKind,
  majorChangeKinds,
} from "../policy/lifecycles/change-report.transitions";
import { isoDate, recordAbilities } from "./common";
import { evidenceFileSchema } from "./evidence";

/**
 * Major change reports (Art. 18.5): work plan, director, name (field), key or main cooperation countries. The host
 * unit reports the change with its date; the recommender approves or returns; the department files it (备案), which
 * updates the registry. Each record carries what its reader may do (`abilities`, `availableEvents`).
 */
const text = (max: number) => z.string().trim().max(max);
const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2");

export const majorChangeKindCodes = majorChangeKinds.map((kind) => kind.code) as [
  MajorChangeKind,
  ...MajorChangeKind[],
];

export const changeCountries = z.strictObject({
  key: z.array(country).max(50),
  main: z.array(country).max(50),
  radiating: z.array(country).max(100),
});

/** What the unit reports as the new value, by kind (only the kind's fields are kept). */
export const changeValuesInput = z.strictObject({
  /** work-plan: what the new 建设工作方案 changes (the plan itself is an evidence file). */
  workPlanSummary: text(3_000).optional(),
  /** director: a person of the unit (picked) or a name typed. */
  directorName: text(100).optional(),
  directorPersonId: z.string().trim().max(64).nullable().optional(),
  /** name: the new field; the standard name is generated from it (Art. 29–30). */
  field: text(50).optional(),
  /** key-or-main-countries: the base's three levels after the change (Art. 13). */
  countries: changeCountries.optional(),
});

export const changeValues = changeValuesInput.extend({ standardName: z.string().optional() });
/** A change's values as stored (change_reports.proposed / previous). */
export type ChangeValues = z.infer<typeof changeValues>;

export const changeReportCreate = z.strictObject({
  baseId: z.string().min(1).max(64),
  kind: z.enum(majorChangeKindCodes),
  changedOn: isoDate,
  description: text(5_000).optional(),
  proposed: changeValuesInput.optional(),
});

/** A draft's edit (draft or returned only), under the version lock. */
export const changeReportUpdate = z.strictObject({
  kind: z.enum(majorChangeKindCodes).optional(),
  changedOn: isoDate.optional(),
  description: text(5_000).optional(),
  proposed: changeValuesInput.optional(),
  expectedVersion: z.number().int().min(1),
});

export const changeReportEventRequest = z.strictObject({
  event: z.enum(changeReportEvents),
  reason: text(1_000).optional(),
  expectedVersion: z.number().int().min(1),
});

export const changeReportListQuery = z.object({
  state: z.enum(changeReportStates).optional(),
  kind: z.enum(majorChangeKindCodes).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  baseId: z.string().max(64).optional(),
});

export const changeReportSummary = z.object({
  id: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  kind: z.enum(majorChangeKindCodes),
  kindZh: z.string(),
  kindEn: z.string(),
  changedOn: z.string(),
  /** The last day to file with the province: 3 calendar months after the change (Art. 18.5). */
  dueOn: z.string(),
  /** Days from today (China) to the due date; negative once it has passed. */
  daysLeft: z.number().int(),
  /** Not filed and past its due date. */
  overdue: z.boolean(),
  state: z.enum(changeReportStates),
  stateZh: z.string(),
  stateEn: z.string(),
  filedOn: z.string().nullable(),
  /** Filed after the due date (flagged, Art. 20.8); null until filed. */
  filedLate: z.boolean().nullable(),
  updatedAt: z.string(),
  abilities: recordAbilities,
  availableEvents: z.array(z.enum(changeReportEvents)),
});

/** One rule re-run on the changed base (Art. 7.2, 12, 13), with its article and verdict. */
export const changeCheck = z.object({
  article: z.string(),
  verdict: z.enum(verdicts),
  ruleId: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});

const problem = z.object({
  code: z.string(),
  article: z.string().optional(),
  path: z.string().optional(),
  messageZh: z.string(),
  messageEn: z.string(),
});

export const changeReportDetail = changeReportSummary.extend({
  unitId: z.string(),
  baseStatus: z.string(),
  description: z.string(),
  proposed: changeValues,
  /** The registry's values the filing replaced (history); null until filed. */
  previous: changeValues.nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  edition: z.string(),
  version: z.number().int(),
  /** The unit may still edit the draft (draft or returned). */
  editable: z.boolean(),
  /** What filing would do now (or did): the values before and after, the rules re-run, what stops it. */
  effects: z.object({
    previousText: z.string(),
    newText: z.string(),
    newStandardName: z.string().nullable(),
    checks: z.array(changeCheck),
    warnings: z.array(changeCheck),
    refusals: z.array(problem),
  }),
  files: z.array(evidenceFileSchema),
});

/** A filed change as the year's annual report lists it (Art. 18.5: 在当年工作报告中予以说明). */
export const filedChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(majorChangeKindCodes),
  kindZh: z.string(),
  kindEn: z.string(),
  changedOn: z.string(),
  filedOn: z.string(),
  filedLate: z.boolean(),
  previousValue: z.string(),
  newValue: z.string(),
  description: z.string(),
});

export type ChangeReportSummary = z.infer<typeof changeReportSummary>;
export type ChangeReportDetail = z.infer<typeof changeReportDetail>;
export type ChangeReportListQuery = z.infer<typeof changeReportListQuery>;
export type ChangeReportCreate = z.infer<typeof changeReportCreate>;
export type ChangeReportUpdate = z.infer<typeof changeReportUpdate>;
export type ChangeValuesInput = z.infer<typeof changeValuesInput>;
export type FiledChange = z.infer<typeof filedChangeSchema>;
