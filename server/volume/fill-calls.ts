import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { calls } from "../db/schema";
import { createScratchTable, insertJsonRows } from "./json-rows";
import { type VolumeContext, volumeCallMarker } from "./volume-context";

/** One closed annual call for each of the last five years: the applications are spread over them. */
export const volumeCallYears = 5;

const callColumns = {
  c: "int",
  id: "text",
  year: "int",
  title_zh: "text",
  title_en: "text",
  opens_at: "timestamptz",
  closes_at: "timestamptz",
  deadline: "text",
};

/**
 * The calls of the last years, cloned from the demo's call (its rubric, materials and settings) and closed: created
 * on the first run, found again by title on later ones. Leaves them in `volume_calls` (c = 0 … years − 1, oldest
 * first); returns how many were created.
 */
export async function fillCalls(tx: Tx, context: VolumeContext, wanted: boolean): Promise<number> {
  await createScratchTable(tx, "volume_calls", { ...callColumns, c: "int primary key" });
  if (!wanted) return 0;
  const years = Array.from({ length: volumeCallYears }, (_, index) => context.year - volumeCallYears + index);
  const rows = years.map((year, c) => ({
    c,
    id: randomUUID(),
    year,
    title_zh: `关于开展${year}年度湖北省国际科技合作基地认定工作的通知${volumeCallMarker}`,
    title_en: `${year} call for provincial international S&T cooperation bases (volume data)`,
    opens_at: `${year}-06-01T00:00:00+08:00`,
    closes_at: `${year}-07-20T23:59:59+08:00`,
    deadline: `${year}-07-20`,
  }));
  const existing = await tx
    .select({ id: calls.id, titleZh: calls.titleZh })
    .from(calls)
    .where(
      inArray(
        calls.titleZh,
        rows.map((row) => row.title_zh),
      ),
    );
  const found = new Map(existing.map((row) => [row.titleZh, row.id]));
  const resolved = rows.map((row) => ({ ...row, id: found.get(row.title_zh) ?? row.id }));
  await insertJsonRows(tx, "volume_calls", callColumns, resolved);
  await tx.execute(sql`
    insert into calls (id, year, kind, title_zh, title_en, opens_at, closes_at, deadline, focus_fields, rubric,
      materials, quotas, default_quota, invited_unit_ids, settings, status, edition, version, created_by, created_at)
    select v.id, v.year, 'annual', v.title_zh, v.title_en, v.opens_at, v.closes_at, v.deadline, t.focus_fields,
      t.rubric, t.materials, '{}'::jsonb, null, '[]'::jsonb, t.settings, 'closed', t.edition, 1, null,
      v.opens_at - interval '7 days'
    from volume_calls v cross join calls t
    where t.id = ${context.callTemplateId} and not exists (select 1 from calls c where c.id = v.id)`);
  return rows.length - found.size;
}
