import { z } from "zod";
import { holidaySourceKinds } from "../policy/calendar/holiday-sources";
import { bilingual } from "./bilingual";
import { isoDate } from "./common";
import { fieldErrorSchema } from "./errors";

export const labelled = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const countrySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** HK, MO, TW: regions of China (中国香港/中国澳门/中国台湾), not foreign countries (Art. 30). */
  isChineseRegion: z.boolean(),
  /** 一带一路 co-building country on the given date. */
  isBri: z.boolean(),
});

export const fieldSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});

export const fieldInput = z.object({
  nameZh: z.string().trim().min(1, bilingual("请填写领域名称", "Enter the field's name")).max(50),
  nameEn: z.string().trim().min(1, bilingual("请填写英文名称", "Enter the English name")).max(100),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});

export const beltAndRoadEntry = z.object({
  id: z.string(),
  country: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  note: z.string().nullable(),
});

export const beltAndRoadInput = z.object({
  country: z.string().length(2, bilingual("请选择国家", "Choose a country")),
  since: isoDate,
  until: isoDate.nullable().default(null),
  note: z.string().trim().max(200).nullable().default(null),
});

export const referenceBundle = z.object({
  divisions: z.array(labelled),
  unitTypes: z.array(labelled),
  titles: z.array(labelled),
  roles: z.array(labelled),
  fields: z.array(fieldSchema),
});

// Public holidays (SPEC §2): the packaged calendar's years and the years officers entered from the State Council's
// notices. The source kinds and their labels are policy's (policy/calendar/holiday-sources.ts).

/** A year in a path (/api/reference/holiday-years/2027). */
export const holidayYearParams = z.object({
  year: z.coerce
    .number()
    .int(bilingual("年份应为整数", "The year is a whole number"))
    .min(1900, bilingual("年份有误", "Not a plausible year"))
    .max(2200, bilingual("年份有误", "Not a plausible year")),
});

const documentNumber = z
  .string(bilingual("请填写国务院办公厅通知的文号", "Enter the State Council notice's document number"))
  .trim()
  .min(1, bilingual("请填写国务院办公厅通知的文号", "Enter the State Council notice's document number"))
  .max(100);
const holidayNote = z.string().trim().max(500).nullable().default(null);
const dateList = z.array(isoDate).max(366, bilingual("日期过多", "Too many dates"));

/** PUT /api/reference/holiday-years/:year — the schedule typed in from the notice (source kind `state-council`). */
export const holidayYearInput = z.object({
  documentNumber,
  note: holidayNote,
  holidays: dateList,
  adjustedWorkingDays: dateList.default([]),
  /** Replaces a packaged year's data: only when the State Council changed a published schedule. */
  correction: z.boolean().default(false),
});

/** The form fields of POST /api/reference/holiday-years/import, sent before the file part. */
export const holidayYearImportFields = z.object({
  documentNumber,
  note: holidayNote,
  /** Optional: the year of the dates in the file when absent. */
  year: holidayYearParams.shape.year.optional(),
  correction: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

/** DELETE /api/reference/holiday-years/:year — the reason goes into the audit log. */
export const holidayYearDeleteInput = z.object({
  reason: z
    .string(bilingual("请填写删除原因", "Give the reason for deleting"))
    .trim()
    .min(1, bilingual("请填写删除原因", "Give the reason for deleting"))
    .max(500),
});

export const holidayYearSchema = z.object({
  year: z.number().int(),
  sourceKind: z.enum(holidaySourceKinds),
  documentNumber: z.string().nullable(),
  note: z.string().nullable(),
  /** An estimate loaded with the demo, not the State Council's schedule. */
  isDemo: z.boolean(),
  /** The year is also in the packaged data: this entry corrects it. */
  correctsPackaged: z.boolean(),
  enteredBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  holidays: z.array(z.string()),
  adjustedWorkingDays: z.array(z.string()),
  holidayCount: z.number().int(),
  adjustedWorkingDayCount: z.number().int(),
});

export const holidayYearList = z.object({
  /** The years the built-in calendar package covers. */
  packaged: z.object({
    packageName: z.string(),
    version: z.string(),
    from: z.number().int(),
    to: z.number().int(),
  }),
  years: z.array(holidayYearSchema),
});

/** A warning is a refusal that did not stop the save: the officer should check it. */
export const holidayYearWarning = fieldErrorSchema.extend({ code: z.string() });

export const holidayYearSaved = z.object({
  year: holidayYearSchema,
  created: z.boolean(),
  warnings: z.array(holidayYearWarning),
  /** Import only: the data rows read from the file. */
  rows: z.number().int().optional(),
});
