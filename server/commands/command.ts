import type { Caller } from "../access/caller";
import { type AuditEntry, appendAudit, appendAudits } from "../audit/audit-log";
import type { Clock } from "../clock";
import type { Keys } from "../config/config";
import { PiiCipher } from "../crypto/sm";
import type { Database, Tx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { Refused, refused } from "../domain/refused";
import { enqueue, type OutboxMessage } from "../outbox/outbox";

/** Who acts: a signed-in account, or the system itself (demo loading, sweeps). */
export interface Actor {
  accountId: string | null;
  name: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

/**
 * Who invokes a use case: its dependencies, the audit actor and the signed-in caller (row scope, abilities).
 * Every command takes `(invocation, options)`.
 */
export interface Invocation {
  deps: CommandDeps;
  actor: Actor;
  caller: Caller;
}

/**
 * An invocation with no signed-in caller: the system (installation bootstrap, demo loading) or a visitor who is not
 * signed in (self-registration). It names who acts for the audit and nothing more; a command that can be invoked
 * this way takes it, and a signed-in `Invocation` satisfies it too.
 */
export type CallerlessInvocation = Pick<Invocation, "deps" | "actor">;

export const systemActor: Actor = { accountId: null, name: "system", role: null, ip: null, requestId: null };

export interface CommandDeps {
  database: Database;
  clock: Clock;
  keys: Keys;
}

/** What a use case receives: one transaction, the clock, and ways to record what it did. */
export interface CommandContext {
  tx: Tx;
  clock: Clock;
  keys: Keys;
  pii: PiiCipher;
  actor: Actor;
  /** Records a success entry for this command's action, appended to the audit chain when the work is done. */
  audit(
    entry: Pick<AuditEntry, "targetType" | "targetId" | "changes" | "reason"> & {
      action?: string;
      actor?: Partial<Actor>;
    },
  ): Promise<void>;
  /** Writes a message to the outbox; it is dispatched only after the transaction commits. */
  enqueue(message: OutboxMessage): Promise<void>;
}

const ciphers = new WeakMap<Buffer, PiiCipher>();
export function piiCipher(keys: Keys): PiiCipher {
  let cipher = ciphers.get(keys.pii);
  if (!cipher) {
    cipher = new PiiCipher(keys.pii);
    ciphers.set(keys.pii, cipher);
  }
  return cipher;
}

function auditBase(actor: Actor, action: string): AuditEntry {
  return {
    actorId: actor.accountId,
    actorName: actor.name,
    actorRole: actor.role,
    action,
    ip: actor.ip,
    requestId: actor.requestId,
    outcome: "success",
  };
}

/**
 * Runs one state change: a transaction, the work, its audit entries, its outbox rows — all or nothing.
 * A refused (`Refused`) or failed action rolls back and is then audited in its own transaction.
 */
export async function execute<T>(
  deps: CommandDeps,
  actor: Actor,
  action: string,
  target: { type: string; id?: string | null } | null,
  work: (context: CommandContext) => Promise<T>,
): Promise<T> {
  try {
    return await deps.database.transaction(async (tx) => {
      // Appended when the work is done: the audit head stays locked from then to the commit only.
      const entries: AuditEntry[] = [];
      const context: CommandContext = {
        tx,
        clock: deps.clock,
        keys: deps.keys,
        pii: piiCipher(deps.keys),
        actor,
        audit: async (entry) => {
          entries.push({
            ...auditBase({ ...actor, ...entry.actor }, entry.action ?? action),
            targetType: entry.targetType ?? target?.type ?? null,
            targetId: entry.targetId ?? target?.id ?? null,
            changes: entry.changes,
            reason: entry.reason ?? null,
          });
        },
        enqueue: (message) => enqueue(tx, deps.clock, message),
      };
      const result = await work(context);
      await appendAudits(tx, deps.keys.audit, deps.clock, entries);
      return result;
    });
  } catch (thrown) {
    const error = isUniqueViolation(thrown) ? concurrentChange() : thrown;
    await auditOutcome(deps, actor, action, target, error instanceof Refused ? "refused" : "failed", error);
    throw error;
  }
}

/**
 * A uniqueness rule held by the database (a constraint where the rule lives) refused the commit: another request
 * changed the same records at the same moment. The caller reloads and tries again; nothing was written.
 */
const concurrentChange = () =>
  refused.conflict({
    code: "concurrent-change",
    messageZh: "相关记录刚被他人同时修改，本次操作未保存，请刷新后重试。",
    messageEn: "Someone changed the same records at the same moment; nothing was saved. Reload and try again.",
  });

/** Records a refusal or failure that happened outside (or instead of) a command, in its own transaction. */
export async function auditOutcome(
  deps: CommandDeps,
  actor: Actor,
  action: string,
  target: { type: string; id?: string | null } | null,
  outcome: "refused" | "failed",
  error: unknown,
): Promise<void> {
  const reason =
    error instanceof Refused
      ? `${error.refusal.code}: ${error.refusal.messageZh}`
      : error instanceof Error
        ? error.message.slice(0, 500)
        : String(error);
  try {
    await deps.database.transaction((tx) =>
      appendAudit(tx, deps.keys.audit, deps.clock, {
        ...auditBase(actor, action),
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        outcome,
        reason,
      }),
    );
  } catch {
    // The original error matters more; a failing audit store surfaces on the next successful write.
  }
}
