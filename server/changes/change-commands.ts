import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { ChangeReportCreate, ChangeReportUpdate, ChangeValuesInput } from "../../contracts/change-reports";
import { changeReportDeadline } from "../../policy/calendar/deadlines";
import { changeDateRefusal, filingLateness } from "../../policy/changes/change-dates";
import type { MajorChangeEffects, MajorChangeValues } from "../../policy/changes/change-effects";
import {
  type ChangeReportEvent,
  type ChangeReportState,
  changeReportLifecycle,
  type MajorChangeKind,
} from "../../policy/lifecycles/change-report.transitions";
import { transition } from "../../policy/lifecycles/transition";
import { editionFor } from "../../policy/measures/editions";
import type { Refusal } from "../../policy/refusal";
import { authorize, unitRows } from "../access/scope";
import { chinaDate } from "../clock";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { accounts, bases, changeReports, people } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { accountsWithRole, unitAccounts } from "../outbox/recipients";
import { proposeRevocation } from "../revocation/propose";
import { recordBaseEvent } from "../yearly/base-timeline";
import { decideLoadedChange } from "./change-facts";
import {
  changeReportAbilities,
  kindLabel,
  type LoadedChangeReport,
  requireChangeReport,
} from "./change-reports.repository";

/** Art. 18.5: changes are reported for bases in the series — active, or in their year of rectification. */
export const reportableStatuses = ["active", "rectifying"];

function requireReportable(base: typeof bases.$inferSelect) {
  if (reportableStatuses.includes(base.status)) return;
  throw refused.conflict({
    code: "base-not-reportable",
    article: "18.5",
    path: "baseId",
    messageZh: "只有在册（正常运行或整改中）的基地可以报告重大事项变化。",
    messageEn: "Only a base in the series (active or in rectification) reports major changes.",
  });
}

function requireChangeDate(changedOn: string, today: string) {
  const refusal = changeDateRefusal(changedOn, today);
  if (refusal) throw refused.rule(refusal);
}

/** Only the fields of the report's kind are kept (a kind changed in the draft leaves no stray values). */
function valuesOfKind(kind: MajorChangeKind, input: ChangeValuesInput | undefined): MajorChangeValues {
  const values = input ?? {};
  switch (kind) {
    case "work-plan":
      return values.workPlanSummary === undefined ? {} : { workPlanSummary: values.workPlanSummary };
    case "director":
      return {
        ...(values.directorName === undefined ? {} : { directorName: values.directorName }),
        ...(values.directorPersonId ? { directorPersonId: values.directorPersonId } : {}),
      };
    case "name":
      return values.field === undefined ? {} : { field: values.field };
    case "key-or-main-countries":
      return values.countries === undefined ? {} : { countries: values.countries };
  }
}

/** A picked director must be a person of the base's host unit (400 at the field otherwise). */
async function requireUnitPerson(context: CommandContext, unitId: string, values: MajorChangeValues) {
  const personId = values.directorPersonId;
  if (!personId) return values;
  const [person] = await context.tx
    .select({ name: people.name, unitId: people.unitId })
    .from(people)
    .where(eq(people.id, personId));
  if (!person || person.unitId !== unitId) {
    throw refused.invalidInput(
      "person-not-in-unit",
      "所选人员不属于依托单位。",
      "The person is not of the host unit.",
      [
        {
          path: "proposed.directorPersonId",
          messageZh: "请选择依托单位的人员",
          messageEn: "Pick a person of the host unit",
        },
      ],
    );
  }
  // The name comes from the person record: a picked person is never renamed in the report.
  return { ...values, directorName: person.name };
}

/** The standard name the new field gives, kept with the draft so every reader sees it (Art. 29–30). */
async function withDerived(
  context: CommandContext,
  base: typeof bases.$inferSelect,
  kind: MajorChangeKind,
  changedOn: string,
  proposed: MajorChangeValues,
): Promise<MajorChangeValues> {
  if (kind !== "name") return proposed;
  const effects = await decideLoadedChange(context.tx, { report: { kind, changedOn, proposed }, base });
  const { standardName: _stale, ...rest } = proposed;
  return effects.next.standardName ? { ...rest, standardName: effects.next.standardName } : rest;
}

