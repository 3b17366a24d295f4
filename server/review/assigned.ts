import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { experts, reviewAssignments, reviewRounds } from "../db/schema";
import { parseRoundRow } from "../db/stored-json";

/**
 * The one row scope of expert review. Officers (`all`) reach every round; an expert (`assigned`) reaches only
 * rounds and assignments that link their own expert record (experts.account_id = the caller's account). Every
 * list and every load of rounds, assignments and materials goes through these clauses; anything else is 404.
 */
export function assignmentRows(scope: ResolvedScope): SQL {
  if (scope.scope === "all") return sql`true`;
  if (scope.scope !== "assigned") return sql`false`;
  return inArray(
    reviewAssignments.expertId,
    sql`(select ${experts.id} from ${experts} where ${experts.accountId} = ${scope.caller.accountId})`,
  );
}

/** Rounds the caller reaches: all (officer) or those with one of the caller's assignments (expert). */
export function roundRows(scope: ResolvedScope): SQL {
  if (scope.scope === "all") return sql`true`;
  if (scope.scope !== "assigned") return sql`false`;
  return inArray(
    reviewRounds.id,
    sql`(select ${reviewAssignments.roundId} from ${reviewAssignments} where ${assignmentRows(scope)})`,
  );
}

/** The caller's own assignments in scope (for the expert portal): assignment rows filtered by `assignmentRows`. */
export async function assignedRounds(executor: Executor, scope: ResolvedScope): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ roundId: reviewAssignments.roundId })
    .from(reviewAssignments)
    .where(assignmentRows(scope));
  return rows.map((row) => row.roundId);
}

/** Finds one assignment through the scope, or null (→ 404): its id and round, for the routes' scope check. */
export async function loadAssignment(executor: Executor, scope: ResolvedScope, id: string) {
  const [row] = await executor
    .select({ id: reviewAssignments.id, roundId: reviewAssignments.roundId })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.id, id), assignmentRows(scope)));
  return row ?? null;
}

/** Loads one round through the scope (its rubric and settings parsed), or null (→ 404). */
export async function loadRound(executor: Executor, scope: ResolvedScope, id: string) {
  const [row] = await executor
    .select()
    .from(reviewRounds)
    .where(and(eq(reviewRounds.id, id), roundRows(scope)));
  return row ? parseRoundRow(row) : null;
}
