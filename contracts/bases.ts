import { z } from "zod";
import { baseStates } from "../policy/lifecycles/base.transitions";
import { baseTypeCodes } from "../policy/reference/base-types";
import { baseEventSchema } from "./base-timeline";
import { paged, pageQuery, recordAbilities } from "./common";
import { baseSortKeys, prefectureFilter, searchText, sortQuery, yearFilter } from "./lists";
import { baseCountries } from "./registry";

/**
 * Bases as records (Art. 16.3 跟踪监测): every base in the registry, recognized on the platform or imported, with
 * its facts and a timeline. Labels travel with the codes, so the UI looks nothing up.
 */
export const baseListQuery = z.object({
  q: searchText,
  status: z.enum(baseStates).optional(),
  type: z.enum(baseTypeCodes).optional(),
  /** The host unit's 市州 (GB/T 2260 prefecture). */
  division: prefectureFilter.optional(),
  field: z.string().trim().max(50).optional(),
  /** The year of recognition (认定年度). */
  year: yearFilter.optional(),
  ...sortQuery(baseSortKeys),
  ...pageQuery,
});
export type BaseListQuery = z.infer<typeof baseListQuery>;

export const baseSummary = z.object({
  id: z.string(),
  /** The standard name (Art. 29–30); imported bases keep the name they were recognized under. */
  standardName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  type: z.string(),
  typeZh: z.string(),
  typeEn: z.string(),
  isKey: z.boolean(),
  field: z.string(),
  status: z.string(),
  statusZh: z.string(),
  statusEn: z.string(),
  recognizedOn: z.string(),
  documentNumber: z.string(),
});
export type BaseSummary = z.infer<typeof baseSummary>;

export const basePage = paged(baseSummary);

/** One entry of a base's timeline: a stored base event, or the recognition or import the base row itself records. */
export const baseTimelineEntry = baseEventSchema.extend({ labelZh: z.string(), labelEn: z.string() });
export type BaseTimelineEntry = z.infer<typeof baseTimelineEntry>;

/** A year's annual report of the base, as far as the caller may read it. */
export const baseReportSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  state: z.string(),
  stateZh: z.string(),
  stateEn: z.string(),
});

const countryName = z.object({ nameZh: z.string(), nameEn: z.string() });

export const baseDetail = baseSummary.extend({
  recommenderName: z.string(),
  directorName: z.string(),
  isOffshore: z.boolean(),
  /** ISO codes (Art. 13); `countryNames` labels each of them. */
  countries: baseCountries,
  countryNames: z.record(z.string(), countryName),
  origin: z.string(),
  originZh: z.string(),
  originEn: z.string(),
  edition: z.string(),
  editionZh: z.string(),
  editionEn: z.string(),
  statusChangedOn: z.string().nullable(),
  timeline: z.array(baseTimelineEntry),
  annualReports: z.array(baseReportSummary),
  abilities: recordAbilities,
});
export type BaseDetail = z.infer<typeof baseDetail>;