/**
 * Starts a major change report (Art. 18.5) for a base of the caller's unit: a draft with the change date (not in the
 * future), its due date (3 calendar months), the proposed values of its kind. Another unit's base is a 404; a base
 * out of the series is a 409.
 */
export async function createChangeReport(invocation: Invocation, input: ChangeReportCreate): Promise<string> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(deps, actor, "change-report.create", { type: "change-report", id }, async (context) => {
    const scope = await authorize(context.tx, caller, "change-report.create");
    const [base] = await context.tx
      .select()
      .from(bases)
      .where(and(eq(bases.id, input.baseId), unitRows(scope, bases.unitId)));
    if (!base) throw refused.notFound("Base", "基地");
    requireReportable(base);
    const now = context.clock.now();
    const today = chinaDate(now);
    requireChangeDate(input.changedOn, today);
    const proposed = await withDerived(
      context,
      base,
      input.kind,
      input.changedOn,
      await requireUnitPerson(context, base.unitId, valuesOfKind(input.kind, input.proposed)),
    );
    const dueOn = changeReportDeadline(input.changedOn);
    await context.tx.insert(changeReports).values({
      id,
      baseId: base.id,
      unitId: base.unitId,
      kind: input.kind,
      changedOn: input.changedOn,
      dueOn,
      state: "draft",
      proposed,
      description: input.description ?? "",
      edition: editionFor(today).edition.id,
      version: 1,
      createdBy: actor.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await context.audit({
      changes: { base: base.id, kind: input.kind, changedOn: input.changedOn, dueOn, article: "18.5" },
    });
    return id;
  });
}

function checkVersion(loaded: LoadedChangeReport, expectedVersion: number) {
  if (loaded.report.version !== expectedVersion) throw refused.staleVersion();
}

/** Saves the unit's draft (draft or returned only): kind, change date (its due date moves with it), values, text. */
export async function saveChangeReport(
  invocation: Invocation,
  target: { id: string; update: ChangeReportUpdate },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "change-report.save", { type: "change-report", id: target.id }, async (context) => {
    const loaded = await requireChangeReport(context.tx, caller, target.id, { lock: true });
    if (!(await changeReportAbilities(context.tx, caller, loaded)).includes("change-report.submit")) {
      throw refused.forbidden("change-report.submit");
    }
    const { report } = loaded;
    if (report.state !== "draft" && report.state !== "returned") {
      const label = changeReportLifecycle.stateLabels[report.state];
      throw refused.conflict({
        code: "not-editable",
        article: "18.5",
        messageZh: `变化报告当前为“${label.zh}”，不能修改。`,
        messageEn: `The report is ${label.en}; it cannot be changed now.`,
      });
    }
    checkVersion(loaded, target.update.expectedVersion);
    const { update } = target;
    const kind = update.kind ?? report.kind;
    const changedOn = update.changedOn ?? report.changedOn;
    if (update.changedOn !== undefined) requireChangeDate(changedOn, chinaDate(context.clock.now()));
    const values =
      update.proposed !== undefined
        ? valuesOfKind(kind, update.proposed)
        : kind === report.kind
          ? report.proposed
          : valuesOfKind(kind, report.proposed);
    const proposed = await withDerived(
      context,
      loaded.base,
      kind,
      changedOn,
      await requireUnitPerson(context, report.unitId, values),
    );
    const version = report.version + 1;
    const dueOn = changeReportDeadline(changedOn);
    await context.tx
      .update(changeReports)
      .set({
        kind,
        changedOn,
        dueOn,
        proposed,
        description: update.description ?? report.description,
        version,
        updatedAt: context.clock.now(),
      })
      .where(eq(changeReports.id, report.id));
    await context.audit({ changes: { kind, changedOn, dueOn, version } });
  });
}

/** The timeline entry each event leaves on the base. */
const timelineKinds = {
  submit: "change-submitted",
  return: "change-returned",
  approve: "change-approved",
  file: "change-filed",
} as const satisfies Partial<Record<ChangeReportEvent, string>>;

const abilityOf = (event: ChangeReportEvent) =>
  event === "approve" ? "change-report.review" : event === "file" ? "change-report.file" : "change-report.submit";

function refuseEffects(effects: MajorChangeEffects) {
  const [first] = effects.refusals;
  if (!first) return;
  throw refused.rule({
    ...first,
    errors: effects.refusals.map((refusal: Refusal) => ({
      path: refusal.path ?? "proposed",
      messageZh: refusal.messageZh,
      messageEn: refusal.messageEn,
      ...(refusal.article ? { article: refusal.article } : {}),
    })),
  });
}

