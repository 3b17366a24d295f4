import { and, asc, eq, inArray } from "drizzle-orm";
import { opinionRefusal } from "../../policy/lifecycles/recommendation-opinion";
import type { Caller } from "../access/caller";
import { authorize } from "../access/scope";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { applications, recommendationOpinions, recommenders } from "../db/schema";
import { refused } from "../domain/refused";
import { applicationRows } from "./applications.repository";

/** Whether the caller's recommender may write its 推荐意见 on this application now (policy decides). */
export function mayWriteOpinion(caller: Caller, application: { state: string; recommenderId: string }): boolean {
  return (
    caller.roles.includes("recommender") &&
    opinionRefusal({ state: application.state, holderId: application.recommenderId }, caller.recommenderId) === null
  );
}

/**
 * The recommender writes or changes its 推荐意见 on an application it holds (Art. 14.1, 17): the application is
 * locked, read through the caller's scope (another jurisdiction's is a 404), checked by policy, and the opinion is
 * written with its audit entry in one transaction.
 */
export async function saveRecommendationOpinion(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  input: { applicationId: string; opinion: string },
): Promise<void> {
  await execute(
    deps,
    actor,
    "application.opinion",
    { type: "application", id: input.applicationId },
    async (context) => {
      const scope = await authorize(context.tx, caller, "application.recommend");
      const [row] = await context.tx
        .select({ state: applications.state, recommenderId: applications.recommenderId })
        .from(applications)
        .where(and(eq(applications.id, input.applicationId), applicationRows(scope)))
        .for("update");
      if (!row) throw refused.notFound("Application", "申报");
      const refusal = opinionRefusal({ state: row.state, holderId: row.recommenderId }, caller.recommenderId);
      if (refusal) throw refused.conflict(refusal);
      const recommenderId = row.recommenderId;
      const now = context.clock.now();
      const values = {
        opinion: input.opinion,
        updatedBy: actor.accountId,
        updatedByName: actor.name,
        updatedAt: now,
      };
      await context.tx
        .insert(recommendationOpinions)
        .values({ applicationId: input.applicationId, recommenderId, ...values })
        .onConflictDoUpdate({
          target: [recommendationOpinions.applicationId, recommendationOpinions.recommenderId],
          set: values,
        });
      await context.audit({ changes: { recommenderId, opinion: input.opinion } });
    },
  );
}

/** Every recommender's opinion on one application (a district's, then its parent's), oldest first. */
export async function opinionsOf(executor: Executor, applicationId: string) {
  const rows = await executor
    .select({
      recommenderId: recommendationOpinions.recommenderId,
      recommenderName: recommenders.nameZh,
      opinion: recommendationOpinions.opinion,
      updatedByName: recommendationOpinions.updatedByName,
      updatedAt: recommendationOpinions.updatedAt,
    })
    .from(recommendationOpinions)
    .innerJoin(recommenders, eq(recommenders.id, recommendationOpinions.recommenderId))
    .where(eq(recommendationOpinions.applicationId, applicationId))
    .orderBy(asc(recommendationOpinions.updatedAt));
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

/** One recommender's opinions on the applications of its letter, by application id. */
export async function opinionsBy(
  executor: Executor,
  recommenderId: string,
  applicationIds: readonly string[],
): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await executor
    .select({ applicationId: recommendationOpinions.applicationId, opinion: recommendationOpinions.opinion })
    .from(recommendationOpinions)
    .where(
      and(
        eq(recommendationOpinions.recommenderId, recommenderId),
        inArray(recommendationOpinions.applicationId, [...applicationIds]),
      ),
    );
  return new Map(rows.map((row) => [row.applicationId, row.opinion]));
}
