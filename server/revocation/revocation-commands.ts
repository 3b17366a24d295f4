import { randomUUID } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { BaseEventKind } from "../../contracts/base-timeline";
import type { revocationEventRequest, revocationOpenRequest, withdrawalRequest } from "../../contracts/revocations";
import { banEnd } from "../../policy/calendar/deadlines";
import {
  openRevocationCaseStates,
  type RevocationCaseEvent,
  revocationCaseLifecycle,
  revocationEventLabels,
  revocationOpeningRefusal,
} from "../../policy/lifecycles/revocation-case.transitions";
import { transition, transitionRule } from "../../policy/lifecycles/transition";
import { editionFor } from "../../policy/measures/editions";
import { type RevocationGround, revocationGrounds } from "../../policy/reference/revocation-grounds";
import type { Caller } from "../access/caller";
import { authorize, covers, unitRows } from "../access/scope";
import { chinaDate } from "../clock";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { accounts, bases, rectificationCases, revocationCases, revocations, units } from "../db/schema";
import { formatDocumentNumber } from "../decision/document-number";
import { officerAccounts } from "../decision/notify";
import { refused } from "../domain/refused";
import { accountsWithRole, unitAccounts } from "../outbox/recipients";
import { applyBaseEvent } from "../yearly/base-state";
import { recordBaseEvent } from "../yearly/base-timeline";
import { proposeRevocation } from "./propose";
import {
  type LoadedRevocation,
  requireRevocation,
  revocationAbilities,
  revocationContext,
  revocationEventsFor,
} from "./revocation.repository";

const groundOf = (ground: number) => revocationGrounds.find((g) => g.ground === ground)!;

/** A base in the caller's scope for `ability`, locked, or a 404. */
async function lockBase(
  context: CommandContext,
  caller: Caller,
  baseId: string,
  ability: "base.revoke" | "revocation.request",
) {
  const scope = await authorize(context.tx, caller, ability);
  const [base] = await context.tx
    .select({
      id: bases.id,
      unitId: bases.unitId,
      name: bases.standardName,
      status: bases.status,
      recommenderId: units.recommenderId,
    })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(and(eq(bases.id, baseId), unitRows(scope, bases.unitId)))
    .for("update", { of: bases });
  if (!base || !covers(scope, { unitId: base.unitId, recommenderId: base.recommenderId })) {
    throw refused.notFound("Base", "基地");
  }
  return base;
}

function refuseOpening(refusal: ReturnType<typeof revocationOpeningRefusal>) {
  if (!refusal) return;
  throw refused.invalidInput(refusal.code, refusal.messageZh, refusal.messageEn, [
    {
      path: refusal.path ?? "ground",
      messageZh: refusal.messageZh,
      messageEn: refusal.messageEn,
    },
  ]);
}

/** The officer opens a case on any of the nine grounds with the facts it rests on (Art. 20). */
export async function openRevocationCase(
  invocation: Invocation,
  input: z.infer<typeof revocationOpenRequest>,
): Promise<{ caseId: string }> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "revocation.open", { type: "base", id: input.baseId }, async (context) => {
    const base = await lockBase(context, caller, input.baseId, "base.revoke");
    refuseOpening(revocationOpeningRefusal({ ground: input.ground, source: "officer", evidence: input.evidence }));
    const [proposed] = await context.tx
      .select({ id: revocationCases.id })
      .from(revocationCases)
      .where(and(eq(revocationCases.baseId, base.id), eq(revocationCases.state, "proposed")));
    if (proposed) {
      throw refused.conflict({
        code: "case-open",
        article: "20",
        path: "baseId",
        messageZh: "该基地已有待决定的取消资格程序。",
        messageEn: "A revocation case on this base is already awaiting the decision.",
      });
    }
    return proposeRevocation(context, {
      baseId: base.id,
      ground: input.ground as RevocationGround,
      source: "officer",
      evidence: input.evidence,
    });
  });
}

