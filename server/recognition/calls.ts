import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Call, callInput, callUpdate } from "../../contracts/recognition";
import type { Ability } from "../../policy/access/abilities";
import { checkCallDates } from "../../policy/calendar/call-dates";
import { validateRubric } from "../../policy/grading/rubric";
import { editionFor } from "../../policy/measures/editions";
import type { Caller } from "../access/caller";
import { authorize, resolveScope } from "../access/scope";
import { chinaDate } from "../clock";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { calls } from "../db/schema";
import { parseCallRow } from "../db/stored-json";
import { refused } from "../domain/refused";
import { defaultMaterials } from "./materials";
import { callAccepting } from "./save-application";

export type CallRow = typeof calls.$inferSelect;

/**
 * A call's settings as they will stand (the input over the current row): a malformed rubric is refused as input
 * (400); dates out of order are refused by policy's rule (Art. 14, 422) naming each field at fault.
 */
function checkCall(input: Partial<z.infer<typeof callInput>>, current?: CallRow) {
  if (input.rubric) {
    const outcome = validateRubric(input.rubric);
    if (!outcome.ok) {
      throw refused.invalidInput("invalid-input", "批次设置有误。", "The call's settings are invalid.", [
        { path: "rubric", messageZh: outcome.refusal.messageZh, messageEn: outcome.refusal.messageEn },
      ]);
    }
  }
  if (input.opensAt === undefined && input.closesAt === undefined && input.deadline === undefined) return;
  const opensAt = input.opensAt ? new Date(input.opensAt) : current?.opensAt;
  const closesAt = input.closesAt ? new Date(input.closesAt) : current?.closesAt;
  const deadline = input.deadline ?? current?.deadline;
  if (!opensAt || !closesAt || !deadline) return;
  const refusal = checkCallDates({
    opensAt: opensAt.getTime(),
    closesAt: closesAt.getTime(),
    opensOn: chinaDate(opensAt),
    closesOn: chinaDate(closesAt),
    deadline,
  });
  if (refusal) throw refused.rule(refusal);
}

/** An officer drafts a call (年度认定通知 or a targeted call for offshore key bases, Art. 2, 14). */
export async function createCall(deps: CommandDeps, actor: Actor, input: z.infer<typeof callInput>): Promise<string> {
  const id = randomUUID();
  return execute(deps, actor, "call.create", { type: "call", id }, async (context) => {
    checkCall(input);
    const row = {
      ...input,
      id,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      materials: input.materials ?? defaultMaterials,
      status: "draft" as const,
      edition: editionFor(input.deadline).edition.id,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    };
    await context.tx.insert(calls).values(row);
    await context.audit({ changes: { year: input.year, kind: input.kind, titleZh: input.titleZh } });
    return id;
  });
}

/** Edits a call at the version the officer read (409 otherwise). */
export async function updateCall(deps: CommandDeps, actor: Actor, id: string, input: z.infer<typeof callUpdate>) {
  await execute(deps, actor, "call.update", { type: "call", id }, async (context) => {
    const [row] = await context.tx.select().from(calls).where(eq(calls.id, id)).for("update");
    if (!row) throw refused.notFound("Call", "批次");
    if (row.version !== input.version) throw refused.staleVersion();
    checkCall(input, row);
    const { version, opensAt, closesAt, ...rest } = input;
    await context.tx
      .update(calls)
      .set({
        ...rest,
        ...(opensAt ? { opensAt: new Date(opensAt) } : {}),
        ...(closesAt ? { closesAt: new Date(closesAt) } : {}),
        ...(rest.deadline ? { edition: editionFor(rest.deadline).edition.id } : {}),
        version: version + 1,
      })
      .where(eq(calls.id, id));
    await context.audit({ changes: { ...rest, version: version + 1 } });
  });
}

const moves = { open: { from: ["draft", "closed"], to: "open" }, close: { from: ["open"], to: "closed" } } as const;

/** Opens (publishes) or closes a call. */
export async function moveCall(deps: CommandDeps, actor: Actor, id: string, move: keyof typeof moves) {
  await execute(deps, actor, `call.${move}`, { type: "call", id }, async (context) => {
    const [row] = await context.tx.select().from(calls).where(eq(calls.id, id)).for("update");
    if (!row) throw refused.notFound("Call", "批次");
    if (!(moves[move].from as readonly string[]).includes(row.status)) {
      throw refused.conflict({
        code: "invalid-transition",
        messageZh: `批次当前状态不能${move === "open" ? "发布" : "关闭"}。`,
        messageEn: `The call cannot ${move} now.`,
      });
    }
    await context.tx
      .update(calls)
      .set({ status: moves[move].to, version: row.version + 1 })
      .where(eq(calls.id, id));
    await context.audit({ changes: { status: { from: row.status, to: moves[move].to } } });
  });
}

/** Calls the caller may see: officers all; everyone else open and closed ones, targeted ones only when invited. */
export async function listCalls(executor: Executor, caller: Caller) {
  await authorize(executor, caller, "call.read");
  const manager = await resolveScope(executor, caller, "call.manage");
  const rows = await executor.select().from(calls).orderBy(desc(calls.year), desc(calls.opensAt));
  return rows.map(parseCallRow).filter((row) => manager || visibleTo(row, caller));
}

function visibleTo(row: CallRow, caller: Caller): boolean {
  if (row.status === "draft") return false;
  if (row.kind === "targeted" && caller.roles.every((role) => role === "applicant")) {
    return caller.unitId !== null && row.invitedUnitIds.includes(caller.unitId);
  }
  return true;
}

export async function loadCall(executor: Executor, caller: Caller, id: string): Promise<CallRow> {
  const visible = await listCalls(executor, caller);
  const row = visible.find((call) => call.id === id);
  if (!row) throw refused.notFound("Call", "批次");
  return row;
}

export function presentCall(row: CallRow, now: Date, abilities: Ability[]): Call {
  return {
    id: row.id,
    year: row.year,
    kind: row.kind,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    deadline: row.deadline,
    focusFields: row.focusFields,
    rubric: row.rubric,
    materials: row.materials.length > 0 ? row.materials : defaultMaterials,
    quotas: row.quotas,
    defaultQuota: row.defaultQuota,
    invitedUnitIds: row.invitedUnitIds,
    status: row.status,
    accepting: callAccepting(row, now),
    edition: row.edition,
    version: row.version,
    abilities,
  };
}
