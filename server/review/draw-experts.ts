import { createHash, randomInt, randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { drawRequest } from "../../contracts/review";
import { type DrawCandidate, runDraw } from "../../policy/review/draw";
import { buildDrawRecord } from "../../policy/review/draw-record";
import { type Actor, type CommandContext, type CommandDeps, execute } from "../commands/command";
import type { Tx } from "../db/client";
import { draws, experts, reviewAssignments, reviewRounds } from "../db/schema";
import { parseRoundRow } from "../db/stored-json";
import { refused } from "../domain/refused";
import { drawSituation } from "./draw-situation";
import { poolForDraw } from "./experts.repository";
import { chinaYear, drawRulesOf } from "./review-settings";
import { reviewTarget } from "./targets";

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Panels each expert was put on in a year (China time): every assignment counts, declined ones too. */
async function drawCounts(tx: Tx, year: number): Promise<Map<string, number>> {
  const rows = await tx
    .select({ expertId: reviewAssignments.expertId, n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .innerJoin(draws, eq(draws.id, reviewAssignments.drawId))
    .where(sql`extract(year from ${draws.createdAt} at time zone 'Asia/Shanghai') = ${year}`)
    .groupBy(reviewAssignments.expertId);
  return new Map(rows.map((row) => [row.expertId, Number(row.n)]));
}

/** Accounts of experts, for invitations. */
export async function notifyExperts(context: CommandContext, expertIds: string[], titleZh: string, titleEn: string) {
  if (expertIds.length === 0) return;
  const rows = await context.tx
    .select({ accountId: experts.accountId })
    .from(experts)
    .where(inArray(experts.id, expertIds));
  const accountIds = rows.map((row) => row.accountId).filter((id): id is string => id !== null);
  if (accountIds.length)
    await context.enqueue({ kind: "notify", accountIds, titleZh, titleEn, link: "/expert-portal" });
}

/**
 * 专家抽取: runs one recorded draw attempt for a round. The seed comes from the server's cryptographic generator;
 * the attempt is kept whatever happens (a refused attempt is stored as "failed" with the reasons). A first
 * attempt draws the panel; once replacements have used up the backups, a "top-up" attempt fills the empty seats,
 * pinning out everyone already asked in this round. Nothing is ever overwritten.
 */
export async function drawExperts(
  deps: CommandDeps,
  actor: Actor,
  roundId: string,
  request: z.output<typeof drawRequest>,
): Promise<{ drawId: string; status: "current" | "failed" }> {
  return execute(deps, actor, "draw.run", { type: "review-round", id: roundId }, async (context) => {
    const { tx } = context;
    const [locked] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, roundId)).for("update");
    if (!locked) throw refused.notFound("Review round", "评审");
    const round = parseRoundRow(locked, ["settings"]);
    const { settings } = round;
    const { current, attempts, assignments, active, next } = await drawSituation(tx, round);
    if (next.kind === "none" && next.reason === "round-closed") {
      throw refused.conflict({
        code: "round-closed",
        messageZh: "本轮评审已结束。",
        messageEn: "This review round is closed.",
      });
    }
    if (next.kind === "none") {
      throw refused.conflict({
        code: "draw-exists",
        messageZh: "本轮已有有效的抽取结果；专家谢绝或回避时系统自动从备选专家中补抽。",
        messageEn:
          "This round already has a valid draw; declines and recusals are replaced from the backups automatically.",
      });
    }
    // Every attempt is kept; one after the first says why it was needed (the reason goes to the audit log).
    if (attempts > 0 && !request.reason) {
      throw refused.invalidInput("reason-required", "重新抽取须填写理由。", "A re-draw needs a reason.", [
        { path: "reason", messageZh: "请填写重新抽取的理由", messageEn: "Give the reason for the re-draw" },
      ]);
    }
    const topUp = next.kind === "top-up" ? next.seats : 0;

    const facts = await reviewTarget(round.targetKind).facts(tx, round.targetId);
    if (!facts) throw refused.notFound("Review target", "评审对象");
    const now = context.clock.now();
    const year = chinaYear(now);
    const rules = drawRulesOf(settings, request.rules, facts, year);
    if (topUp > 0) {
      rules.mode = "top-up";
      rules.panelSize = topUp;
      const asked = [...new Set(assignments.map((a) => a.expertId))];
      rules.pinnedExclusions = [
        ...rules.pinnedExclusions,
        ...asked.map((expertId) => ({ expertId, reason: "已被抽中参加本轮评审（补抽时排除）" })),
      ];
    }
    const counts = await drawCounts(tx, year);
    const candidates: DrawCandidate[] = (await poolForDraw(tx)).map(({ expert, name }) => ({
      expertId: expert.id,
      personId: expert.personId,
      name,
      unitId: expert.unitId,
      unitName: expert.unitName,
      fields: expert.fields,
      title: expert.title,
      status: expert.status,
      drawsThisYear: counts.get(expert.id) ?? 0,
    }));
    const input = { seed: randomInt(0, 2 ** 32), rules, target: facts, candidates };
    const outcome = runDraw(input);
    const drawId = randomUUID();
    const attempt = attempts + 1;
    const record = buildDrawRecord(
      { drawId, roundId, attempt, drawnAt: now.toISOString(), drawnBy: actor.name },
      input,
      outcome,
      sha256,
    );
    const status = outcome.status === "drawn" ? ("current" as const) : ("failed" as const);
    if (status === "current" && current) {
      await tx.update(draws).set({ status: "superseded" }).where(eq(draws.id, current.id));
    }
    await tx
      .insert(draws)
      .values({ id: drawId, roundId, attempt, record, status, createdBy: actor.accountId, createdAt: now });
    if (outcome.status === "drawn") {
      const hasLeader = active.some((a) => a.role === "leader");
      await tx.insert(reviewAssignments).values(
        outcome.panel.map((expertId, index) => ({
          id: randomUUID(),
          roundId,
          drawId,
          expertId,
          role: index === 0 && !hasLeader ? ("leader" as const) : ("member" as const),
          status: "invited",
          createdAt: now,
        })),
      );
      await tx
        .update(reviewRounds)
        .set({ status: "in-review", version: round.version + 1 })
        .where(eq(reviewRounds.id, roundId));
      await notifyExperts(context, outcome.panel, "您有新的专家评审邀请", "You are invited to an expert review");
    }
    await context.audit({
      changes: {
        drawId,
        attempt,
        mode: rules.mode,
        seed: input.seed,
        status,
        panel: record.outcome.panel,
        backups: record.outcome.backups,
        counts: record.outcome.counts,
        candidatesDigest: record.candidatesDigest,
        ...(request.reason ? { reason: request.reason } : {}),
      },
    });
    return { drawId, status };
  });
}