/** The host unit asks to withdraw its base (Art. 20.7): a case at its recommender. */
export async function requestWithdrawal(
  invocation: Invocation,
  input: z.infer<typeof withdrawalRequest>,
): Promise<{ caseId: string }> {
  const { deps, actor, caller } = invocation;
  const caseId = randomUUID();
  return execute(deps, actor, "revocation.request", { type: "revocation-case", id: caseId }, async (context) => {
    const base = await lockBase(context, caller, input.baseId, "revocation.request");
    refuseOpening(revocationOpeningRefusal({ ground: 7, source: "unit", evidence: input.reason }));
    if (base.status !== "active" && base.status !== "rectifying") {
      throw refused.conflict({
        code: "base-not-live",
        article: "20.7",
        messageZh: "基地当前状态不能申请撤销。",
        messageEn: "The base cannot be withdrawn in its current state.",
      });
    }
    const [open] = await context.tx
      .select({ id: revocationCases.id })
      .from(revocationCases)
      .where(and(eq(revocationCases.baseId, base.id), inArray(revocationCases.state, [...openRevocationCaseStates])));
    if (open) {
      throw refused.conflict({
        code: "case-open",
        article: "20.7",
        messageZh: "该基地已有未办结的撤销申请或取消资格程序。",
        messageEn: "This base already has an open withdrawal request or revocation case.",
      });
    }
    const today = chinaDate(context.clock.now());
    await context.tx.insert(revocationCases).values({
      id: caseId,
      baseId: base.id,
      unitId: base.unitId,
      ground: 7,
      source: "unit",
      state: "requested",
      evidence: input.reason.trim(),
      edition: editionFor(today).edition.id,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await recordBaseEvent(context, base.id, "withdrawal-requested", {
      ground: 7,
      article: "20.7",
      revocationCaseId: caseId,
      reason: input.reason.trim(),
    });
    await context.audit({ changes: { base: base.id, ground: 7, state: "requested" } });
    await notifyRecommender(context, base.recommenderId, {
      titleZh: `${base.name}：依托单位申请撤销基地，请审核`,
      titleEn: `${base.name}: the host unit asks to withdraw; please review`,
      link: `/revocations/${caseId}`,
    });
    return { caseId };
  });
}

async function notifyRecommender(
  context: CommandContext,
  recommenderId: string | null,
  message: { titleZh: string; titleEn: string; bodyZh?: string; bodyEn?: string; link: string },
) {
  if (!recommenderId) return;
  const ids = (await accountsWithRole(context.tx, "recommender", eq(accounts.recommenderId, recommenderId))).filter(
    (id) => id !== context.actor.accountId,
  );
  if (ids.length > 0) await context.enqueue({ kind: "notify", accountIds: ids, ...message });
}

type EventInput = z.infer<typeof revocationEventRequest>;

/**
 * Fires one event on a case: load under a lock in the caller's scope (404) → version (409) → the lifecycle decides
 * (403 without the ability; the decision's record refused at its fields, 400) → the case, the base through
 * applyBaseEvent, the timeline, `revocations` on revoke, the audit and the notices, in one transaction.
 */
export async function fireRevocationEvent(
  invocation: Invocation,
  target: { caseId: string; input: EventInput },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { input } = target;
  await execute(
    deps,
    actor,
    `revocation.${input.event}`,
    { type: "revocation-case", id: target.caseId },
    async (context) => {
      const loaded = await requireRevocation(context.tx, caller, target.caseId, { lock: true });
      if (loaded.revocation.version !== input.expectedVersion) throw refused.staleVersion();
      const today = chinaDate(context.clock.now());
      const abilities = await revocationAbilities(context.tx, caller, {
        unitId: loaded.revocation.unitId,
        recommenderId: loaded.unitRecommenderId,
      });
      const reason = input.reason?.trim() || undefined;
      const outcome = transition(
        revocationCaseLifecycle,
        loaded.revocation.state,
        input.event,
        {
          ...revocationContext(loaded, today),
          ...(reason ? { reason } : {}),
          ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}),
          ...(input.minuteRef ? { minuteRef: input.minuteRef } : {}),
          ...(input.documentPrefix ? { documentPrefix: input.documentPrefix } : {}),
          ...(input.documentNumber !== undefined ? { documentNumber: input.documentNumber } : {}),
        },
        abilities,
      );
      if (!outcome.ok) {
        const { refusal } = outcome;
        if (refusal.code === "forbidden") {
          const rule = transitionRule(revocationCaseLifecycle, loaded.revocation.state, input.event);
          throw refused.forbidden(rule?.ability ?? "revocation.read");
        }
        if (refusal.code === "invalid-transition" || refusal.code === "not-a-request") throw refused.conflict(refusal);
        const errors = refusal.errors ?? [
          {
            path: refusal.path ?? "event",
            messageZh: refusal.messageZh,
            messageEn: refusal.messageEn,
            article: refusal.article,
          },
        ];
        throw refused.invalidInput(refusal.code, refusal.messageZh, refusal.messageEn, errors);
      }
      if (input.event === "revoke") await revoke(context, loaded, input, today);
      else await writeEvent(context, loaded, input.event, outcome.value.to, reason);
    },
  );
}

