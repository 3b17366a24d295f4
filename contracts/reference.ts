import { z } from "zod";
import { bilingual } from "./bilingual";

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual("日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"));

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
