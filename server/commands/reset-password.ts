import { eq } from "drizzle-orm";
import { decidePasswordReset } from "../../policy/access/separation";
import { generateOneTimePassword } from "../auth/one-time-password";
import { hashPassword } from "../auth/passwords";
import { readSecurityPolicy } from "../auth/security-policy";
import { destroyAccountSessions } from "../auth/sessions";
import { accounts } from "../db/schema";
import { refused } from "../domain/refused";
import { type CallerlessInvocation, type CommandContext, execute, type Invocation } from "./command";
import { accountActorOf, lockAccountFacts, throwIfRefused } from "./role-grants";

export interface PasswordReset {
  username: string;
  displayName: string;
  /** Shown once to whoever reset it; stored only as its hash. */
  oneTimePassword: string;
}

/**
 * An administrator resets a business account's password: a one-time password that signs in once and must be
 * changed then (accounts.one_time_password, must_change_password), the account unlocked and its sessions ended.
 * The system administrator resets any business account; a unit administrator (`unitId`) only its own unit's users —
 * an account of another unit is not found. Administrators' accounts: console only (decidePasswordReset).
 */
export async function resetAccountPassword(
  invocation: Invocation,
  options: { accountId: string; unitId?: string },
): Promise<PasswordReset> {
  const { deps, actor, caller } = invocation;
  const { accountId, unitId } = options;
  return execute(deps, actor, "account.password-reset", { type: "account", id: accountId }, async (context) => {
    const facts = await lockAccountFacts(context.tx, accountId, context.clock.now());
    const account = await accountRow(context, accountId);
    if (unitId !== undefined && account.unitId !== unitId) throw refused.notFound("Account", "账号");
    const ability = unitId === undefined ? "account.reset-password" : "unit-account.manage";
    throwIfRefused(decidePasswordReset(facts, accountActorOf(caller), ability));
    return writeReset(context, account, unitId === undefined ? "system-administrator" : "unit-administrator");
  });
}

/**
 * The out-of-band procedure (三员分立): the operator at the server console resets any account's password,
 * administrators' included (`npm run -s admin:reset-password -- <username>`), audited with the console as actor.
 * An unknown username is refused (404) and audited too.
 */
export async function resetPasswordFromConsole(
  invocation: CallerlessInvocation,
  options: { username: string },
): Promise<PasswordReset> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "account.password-reset.console", { type: "account" }, async (context) => {
    const [row] = await context.tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, options.username))
      .for("update");
    if (!row) throw refused.notFound("Account", "账号");
    return writeReset(context, await accountRow(context, row.id), "console");
  });
}

async function accountRow(context: CommandContext, accountId: string) {
  const [account] = await context.tx
    .select({
      id: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      unitId: accounts.unitId,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) throw refused.notFound("Account", "账号");
  return account;
}

async function writeReset(
  context: CommandContext,
  account: { id: string; username: string; displayName: string },
  by: "system-administrator" | "unit-administrator" | "console",
): Promise<PasswordReset> {
  const { policy } = await readSecurityPolicy(context.tx);
  const oneTimePassword = generateOneTimePassword(policy, account.username);
  await context.tx
    .update(accounts)
    .set({
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
      oneTimePassword: "issued",
      failedAttempts: 0,
      lockedUntil: null,
    })
    .where(eq(accounts.id, account.id));
  await destroyAccountSessions(context.tx, [account.id]);
  await context.audit({
    targetType: "account",
    targetId: account.id,
    changes: { username: account.username, by, mustChangePassword: true, sessionsEnded: true },
  });
  return { username: account.username, displayName: account.displayName, oneTimePassword };
}