const timelineOf: Partial<Record<RevocationCaseEvent, BaseEventKind>> = {
  return: "withdrawal-returned",
  resubmit: "withdrawal-requested",
};

async function writeEvent(
  context: CommandContext,
  loaded: LoadedRevocation,
  event: Exclude<RevocationCaseEvent, "revoke">,
  to: LoadedRevocation["revocation"]["state"],
  reason: string | undefined,
) {
  const { revocation } = loaded;
  const now = context.clock.now();
  const data = { ground: revocation.ground, revocationCaseId: revocation.id, ...(reason ? { reason } : {}) };
  await context.tx
    .update(revocationCases)
    .set({
      state: to,
      version: revocation.version + 1,
      ...(event === "return" ? { returnReason: reason ?? null } : {}),
      ...(event === "resubmit" ? { returnReason: null } : {}),
      ...(event === "dismiss"
        ? { dismissedReason: reason ?? null, decidedBy: context.actor.name ?? context.actor.accountId, decidedAt: now }
        : {}),
    })
    .where(eq(revocationCases.id, revocation.id));
  const kind = timelineOf[event];
  if (kind) await recordBaseEvent(context, revocation.baseId, kind, { ...data, article: "20.7" });
  if (event === "approve") {
    // The recommender's approval puts the request before the department as a proposal (Art. 20.7).
    await applyBaseEvent(
      context,
      revocation.baseId,
      "propose-revocation",
      { ground: 7 },
      {
        kind: "withdrawal-approved",
        data: { ...data, article: "20.7" },
      },
    );
  }
  if ((event === "dismiss" || event === "withdraw") && loaded.baseStatus === "revocation-proposed") {
    await leaveProposal(context, loaded, event === "dismiss" ? (reason ?? "") : "依托单位撤回撤销申请", event);
  } else if (event === "withdraw") {
    await recordBaseEvent(context, revocation.baseId, "revocation-dismissed", {
      ...data,
      reason: "依托单位撤回撤销申请",
    });
  }
  await context.audit({
    changes: { state: { from: revocation.state, to }, base: revocation.baseId, ground: revocation.ground },
    ...(reason ? { reason } : {}),
  });
  await notifyEvent(context, loaded, event, to, reason);
}

/**
 * A proposal not followed: the base goes back to active (dismiss-proposal), or, when its one-year rectification is
 * still running (a proposal on another ground during the year), back to rectifying so the re-check can pass or fail
 * it (resume-rectification, Art. 24; docs/interpretations.md).
 */
async function leaveProposal(
  context: CommandContext,
  loaded: LoadedRevocation,
  reason: string,
  event: "dismiss" | "withdraw",
) {
  const { revocation } = loaded;
  const [running] = await context.tx
    .select({ id: rectificationCases.id })
    .from(rectificationCases)
    .where(
      and(
        eq(rectificationCases.baseId, revocation.baseId),
        inArray(rectificationCases.state, ["open", "plan-filed", "report-filed"]),
      ),
    );
  await applyBaseEvent(
    context,
    revocation.baseId,
    running ? "resume-rectification" : "dismiss-proposal",
    { reason },
    {
      kind: "revocation-dismissed",
      data: {
        ground: revocation.ground,
        revocationCaseId: revocation.id,
        reason,
        article: event === "withdraw" ? "20.7" : "20",
      },
    },
  );
}

