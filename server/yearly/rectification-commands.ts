import { eq } from "drizzle-orm";
import type { BaseEventKind } from "../../contracts/base-timeline";
import {
  decideRectificationEvent,
  type RectificationEvent,
  rectificationEventLabel,
  rectificationLifecycle,
} from "../../policy/lifecycles/rectification.transitions";
import { chinaDate } from "../clock";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { rectificationCases } from "../db/schema";
import { officerAccounts } from "../decision/notify";
import { Refused, refused } from "../domain/refused";
import { unitAccounts } from "../outbox/recipients";
import { proposeRevocation } from "../revocation/propose";
import { applyBaseEvent } from "./base-state";
import { recordBaseEvent } from "./base-timeline";
import {
  type LoadedRectification,
  rectificationAbilities,
  rectificationContext,
  requireRectification,
} from "./rectification.repository";

function checkVersion(loaded: LoadedRectification, expectedVersion: number) {
  if (loaded.rectification.version !== expectedVersion) throw refused.staleVersion();
}

/** The texts the host unit drafts, each editable in one state only (a filed text is read-only). */
const drafts = {
  plan: { column: "plan", state: "open", nameZh: "整改方案", nameEn: "plan" },
  finalReport: { column: "finalReport", state: "plan-filed", nameZh: "整改报告", nameEn: "final report" },
} as const;

/**
 * Saves the host unit's draft of its rectification plan or final report (Art. 24) under the version lock. Another
 * unit's case is a 404; a reader without rectification.submit gets 403; a text already filed, or a report before
 * the plan is filed, is a 409 naming Art. 24.
 */
export async function saveRectificationText(
  invocation: Invocation,
  target: { caseId: string; field: keyof typeof drafts; text: string; expectedVersion: number },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const draft = drafts[target.field];
  const action = `rectification.save-${target.field === "plan" ? "plan" : "report"}`;
  await execute(deps, actor, action, { type: "rectification", id: target.caseId }, async (context) => {
    const loaded = await requireRectification(context.tx, caller, target.caseId, { lock: true });
    if (!(await rectificationAbilities(context.tx, caller, loaded)).includes("rectification.submit")) {
      throw refused.forbidden("rectification.submit");
    }
    const { rectification } = loaded;
    if (rectification.state !== draft.state) {
      const label = rectificationLifecycle.stateLabels[rectification.state];
      throw refused.conflict({
        code: "not-editable",
        article: "24",
        path: target.field,
        messageZh: `整改事项当前为“${label.zh}”，不能修改${draft.nameZh}。`,
        messageEn: `The case is ${label.en}; its ${draft.nameEn} cannot be changed now.`,
      });
    }
    checkVersion(loaded, target.expectedVersion);
    const version = rectification.version + 1;
    await context.tx
      .update(rectificationCases)
      .set({ [draft.column]: target.text, version, updatedAt: context.clock.now() })
      .where(eq(rectificationCases.id, rectification.id));
    await context.audit({ changes: { field: target.field, version, length: target.text.length } });
  });
}

/** The timeline entry the unit's filings leave on the base. */
const filingKind: Partial<Record<RectificationEvent, BaseEventKind>> = {
  "file-plan": "rectification-plan-filed",
  "file-report": "rectification-report-filed",
};

/**
 * Fires one event on a rectification case: load under a lock in the caller's scope (404) → version (409) → the
 * policy decides (403 without the ability, 422 naming the article) → the case, the base's status and timeline,
 * the audit entry and the notices, in one transaction.
 */
