/**
 * `npm run -s admin:reset-password -- <username>`: the out-of-band procedure of 三员分立 — the operator at the server
 * console resets an account's password, the three administrators' included (nobody can in the platform). Prints a
 * one-time password once; the account must change it at its next sign-in, its sessions end. Audited with the
 * console as the actor.
 */
import { userInfo } from "node:os";
import { systemClock } from "../server/clock";
import type { Actor } from "../server/commands/command";
import { resetPasswordFromConsole } from "../server/commands/reset-password";
import { loadConfig } from "../server/config/config";
import { openEmbedded, openPostgres } from "../server/db/client";
import { Refused } from "../server/domain/refused";

const username = process.argv[2]?.trim();
if (!username) {
  console.error("用法 / usage: npm run -s admin:reset-password -- <username>");
  process.exit(2);
}

const config = loadConfig();
const database = config.databaseUrl ? await openPostgres(config.databaseUrl, 1) : await openEmbedded(config.dataDir);
const actor: Actor = { ...consoleActor(), ip: null, requestId: null };
try {
  await database.migrate();
  const reset = await resetPasswordFromConsole(
    { deps: { database, clock: systemClock, keys: config.keys }, actor },
    { username },
  );
  console.log(
    `已重置 ${reset.displayName}（${reset.username}）的密码，临时密码仅显示这一次，只能登录一次，登录后须立即修改：`,
  );
  console.log(
    `password reset for ${reset.username}; this one-time password is shown once and must be changed at sign-in:`,
  );
  console.log(`  ${reset.oneTimePassword}`);
} catch (error) {
  if (!(error instanceof Refused)) throw error;
  console.error(`${error.refusal.messageZh} / ${error.refusal.messageEn}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

/** The console names the operating-system user who ran it, for the audit entry. */
function consoleActor(): Pick<Actor, "accountId" | "name" | "role"> {
  return { accountId: null, name: `console:${userInfo().username}`, role: null };
}