async function revoke(context: CommandContext, loaded: LoadedRevocation, input: EventInput, today: string) {
  const { revocation } = loaded;
  const year = Number(today.slice(0, 4));
  const prefix = input.documentPrefix!.trim();
  const number = input.documentNumber!;
  const documentNumber = formatDocumentNumber({ prefix, year, number });
  const [taken] = await context.tx
    .select({ id: revocationCases.id })
    .from(revocationCases)
    .where(
      and(
        eq(revocationCases.prefix, prefix),
        eq(revocationCases.year, year),
        eq(revocationCases.number, number),
        ne(revocationCases.id, revocation.id),
      ),
    );
  if (taken) {
    throw refused.conflict({
      code: "document-number-taken",
      article: "20",
      path: "documentNumber",
      messageZh: `发文字号 ${documentNumber} 已被使用。`,
      messageEn: `The document number ${documentNumber} is already used.`,
      errors: [{ path: "documentNumber", messageZh: `发文字号 ${documentNumber} 已被使用`, messageEn: "Already used" }],
    });
  }
  const now = context.clock.now();
  await context.tx
    .update(revocationCases)
    .set({
      state: "revoked",
      version: revocation.version + 1,
      meetingDate: input.meetingDate!,
      minuteRef: input.minuteRef!.trim(),
      prefix,
      year,
      number,
      documentNumber,
      revokedOn: today,
      decidedBy: context.actor.name ?? context.actor.accountId,
      decidedAt: now,
    })
    .where(eq(revocationCases.id, revocation.id));
  // The record the eligibility rule `20-revocation-ban` reads for the 3-year ban.
  await context.tx.insert(revocations).values({
    id: randomUUID(),
    unitId: revocation.unitId,
    baseId: revocation.baseId,
    baseName: loaded.baseName,
    ground: String(revocation.ground),
    revokedOn: today,
    documentNumber,
    createdBy: context.actor.accountId,
    createdAt: now,
  });
  const ground = groundOf(revocation.ground);
  await applyBaseEvent(
    context,
    revocation.baseId,
    "revoke",
    { ground: revocation.ground },
    {
      kind: "revoked",
      data: { ground: revocation.ground, article: ground.article, documentNumber, revocationCaseId: revocation.id },
    },
  );
  const until = banEnd(today);
  await context.audit({
    changes: {
      state: { from: revocation.state, to: "revoked" },
      base: revocation.baseId,
      ground: revocation.ground,
      article: ground.article,
      documentNumber,
      meeting: { date: input.meetingDate, minuteRef: input.minuteRef },
      banEndsOn: until,
    },
  });
  const message = {
    titleZh: `${loaded.baseName}已被取消省国合基地资格（${documentNumber}）`,
    titleEn: `${loaded.baseName} is revoked (${documentNumber})`,
    bodyZh: `依据第二十条第${revocation.ground}项：${ground.nameZh}。${until} 起方可重新申报。`,
    bodyEn: `Art. ${ground.article}: ${ground.nameEn}. The unit may apply again from ${until}.`,
    link: `/bases/${revocation.baseId}`,
  };
  const unit = (await unitAccounts(context, revocation.unitId)).filter((id) => id !== context.actor.accountId);
  if (unit.length > 0) await context.enqueue({ kind: "notify", accountIds: unit, ...message });
  await notifyRecommender(context, loaded.unitRecommenderId, message);
}

async function notifyEvent(
  context: CommandContext,
  loaded: LoadedRevocation,
  event: Exclude<RevocationCaseEvent, "revoke">,
  to: LoadedRevocation["revocation"]["state"],
  reason: string | undefined,
) {
  const label = revocationCaseLifecycle.stateLabels[to];
  const done = revocationEventLabels[event];
  const message = {
    titleZh: `${loaded.baseName}：${done.zh}（${label.zh}）`,
    titleEn: `${loaded.baseName}: ${done.en} (${label.en})`,
    ...(reason ? { bodyZh: `理由：${reason}`, bodyEn: `Reason: ${reason}` } : {}),
    link: `/revocations/${loaded.revocation.id}`,
  };
  const recipients =
    event === "approve"
      ? [...(await officerAccounts(context)), ...(await unitAccounts(context, loaded.revocation.unitId))]
      : event === "resubmit"
        ? []
        : await unitAccounts(context, loaded.revocation.unitId);
  if (event === "resubmit" || event === "withdraw") {
    await notifyRecommender(context, loaded.unitRecommenderId, message);
  }
  const accountIds = [...new Set(recipients)].filter((id) => id !== context.actor.accountId);
  if (accountIds.length > 0) await context.enqueue({ kind: "notify", accountIds, ...message });
}

export { revocationEventsFor };