/**
 * Fires one event on a report: load under a lock in the caller's scope (404) → version (409) → the transition table
 * (403 without the ability, 422 for a missing reason) → at submission and filing, the change's effects decided again
 * (422 naming Art. 12, 13, 29 or 18.5 at the field) → state, registry, timeline, audit and notices in one transaction.
 * Filing applies the change to the base (备案) and records whether it came after the due date (flagged, not refused).
 */
export async function fireChangeReportEvent(
  invocation: Invocation,
  target: { id: string; event: ChangeReportEvent; reason?: string; expectedVersion: number },
): Promise<{ filedLate: boolean | null }> {
  const { deps, actor, caller } = invocation;
  const action = `change-report.${target.event}`;
  return execute(deps, actor, action, { type: "change-report", id: target.id }, async (context) => {
    const loaded = await requireChangeReport(context.tx, caller, target.id, { lock: true });
    checkVersion(loaded, target.expectedVersion);
    const reason = target.reason?.trim() || undefined;
    const abilities = await changeReportAbilities(context.tx, caller, loaded);
    const outcome = transition(
      changeReportLifecycle,
      loaded.report.state,
      target.event,
      reason ? { reason } : {},
      abilities,
    );
    if (!outcome.ok) {
      if (outcome.refusal.code === "forbidden") throw refused.forbidden(abilityOf(target.event));
      throw new Refused(outcome.refusal.code === "invalid-transition" ? "conflict" : "rule", outcome.refusal);
    }
    const today = chinaDate(context.clock.now());
    if (target.event === "submit" || target.event === "file") {
      requireReportable(loaded.base);
      requireChangeDate(loaded.report.changedOn, today);
    }
    const effects =
      target.event === "submit" || target.event === "file" ? await decideLoadedChange(context.tx, loaded) : null;
    if (effects) refuseEffects(effects);
    return writeEvent(context, loaded, target.event, outcome.value, { reason, effects, today });
  });
}

async function writeEvent(
  context: CommandContext,
  loaded: LoadedChangeReport,
  event: ChangeReportEvent,
  change: { to: ChangeReportState; article: string },
  decided: { reason: string | undefined; effects: MajorChangeEffects | null; today: string },
): Promise<{ filedLate: boolean | null }> {
  const { report, base } = loaded;
  const { reason, effects, today } = decided;
  const now = context.clock.now();
  const lateness = event === "file" ? filingLateness(report.changedOn, today) : null;
  await context.tx
    .update(changeReports)
    .set({
      state: change.to,
      version: report.version + 1,
      updatedAt: now,
      ...(event === "submit" ? { submittedAt: now, returnReason: null } : {}),
      ...(event === "return" ? { returnReason: reason ?? null } : {}),
      ...(event === "approve" ? { approvedAt: now } : {}),
      ...(lateness && effects
        ? {
            filedOn: today,
            filedLate: lateness.filedLate,
            previous: effects.previous,
            proposed: { ...report.proposed, ...effects.next },
          }
        : {}),
    })
    .where(eq(changeReports.id, report.id));
  if (lateness && effects) await applyToRegistry(context, loaded, effects);
  const kind = timelineKinds[event as keyof typeof timelineKinds];
  if (kind) {
    await recordBaseEvent(context, base.id, kind, {
      article: "18.5",
      changeKind: report.kind,
      changeReportId: report.id,
      dueOn: report.dueOn,
      ...(reason ? { reason } : {}),
      ...(lateness && effects
        ? { previousValue: effects.previousText, newValue: effects.newText, late: lateness.filedLate }
        : {}),
    });
  }
  await context.audit({
    changes: {
      state: { from: report.state, to: change.to },
      article: change.article,
      base: base.id,
      kind: report.kind,
      ...(lateness && effects
        ? { filedOn: today, filedLate: lateness.filedLate, previous: effects.previous, next: effects.next }
        : {}),
      ...(effects && effects.warnings.length > 0
        ? { warnings: effects.warnings.map((warning) => `${warning.article}: ${warning.messageZh}`) }
        : {}),
    },
    ...(reason ? { reason } : {}),
  });
  await notify(context, loaded, event, change.to, reason, lateness?.filedLate ?? null);
  if (lateness?.filedLate && effects) await proposeForLateFiling(context, loaded, lateness.dueOn, today);
  return { filedLate: lateness?.filedLate ?? null };
}

