import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { BaseEventKind } from "../../contracts/base-timeline";
import type { RevocationSourceRef } from "../../contracts/revocations";
import { openRevocationCaseStates } from "../../policy/lifecycles/revocation-case.transitions";
import { editionFor } from "../../policy/measures/editions";
import { type RevocationGround, revocationGrounds } from "../../policy/reference/revocation-grounds";
import { chinaDate } from "../clock";
import type { CommandContext } from "../commands/command";
import { bases, revocationCases } from "../db/schema";
import { officerAccounts } from "../decision/notify";
import { refused } from "../domain/refused";
import { applyBaseEvent } from "../yearly/base-state";
import { recordBaseEvent } from "../yearly/base-timeline";

export interface ProposeRevocationInput {
  baseId: string;
  ground: RevocationGround;
  source: "system" | "officer";
  /** What the system knew: the rectification case, the report, the on-site check, the change report. */
  sourceRef?: RevocationSourceRef;
  evidence: string;
  /**
   * The base event that carries the proposal: "fail-rectification" for a failed rectification (Art. 24, 20.6), the
   * general "propose-revocation" otherwise.
   */
  baseEvent?: "propose-revocation" | "fail-rectification";
  /** Extra timeline data (the year, the reason) the caller's flow records with the proposal. */
  timeline?: { year?: number; reason?: string };
}

const articleOf = (ground: RevocationGround) => revocationGrounds.find((g) => g.ground === ground)!.article;

/**
 * Proposes revocation of a base (Art. 20) inside the caller's transaction: a revocation case in `proposed`, the
 * base moved to revocation-proposed (unless it already is), its timeline, the audit and the officers told. The
 * caller checked its own ability. One open case per base: a proposal while one is proposed returns it; a pending
 * withdrawal request of the unit (Art. 20.7) is taken into the proposal, which now rests on the new ground.
 */
export async function proposeRevocation(
  context: CommandContext,
  input: ProposeRevocationInput,
): Promise<{ caseId: string }> {
  const [base] = await context.tx
    .select({ id: bases.id, unitId: bases.unitId, name: bases.standardName, status: bases.status })
    .from(bases)
    .where(eq(bases.id, input.baseId))
    .for("update");
  if (!base) throw refused.notFound("Base", "基地");
  const [open] = await context.tx
    .select()
    .from(revocationCases)
    .where(and(eq(revocationCases.baseId, base.id), inArray(revocationCases.state, [...openRevocationCaseStates])))
    .for("update");
  if (open?.state === "proposed") return { caseId: open.id };

  const today = chinaDate(context.clock.now());
  const now = context.clock.now();
  const article = articleOf(input.ground);
  const caseId = open?.id ?? randomUUID();
  const kind: BaseEventKind = input.source === "system" ? "revocation-proposed" : "revocation-opened";
  const data = {
    ground: input.ground,
    article,
    revocationCaseId: caseId,
    ...(input.timeline?.year !== undefined ? { year: input.timeline.year } : {}),
    ...(input.timeline?.reason ? { reason: input.timeline.reason } : {}),
  };
  const values = {
    ground: input.ground,
    source: input.source,
    state: "proposed",
    evidence: input.evidence.trim(),
    sourceRef: input.sourceRef ?? null,
    returnReason: null,
  };
  if (open) {
    // The unit's pending request (ground 7) becomes this proposal; its own wish stays in the timeline.
    const evidence = [values.evidence, open.evidence && `（依托单位撤销申请）${open.evidence}`].filter(Boolean);
    await context.tx
      .update(revocationCases)
      .set({ ...values, evidence: evidence.join("\n"), version: open.version + 1 })
      .where(eq(revocationCases.id, open.id));
  } else {
    await context.tx.insert(revocationCases).values({
      id: caseId,
      baseId: base.id,
      unitId: base.unitId,
      ...values,
      edition: editionFor(today).edition.id,
      createdBy: context.actor.accountId,
      createdAt: now,
    });
  }
  if (base.status === "revocation-proposed") {
    await recordBaseEvent(context, base.id, kind, data);
  } else {
    const event = input.baseEvent ?? "propose-revocation";
    await applyBaseEvent(
      context,
      base.id,
      event,
      { ground: input.ground, reason: input.timeline?.reason },
      { kind, data },
    );
  }
  await context.audit({
    action: "revocation.propose",
    targetType: "revocation-case",
    targetId: caseId,
    changes: {
      base: base.id,
      ground: input.ground,
      article,
      source: input.source,
      ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
      ...(open ? { tookInRequest: open.id } : {}),
    },
  });
  const accountIds = (await officerAccounts(context)).filter((id) => id !== context.actor.accountId);
  if (accountIds.length > 0) {
    const ground = revocationGrounds.find((g) => g.ground === input.ground)!;
    await context.enqueue({
      kind: "notify",
      accountIds,
      titleZh: `${base.name}拟取消资格（第二十条第${input.ground}项），待决定`,
      titleEn: `${base.name}: revocation proposed (Art. ${article}), to decide`,
      bodyZh: `${ground.nameZh}。${values.evidence}`,
      bodyEn: ground.nameEn,
      link: `/revocations/${caseId}`,
    });
  }
  return { caseId };
}
