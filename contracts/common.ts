import { z } from "zod";
import { isIsoDate } from "../policy/calendar/dates";
import { bilingual } from "./bilingual";

/**
 * A real calendar date written YYYY-MM-DD (policy/calendar/dates.ts): 2028-02-29 passes; 2027-02-29, 2027-02-30 and
 * 2026-13-01 are refused at the edge, never stored. Every date a request carries goes through this one schema.
 */
export const isoDate = z
  .string()
  .refine(
    isIsoDate,
    bilingual("日期应为 YYYY-MM-DD 格式的真实日期", "Not a calendar date: write a real date as YYYY-MM-DD"),
  );

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const okResponse = z.object({ ok: z.literal(true) });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** Abilities of the caller on one record, so the UI shows only what the server would allow. */
export const recordAbilities = z.array(z.string());

/** Ids of other records as a stored list (a notice's applications, a visit's files), in their order. */
export const idList = z.array(z.string());
