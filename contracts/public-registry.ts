import { z } from "zod";
import { baseTypeCodes } from "../policy/reference/base-types";
import { hubeiDivisions } from "../policy/reference/divisions";
import { bilingual } from "./bilingual";
import { publicBaseSortKeys, sortQuery, yearFilter } from "./lists";

/**
 * The public registry of recognized bases (SPEC §1 "public"): open data, no sign-in. A base's standard name,
 * type, host unit, field, division, partner countries, recognition date and document number, and the director's
 * name — no other personal data.
 */
export const publicBaseQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(baseTypeCodes).optional(),
  field: z.string().trim().max(50).optional(),
  division: z
    .string()
    .refine(
      (code) => hubeiDivisions.some((division) => division.code === code),
      bilingual("不是湖北省的市州代码（GB/T 2260）", "Not a Hubei prefecture code (GB/T 2260)"),
    )
    .optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[A-Z]{2}$/,
      bilingual("国家（地区）代码应为 2 位字母（ISO 3166-1）", "A country code has 2 letters (ISO 3166-1)"),
    )
    .optional(),
  /** The year of recognition (认定年度). */
  year: yearFilter.optional(),
  ...sortQuery(publicBaseSortKeys),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicBaseQuery = z.infer<typeof publicBaseQuery>;

const country = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const publicBaseSchema = z.object({
  id: z.string(),
  /** The standard name (Art. 29–30). */
  name: z.string(),
  type: z.string(),
  typeZh: z.string(),
  typeEn: z.string(),
  isKey: z.boolean(),
  unit: z.string(),
  field: z.string(),
  /** The field's English name (the Chinese one when the list of fields has none). */
  fieldEn: z.string(),
  /** GB/T 2260 code of the host unit's prefecture. */
  division: z.string(),
  divisionZh: z.string(),
  divisionEn: z.string(),
  countries: z.object({ key: z.array(country), main: z.array(country), radiating: z.array(country) }),
  recognizedOn: z.string(),
  documentNumber: z.string(),
  director: z.string(),
  status: z.string(),
  statusZh: z.string(),
  statusEn: z.string(),
});
export type PublicBase = z.infer<typeof publicBaseSchema>;

export const publicBasePage = z.object({ items: z.array(publicBaseSchema), total: z.number().int() });

const facet = z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string(), count: z.number().int() });
export const publicBaseFacets = z.object({
  types: z.array(facet),
  fields: z.array(facet),
  divisions: z.array(facet),
  countries: z.array(facet),
});
export type PublicBaseFacets = z.infer<typeof publicBaseFacets>;
