import { type AnyColumn, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { SortOrder } from "../../contracts/lists";

/**
 * A whitelisted sort column in the direction asked (ascending by default), empty values last either way, so a
 * list's order never depends on how a database sorts NULL.
 */
export function orderBy(column: AnyColumn | SQL, order: SortOrder | undefined): SQL[] {
  return [sql`${column} is null`, order === "desc" ? desc(column) : asc(column)];
}

/**
 * Rows whose division lies in a 市州: a unit's division may be a county (420111 洪山区) of the prefecture with the
 * same first 4 digits, except the directly administered cities 429xxx, which are their own prefecture.
 */
export function inPrefecture(divisionColumn: AnyColumn, prefecture: string): SQL {
  return prefecture.startsWith("429")
    ? eq(divisionColumn, prefecture)
    : sql`left(${divisionColumn}, 4) = ${prefecture.slice(0, 4)}`;
}

/**
 * Every row of a list a batch at a time: `page` reads one window of the list in its order. The next window is asked
 * for as soon as a full one arrives, so on PostgreSQL the database reads it while the caller writes this one out.
 * Windows start at `first` rows, so the download starts at once, and double up to `largest`: each window past the
 * first is read again from the list's start (offset), and with 500-row windows a 10k-row export waited on the
 * database a third of its time. Two windows are in memory at most (a few MB at the largest).
 */
export async function* inBatches<Row>(
  page: (limit: number, offset: number) => Promise<Row[]>,
  { first = 1_000, largest = 8_000 }: { first?: number; largest?: number } = {},
): AsyncGenerator<Row[]> {
  let size = first;
  let next: Promise<Row[]> | null = page(size, 0);
  try {
    for (let offset = 0; next; ) {
      const rows: Row[] = await next;
      const full = rows.length === size;
      offset += size;
      size = Math.min(size * 2, largest);
      next = full ? page(size, offset) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A consumer that stops early (a download cut off) leaves the read in flight: its outcome is of no use.
    next?.catch(() => undefined);
  }
}
