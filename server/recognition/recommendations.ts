import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Caller } from "../access/caller";
import { authorize, type ResolvedScope } from "../access/scope";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { applications, calls, files, recommendationLetters, recommenders, roleGrants } from "../db/schema";
import { parseCallRow } from "../db/stored-json";
import { refused } from "../domain/refused";
import type { FileStore } from "../storage/files";
import type { FileContent } from "../storage/staged-file";
import { quotaOf } from "./application-facts";
import { type JoinedApplication, recommendedBy } from "./applications.repository";
import { opinionsBy } from "./recommendation-opinions";

/**
 * A recommender's list for one call, as its letter and 汇总表 show it (SPEC §5.1 step 3). Visible to the
 * recommender and its parents (their sub-tree holds it) and to officers; another jurisdiction's is a 404.
 */
export async function loadRecommendation(
  executor: Executor,
  caller: Caller,
  callId: string,
  recommenderId: string,
): Promise<{
  call: typeof calls.$inferSelect;
  recommender: typeof recommenders.$inferSelect;
  items: JoinedApplication[];
  quota: number | null;
  stamped: { fileId: string; name: string; sha256: string; createdAt: Date } | null;
  /** This recommender's 推荐意见 on each listed application, by application id (printed in the letter). */
  opinions: Map<string, string>;
  scope: ResolvedScope;
}> {
  const scope = await authorize(executor, caller, "application.read");
  if (scope.scope !== "all" && !(scope.scope === "jurisdiction" && scope.recommenderIds.has(recommenderId))) {
    throw refused.notFound("Recommendation", "推荐");
  }
  const [call] = (await executor.select().from(calls).where(eq(calls.id, callId))).map(parseCallRow);
  const [recommender] = await executor.select().from(recommenders).where(eq(recommenders.id, recommenderId));
  if (!call || !recommender) throw refused.notFound("Recommendation", "推荐");
  const [stamped] = await executor
    .select({ fileId: files.id, name: files.name, sha256: files.sha256, createdAt: recommendationLetters.createdAt })
    .from(recommendationLetters)
    .innerJoin(files, eq(files.id, recommendationLetters.fileId))
    .where(and(eq(recommendationLetters.callId, callId), eq(recommendationLetters.recommenderId, recommenderId)))
    .orderBy(desc(recommendationLetters.createdAt))
    .limit(1);
  const items = await recommendedBy(executor, callId, recommenderId, call);
  return {
    call,
    recommender,
    items,
    quota: quotaOf(call, recommenderId),
    stamped: stamped ?? null,
    opinions: await opinionsBy(
      executor,
      recommenderId,
      items.map((item) => item.application.id),
    ),
    scope,
  };
}

async function ownRanking(executor: Executor, caller: Caller, recommenderId: string) {
  const scope = await authorize(executor, caller, "application.rank");
  if (!scope.recommenderIds.has(recommenderId)) throw refused.notFound("Recommendation", "推荐");
  if (caller.recommenderId !== recommenderId) {
    throw refused.conflict({
      code: "not-the-holder",
      messageZh: "只有推荐部门本身可以排序和上传推荐函。",
      messageEn: "Only the recommender itself ranks its list and uploads its letter.",
    });
  }
}

/**
 * Priority ranking by drag (1 = first) of the recommender's recommended applications of a call; the order must
 * name each of them exactly once and stay within the call's quota.
 */
export async function rankApplications(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  input: { callId: string; recommenderId: string; order: string[] },
): Promise<void> {
  await ownRanking(deps.database.db, caller, input.recommenderId);
  await execute(deps, actor, "application.rank", { type: "call", id: input.callId }, async (context) => {
    const { items, quota } = await loadRecommendation(context.tx, caller, input.callId, input.recommenderId);
    const known = new Set(items.map((item) => item.application.id));
    const given = new Set(input.order);
    const unknown = input.order.filter((id) => !known.has(id));
    const left = [...known].filter((id) => !given.has(id));
    if (unknown.length > 0 || left.length > 0 || given.size !== input.order.length) {
      throw refused.rule({
        code: "ranking-mismatch",
        messageZh: "排序须且仅须包含本部门已推荐的每一项申报各一次。",
        messageEn: "The order must list each application this recommender recommended exactly once.",
        errors: [
          ...unknown.map((id) => ({
            path: "order",
            messageZh: `不在推荐名单中：${id}`,
            messageEn: `Not listed: ${id}`,
          })),
          ...left.map((id) => ({ path: "order", messageZh: `缺少：${id}`, messageEn: `Missing: ${id}` })),
        ],
      });
    }
    if (quota !== null && input.order.length > quota) {
      throw refused.rule({
        code: "quota-exceeded",
        messageZh: `推荐数量超过本批次限额（${quota}项）。`,
        messageEn: `More applications than the call's quota (${quota}).`,
      });
    }
    for (const [index, id] of input.order.entries()) {
      await context.tx
        .update(applications)
        .set({ priority: index + 1 })
        .where(eq(applications.id, id));
    }
    await context.audit({ changes: { recommenderId: input.recommenderId, order: input.order } });
  });
}

/** The stamped copy of the letter and 汇总表 (PDF), kept with the ranked list it covered; officers are told. */
export async function saveStampedLetter(
  deps: CommandDeps,
  store: FileStore,
  actor: Actor,
  caller: Caller,
  input: { callId: string; recommenderId: string; name: string; content: FileContent },
): Promise<string> {
  await ownRanking(deps.database.db, caller, input.recommenderId);
  const id = randomUUID();
  return execute(deps, actor, "recommendation.upload", { type: "call", id: input.callId }, async (context) => {
    const { items, recommender } = await loadRecommendation(context.tx, caller, input.callId, input.recommenderId);
    if (items.length === 0) {
      throw refused.conflict({
        code: "nothing-recommended",
        messageZh: "本批次尚未推荐任何申报。",
        messageEn: "Nothing is recommended in this call yet.",
      });
    }
    const stored = await store.save(
      context.tx,
      context.clock,
      { name: input.name, content: input.content, uploadedBy: actor.accountId },
      ["pdf"],
    );
    const applicationIds = items.map((item) => item.application.id);
    await context.tx.insert(recommendationLetters).values({
      id,
      callId: input.callId,
      recommenderId: input.recommenderId,
      fileId: stored.id,
      applicationIds,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await context.audit({
      targetType: "recommendation-letter",
      targetId: id,
      changes: { sha256: stored.sha256, applicationIds },
    });
    const officers = await context.tx
      .select({ id: roleGrants.accountId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, "officer"), eq(roleGrants.status, "approved")));
    await context.enqueue({
      kind: "notify",
      accountIds: officers.map((officer) => officer.id),
      titleZh: `推荐函已上传：${recommender.nameZh}（${items.length}项）`,
      titleEn: `Recommendation letter uploaded: ${recommender.nameEn} (${items.length})`,
      link: `/workbench?callId=${input.callId}&recommenderId=${input.recommenderId}`,
    });
    return id;
  });
}
