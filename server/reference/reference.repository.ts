import { asc, desc } from "drizzle-orm";
import type { Executor } from "../db/client";
import { beltAndRoad, fields } from "../db/schema";

/** The fields (领域) officers maintain, in their display order. */
export function listFields(executor: Executor) {
  return executor.select().from(fields).orderBy(asc(fields.sortOrder), asc(fields.nameZh));
}

/** The Belt and Road list as officers entered it, the latest flags first. */
export function listBeltAndRoad(executor: Executor) {
  return executor
    .select({
      id: beltAndRoad.id,
      country: beltAndRoad.country,
      since: beltAndRoad.since,
      until: beltAndRoad.until,
      note: beltAndRoad.note,
    })
    .from(beltAndRoad)
    .orderBy(desc(beltAndRoad.since), asc(beltAndRoad.country));
}