/**
 * Art. 20.8: a change filed after its window was concealed for that long; the system proposes revocation and the
 * department decides (docs/interpretations.md). The proposal rides in the filing's transaction.
 */
async function proposeForLateFiling(context: CommandContext, loaded: LoadedChangeReport, dueOn: string, today: string) {
  const { report } = loaded;
  const kind = kindLabel(report.kind);
  await proposeRevocation(context, {
    baseId: report.baseId,
    ground: 8,
    source: "system",
    sourceRef: { kind: "change-report", id: report.id },
    evidence: `${kind.nameZh}：变化发生于${report.changedOn}，应于${dueOn}前备案，实际备案日期${today}（第十八条第五项）。`,
    timeline: { reason: `${kind.nameZh}逾期备案（应于${dueOn}前）` },
  });
}

/** 备案: the registry takes the change — director, field and standard name, or countries (Art. 12, 13, 29–30). */
async function applyToRegistry(context: CommandContext, loaded: LoadedChangeReport, effects: MajorChangeEffects) {
  const { base } = loaded;
  const next = effects.next;
  const columns: Partial<typeof bases.$inferInsert> = {};
  if (loaded.report.kind === "director") {
    columns.directorName = next.directorName ?? base.directorName;
    columns.directorPersonId = next.directorPersonId ?? null;
  }
  if (loaded.report.kind === "name" && next.field && next.standardName) {
    // bases_name_unit_key: a unit's two bases never share a name (Art. 29).
    const [taken] = await context.tx
      .select({ id: bases.id })
      .from(bases)
      .where(and(eq(bases.unitId, base.unitId), eq(bases.standardName, next.standardName), ne(bases.id, base.id)));
    if (taken) {
      throw refused.rule({
        code: "name-taken",
        article: "29",
        path: "proposed.field",
        messageZh: `依托单位已有名为“${next.standardName}”的基地。`,
        messageEn: `The host unit already has a base named ${next.standardName}.`,
      });
    }
    columns.field = next.field;
    columns.standardName = next.standardName;
  }
  if (loaded.report.kind === "key-or-main-countries" && next.countries) columns.countries = next.countries;
  if (Object.keys(columns).length === 0) return;
  await context.tx
    .update(bases)
    .set({ ...columns, version: base.version + 1 })
    .where(eq(bases.id, base.id));
  await context.audit({
    action: "base.change-filed",
    targetType: "base",
    targetId: base.id,
    changes: { changeReport: loaded.report.id, kind: loaded.report.kind, previous: effects.previous, next },
  });
}

/** Who hears what: the recommender a submission, the department an approval, the unit a return or the filing. */
async function notify(
  context: CommandContext,
  loaded: LoadedChangeReport,
  event: ChangeReportEvent,
  to: ChangeReportState,
  reason: string | undefined,
  filedLate: boolean | null,
) {
  const { report } = loaded;
  const recipients =
    event === "submit"
      ? loaded.unitRecommenderId
        ? await accountsWithRole(context.tx, "recommender", eq(accounts.recommenderId, loaded.unitRecommenderId))
        : []
      : event === "approve"
        ? await accountsWithRole(context.tx, "officer")
        : event === "return" || event === "file"
          ? await unitAccounts(context, report.unitId)
          : [];
  const accountIds = recipients.filter((id) => id !== context.actor.accountId);
  if (accountIds.length === 0) return;
  const label = changeReportLifecycle.stateLabels[to];
  const kind = kindLabel(report.kind);
  const late = filedLate ? { zh: "（逾期备案）", en: " (filed late)" } : { zh: "", en: "" };
  await context.enqueue({
    kind: "notify",
    accountIds,
    titleZh: `${loaded.base.standardName}${kind.nameZh}：${label.zh}${late.zh}`,
    titleEn: `${loaded.base.standardName} — ${kind.nameEn} change: ${label.en}${late.en}`,
    ...(reason ? { bodyZh: `理由：${reason}`, bodyEn: `Reason: ${reason}` } : {}),
    link: `/change-reports/${report.id}`,
  });
}
