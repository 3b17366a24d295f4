import { and, desc, eq } from "drizzle-orm";
import { activeStates } from "../../policy/review/assignment.transitions";
import { nextBackup } from "../../policy/review/draw-record";
import type { Executor } from "../db/client";
import { draws, reviewAssignments, type reviewRounds } from "../db/schema";
import { parseDrawRow } from "../db/stored-json";
import { panelSizeOf } from "./review-settings";

/**
 * What the next draw of a round would be: the first panel (or a re-draw after failed attempts), a top-up of the
 * seats left empty once the backups are used up, or none (a valid panel stands, or the round is closed).
 */
export type NextDraw =
  | { kind: "panel" }
  | { kind: "top-up"; seats: number }
  | { kind: "none"; reason: "round-closed" | "draw-exists" };

/**
 * The round's draws and panel as they stand, and the next draw they allow. One answer for the draw command and
 * for the round's abilities, so the officer's screen offers a draw exactly when the server would run one. The
 * round's settings are read parsed (loadRound, the draw command); the current draw's record is parsed here.
 */
export async function drawSituation(executor: Executor, round: typeof reviewRounds.$inferSelect) {
  const [stored] = await executor
    .select()
    .from(draws)
    .where(and(eq(draws.roundId, round.id), eq(draws.status, "current")))
    .orderBy(desc(draws.attempt))
    .limit(1);
  const current = stored ? parseDrawRow(stored) : null;
  const [last] = await executor
    .select({ attempt: draws.attempt })
    .from(draws)
    .where(eq(draws.roundId, round.id))
    .orderBy(desc(draws.attempt))
    .limit(1);
  const assignments = await executor.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id));
  const active = assignments.filter((a) => (activeStates as readonly string[]).includes(a.status));
  const panelSize = panelSizeOf(round.settings);
  let next: NextDraw = { kind: "panel" };
  if (round.status !== "drawing" && round.status !== "in-review") {
    next = { kind: "none", reason: "round-closed" };
  } else if (current) {
    const { record } = current;
    // Declines and recusals are replaced from the backups automatically; a new attempt only fills what they cannot.
    next =
      active.length >= panelSize || nextBackup(record) !== null
        ? { kind: "none", reason: "draw-exists" }
        : { kind: "top-up", seats: panelSize - active.length };
  }
  return { current, attempts: last?.attempt ?? 0, assignments, active, next };
}
