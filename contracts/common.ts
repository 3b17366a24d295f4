import { z } from "zod";

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