export async function fireRectificationEvent(
  invocation: Invocation,
  target: { caseId: string; event: RectificationEvent; reason?: string; expectedVersion: number },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const action = `rectification.${target.event}`;
  await execute(deps, actor, action, { type: "rectification", id: target.caseId }, async (context) => {
    const loaded = await requireRectification(context.tx, caller, target.caseId, { lock: true });
    checkVersion(loaded, target.expectedVersion);
    const today = chinaDate(context.clock.now());
    const reason = target.reason?.trim() || undefined;
    const abilities = await rectificationAbilities(context.tx, caller, loaded);
    const { state } = loaded.rectification;
    const outcome = decideRectificationEvent(
      state,
      target.event,
      rectificationContext(loaded, today, reason),
      abilities,
    );
    if (!outcome.ok) {
      if (outcome.refusal.code === "forbidden") {
        throw refused.forbidden(
          target.event === "pass" || target.event === "fail" ? "rectification.manage" : "rectification.submit",
        );
      }
      throw new Refused("rule", outcome.refusal);
    }
    await writeRectificationEvent(context, loaded, target.event, outcome.value, reason);
  });
}

async function writeRectificationEvent(
  context: CommandContext,
  loaded: LoadedRectification,
  event: RectificationEvent,
  change: { to: LoadedRectification["rectification"]["state"]; article: string },
  reason: string | undefined,
): Promise<void> {
  const { rectification } = loaded;
  const today = chinaDate(context.clock.now());
  const decides = event === "pass" || event === "fail";
  await context.tx
    .update(rectificationCases)
    .set({
      state: change.to,
      version: rectification.version + 1,
      updatedAt: context.clock.now(),
      ...(decides
        ? { decidedOn: today, decidedBy: context.actor.name ?? context.actor.accountId, decisionReason: reason ?? null }
        : {}),
    })
    .where(eq(rectificationCases.id, rectification.id));
  const year = rectification.year;
  const filed = filingKind[event];
  if (filed) await recordBaseEvent(context, rectification.baseId, filed, { year });
  if (event === "pass") {
    await applyBaseEvent(
      context,
      rectification.baseId,
      "pass-rectification",
      {},
      {
        kind: "rectification-passed",
        data: { year, ...(reason ? { reason } : {}) },
      },
    );
  }
  if (event === "fail") {
    // Art. 24, 20.6: still 不合格 after the year — the case fails and revocation is proposed; the officer decides it.
    await recordBaseEvent(context, rectification.baseId, "rectification-failed", {
      year,
      article: "24",
      ...(reason ? { reason } : {}),
    });
    await proposeRevocation(context, {
      baseId: rectification.baseId,
      ground: 6,
      source: "system",
      sourceRef: { kind: "rectification", id: rectification.id, year },
      evidence: reason ?? "整改期满复核仍不合格。",
      baseEvent: "fail-rectification",
      timeline: { year, ...(reason ? { reason } : {}) },
    });
  }
  await context.audit({
    changes: {
      state: { from: rectification.state, to: change.to },
      article: change.article,
      base: rectification.baseId,
    },
    ...(reason ? { reason } : {}),
  });
  await notify(context, loaded, event, change.to, reason);
}

/** The unit hears the department's decision; the department hears that a report awaits its re-check. */
async function notify(
  context: CommandContext,
  loaded: LoadedRectification,
  event: RectificationEvent,
  to: LoadedRectification["rectification"]["state"],
  reason: string | undefined,
): Promise<void> {
  const { rectification } = loaded;
  const recipients =
    event === "file-report"
      ? await officerAccounts(context)
      : event === "pass" || event === "fail"
        ? await unitAccounts(context, rectification.unitId)
        : [];
  const accountIds = recipients.filter((id) => id !== context.actor.accountId);
  if (accountIds.length === 0) return;
  const label = rectificationLifecycle.stateLabels[to];
  const done = rectificationEventLabel(event);
  await context.enqueue({
    kind: "notify",
    accountIds,
    titleZh: `${loaded.baseName}整改：${done.zh}（${label.zh}）`,
    titleEn: `${loaded.baseName} rectification: ${done.en} (${label.en})`,
    ...(reason ? { bodyZh: `理由：${reason}`, bodyEn: `Reason: ${reason}` } : {}),
    link: `/rectifications/${rectification.id}`,
  });
}
