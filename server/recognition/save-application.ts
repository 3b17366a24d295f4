import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { ApplicationForm } from "../../contracts/recognition";
import type { ApplicationState } from "../../policy/lifecycles/application.transitions";
import { secondApplicationRefusal } from "../../policy/lifecycles/application-per-call";
import { baseTypeCodes } from "../../policy/reference/base-types";
import { regionCodes } from "../../policy/reference/regions";
import type { Caller } from "../access/caller";
import { authorize, covers } from "../access/scope";
import { type Actor, type CommandContext, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { applications, calls, units } from "../db/schema";
import { parseApplicationRow, parseCallRow } from "../db/stored-json";
import { Refused, refused } from "../domain/refused";
import { type ApplicationRow, editableStates, nameOf } from "./applications.repository";
import { evaluateEligibility, uploadedSlotsOf } from "./eligibility-facts";

type CallRow = typeof calls.$inferSelect;

/** Whether the call takes applications now: open and between its opening and closing instants. */
export function callAccepting(call: CallRow, now: Date): boolean {
  return call.status === "open" && call.opensAt <= now && now <= call.closesAt;
}

export const callNotAccepting = () =>
  refused.conflict({
    code: "call-not-open",
    messageZh: "该批次当前不在申报期内。",
    messageEn: "This call is not open for applications now.",
  });

/** Columns the server derives from the form on every save: type, field, flags, standard name, director. */
function derive(form: ApplicationForm, call: CallRow) {
  const application = form.application ?? {};
  const type = typeof application.type === "string" && (baseTypeCodes as string[]).includes(application.type);
  const field = typeof application.field === "string" ? application.field.trim() : "";
  const region = typeof application.region === "string" && (regionCodes as string[]).includes(application.region);
  const isKey = call.kind === "targeted";
  const columns = {
    type: type ? (application.type as string) : null,
    field: field || null,
    isKey,
    isOffshore: isKey || application.isOffshore === true,
    region: region ? (application.region as string) : null,
    directorPersonId: typeof form.director?.personId === "string" ? form.director.personId : null,
  };
  return { ...columns, standardName: nameOf(columns).name };
}

/**
 * Re-derives the columns and the eligibility of an application from its form, files, unit, call and registry; the
 * call (parsed) and the unit are read unless the caller already holds them.
 */
export async function recompute(
  executor: Executor,
  row: Pick<ApplicationRow, "id" | "unitId" | "callId">,
  form: ApplicationForm,
  read: { call?: typeof calls.$inferSelect | undefined; unit?: typeof units.$inferSelect | undefined } = {},
) {
  const call = read.call ?? (await executor.select().from(calls).where(eq(calls.id, row.callId))).map(parseCallRow)[0];
  const unit = read.unit ?? (await executor.select().from(units).where(eq(units.id, row.unitId)))[0];
  if (!call || !unit) throw refused.notFound("Call", "批次");
  const columns = derive(form, call);
  const eligibility = await evaluateEligibility(executor, {
    form,
    unit,
    call,
    isKey: columns.isKey,
    uploadedSlots: await uploadedSlotsOf(executor, row.id),
    applicationId: row.id,
  });
  return { ...columns, eligibility };
}

/** An applicant starts an application to an open call (a targeted call: invited units only, Art. 2). */
export async function createApplication(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  input: { callId: string; form?: ApplicationForm | undefined },
): Promise<string> {
  const scope = await authorize(deps.database.db, caller, "application.create");
  if (!caller.unitId) throw refused.forbidden("application.create");
  const id = randomUUID();
  return execute(deps, actor, "application.create", { type: "application", id }, async (context) => {
    const { tx } = context;
    const [call] = (await tx.select().from(calls).where(eq(calls.id, input.callId))).map(parseCallRow);
    if (!call || call.status === "draft") throw refused.notFound("Call", "批次");
    if (!callAccepting(call, context.clock.now())) throw callNotAccepting();
    if (call.kind === "targeted" && !call.invitedUnitIds.includes(caller.unitId!)) {
      throw new Refused("forbidden", {
        code: "not-invited",
        messageZh: "该定向征集仅限受邀单位申报（第二条）。",
        messageEn: "This targeted call is open to invited units only (Art. 2).",
      });
    }
    // The unit row locked: two clicks on 申报 at once queue here, and the second sees the first's draft.
    const [unit] = await tx.select().from(units).where(eq(units.id, caller.unitId!)).for("update");
    if (!unit || !covers(scope, { unitId: unit.id, recommenderId: unit.recommenderId })) {
      throw refused.forbidden("application.create");
    }
    const own = await tx
      .select({ id: applications.id, state: applications.state })
      .from(applications)
      .where(and(eq(applications.callId, call.id), eq(applications.unitId, unit.id)))
      .orderBy(applications.createdAt);
    const second = secondApplicationRefusal(own);
    if (second) throw refused.conflict(second);
    if (unit.status !== "confirmed") {
      throw refused.conflict({
        code: "unit-not-confirmed",
        messageZh: "单位注册尚未经推荐部门确认，暂不能申报。",
        messageEn: "The unit's registration is not confirmed yet.",
      });
    }
    const form = input.form ?? {};
    const now = context.clock.now();
    const derived = await recompute(tx, { id, unitId: unit.id, callId: call.id }, form, { call, unit });
    await tx.insert(applications).values({
      id,
      callId: call.id,
      unitId: unit.id,
      recommenderId: unit.recommenderId,
      state: "draft" satisfies ApplicationState,
      ...derived,
      form,
      createdBy: actor.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await context.audit({ changes: { callId: call.id, unitId: unit.id, state: "draft" } });
    return id;
  });
}

/**
 * Locks the row and checks the caller may edit it in its state and at the version it read; its form is parsed
 * (a file change re-runs the eligibility on it).
 */
async function lockEditable(context: CommandContext, caller: Caller, id: string, version?: number) {
  const [row] = (await context.tx.select().from(applications).where(eq(applications.id, id)).for("update")).map(
    (locked) => parseApplicationRow(locked, ["form"]),
  );
  if (!row || !covers(await authorize(context.tx, caller, "application.read"), row)) {
    throw refused.notFound("Application", "申报");
  }
  if (!covers(await authorize(context.tx, caller, "application.update"), row)) {
    throw refused.forbidden("application.update");
  }
  if (!editableStates.includes(row.state as ApplicationState)) {
    throw refused.conflict({
      code: "not-editable",
      messageZh: "申报已提交，当前状态下不能修改。",
      messageEn: "The application is not editable in its current state.",
    });
  }
  if (version !== undefined && version !== row.version) throw refused.staleVersion();
  return row;
}

/** Autosave: a save on a stale version is refused (409), never a silent overwrite. Eligibility is re-run. */
export async function updateApplicationForm(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  id: string,
  input: { form: ApplicationForm; version: number },
): Promise<void> {
  await execute(deps, actor, "application.update", { type: "application", id }, async (context) => {
    const row = await lockEditable(context, caller, id, input.version);
    const derived = await recompute(context.tx, row, input.form);
    await context.tx
      .update(applications)
      .set({ ...derived, form: input.form, version: row.version + 1, updatedAt: context.clock.now() })
      .where(eq(applications.id, id));
    await context.audit({
      changes: { version: { from: row.version, to: row.version + 1 }, standardName: derived.standardName },
    });
  });
}

export { lockEditable };
