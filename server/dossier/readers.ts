import { and, eq } from "drizzle-orm";
import type { Caller } from "../access/caller";
import { authorize, type ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { type JoinedApplication, loadApplication } from "../recognition/applications.repository";
import { loadBase } from "../registry/bases.repository";
import { assignmentRows } from "../review/assigned";
import { lockedOrUndeclared } from "../review/review-guards";
import type { ApplicationReader } from "./collect-application";

const notFound = () => refused.notFound("Application", "申报");

/**
 * Who may download an application's dossier, and as which reader: exactly those who may read the application. The
 * department, the recommender and the host unit through the application's row scope (another's is a 404); an
 * expert only for an application on a panel they sit on, once they declared no conflict (as for the materials).
 */
export async function applicationDossierReader(
  executor: Executor,
  caller: Caller,
  id: string,
): Promise<{ row: JoinedApplication; reader: ApplicationReader }> {
  const scope = await authorize(executor, caller, "application.read");
  if (scope.scope !== "assigned") {
    const row = await loadApplication(executor, scope, id);
    if (!row) throw notFound();
    const kind = scope.scope === "all" ? "department" : scope.scope === "jurisdiction" ? "recommender" : "unit";
    return { row, reader: { kind } };
  }
  const review = await authorize(executor, caller, "review.read");
  const assignments = await executor
    .select({ status: reviewAssignments.status })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewRounds.targetKind, "application"), eq(reviewRounds.targetId, id), assignmentRows(review)));
  if (assignments.length === 0) throw notFound();
  const open = assignments.find((assignment) => lockedOrUndeclared(assignment.status, true) === null);
  if (!open) throw lockedOrUndeclared(assignments[0]!.status, true)!;
  // The assignment checked above is this reader's row scope (ADR 0003): the application is read as such.
  const assigned: ResolvedScope = { ...scope, scope: "all" };
  const row = await loadApplication(executor, assigned, id);
  if (!row) throw notFound();
  return { row, reader: { kind: "expert", accountId: caller.accountId } };
}

/** A base's dossier: whoever may read the base (its unit, its recommender's jurisdiction, the department). */
export async function baseDossierReader(executor: Executor, caller: Caller, id: string) {
  const scope = await authorize(executor, caller, "base.read");
  const loaded = await loadBase(executor, scope, id);
  if (!loaded) throw refused.notFound("Base", "基地");
  const reader = scope.scope === "all" ? "department" : scope.scope === "jurisdiction" ? "recommender" : "unit";
  return { loaded, reader };
}
