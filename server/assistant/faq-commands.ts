import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { faqSeed } from "../../assistant/faq-seed";
import type { FaqInput, FaqPatch } from "../../contracts/assistant";
import { authorize } from "../access/scope";
import { type CommandDeps, execute, type Invocation, systemActor } from "../commands/command";
import { assistantFaqs } from "../db/schema";
import { refused } from "../domain/refused";
import { type FaqRow, loadFaqRow } from "./faq.repository";

/**
 * The department curates the assistant's FAQ (issue 14 item 1): add, change at the version read, delete (kept with
 * its deletion time, so the audit log can name it and a seed entry is not inserted again). Every change is one
 * transaction with its audit entry.
 */
export async function createFaq(invocation: Invocation, input: FaqInput): Promise<string> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  await execute(deps, actor, "assistant-faq.create", { type: "assistant-faq", id }, async (context) => {
    await authorize(context.tx, caller, "assistant-faq.manage");
    const now = context.clock.now();
    await context.tx.insert(assistantFaqs).values({
      id,
      ...input,
      createdBy: actor.accountId,
      updatedBy: actor.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await context.audit({ changes: { ...input } });
  });
  return id;
}

async function lockCurrent(tx: Parameters<typeof loadFaqRow>[0], id: string, version?: number): Promise<FaqRow> {
  const row = await loadFaqRow(tx, id, true);
  if (!row) throw refused.notFound("FAQ entry", "常见问题");
  if (version !== undefined && row.version !== version) throw refused.staleVersion();
  return row;
}

export async function updateFaq(invocation: Invocation, id: string, patch: FaqPatch): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "assistant-faq.update", { type: "assistant-faq", id }, async (context) => {
    await authorize(context.tx, caller, "assistant-faq.manage");
    const { version, ...changes } = patch;
    const row = await lockCurrent(context.tx, id, version);
    const next = { ...row, ...changes };
    if (next.validTo !== null && next.validTo < next.validFrom) {
      throw refused.invalidInput(
        "invalid-input",
        "截止日期不能早于生效日期。",
        "The last day cannot precede the first.",
        [{ path: "validTo", messageZh: "不能早于生效日期", messageEn: "Cannot precede the first day" }],
      );
    }
    await context.tx
      .update(assistantFaqs)
      .set({ ...changes, version: row.version + 1, updatedBy: actor.accountId, updatedAt: context.clock.now() })
      .where(eq(assistantFaqs.id, id));
    await context.audit({ changes: { ...changes, version: row.version + 1 } });
  });
}

export async function deleteFaq(invocation: Invocation, id: string): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "assistant-faq.delete", { type: "assistant-faq", id }, async (context) => {
    await authorize(context.tx, caller, "assistant-faq.manage");
    const row = await lockCurrent(context.tx, id);
    const now = context.clock.now();
    await context.tx
      .update(assistantFaqs)
      .set({ deletedAt: now, updatedBy: actor.accountId, updatedAt: now, version: row.version + 1 })
      .where(eq(assistantFaqs.id, id));
    await context.audit({ changes: { questions: row.questions } });
  });
}

/**
 * The seed FAQ (assistant/faq-seed.ts), inserted once by id: an entry an officer changed keeps the change, one an
 * officer deleted stays deleted. Idempotent, run with the reference data at every start.
 */
export async function seedAssistantFaq(deps: CommandDeps): Promise<void> {
  const existing = new Set(
    (await deps.database.db.select({ id: assistantFaqs.id }).from(assistantFaqs)).map((row) => row.id),
  );
  const missing = faqSeed.filter((entry) => !existing.has(entry.id));
  if (missing.length === 0) return;
  await execute(deps, systemActor, "assistant-faq.seed", { type: "assistant-faq" }, async (context) => {
    const now = context.clock.now();
    for (const entry of missing)
      await context.tx.insert(assistantFaqs).values({ ...entry, createdAt: now, updatedAt: now });
    await context.audit({ changes: { ids: missing.map((entry) => entry.id) } });
  });
}
