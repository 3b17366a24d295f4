import type { FastifyBaseLogger } from "fastify";
import { purgeIdleSessions } from "../auth/sessions";
import { type CommandDeps, systemActor } from "../commands/command";
import { purgeLoginThrottle } from "../commands/login";
import { purgeAnonymousUploads } from "../commands/purge-anonymous-uploads";
import { purgeIdempotencyKeys } from "../http/idempotency";
import { purgeRateLimitWindows } from "../http/rate-limit-store";
import type { FileStore } from "../storage/files";
import { dispatchOutbox, type MailSender } from "./outbox";

/** How often the embedded database is vacuumed and analyzed (PostgreSQL's autovacuum does it on a server). */
const embeddedVacuumEveryMs = 24 * 3_600_000;

/**
 * Background loops of one server: outbox delivery every second; every ten minutes the housekeeping: idle sessions,
 * Idempotency-Key responses past their 24 hours, ended rate-limit windows, anonymous uploads nothing refers to after
 * their retention (row and stored bytes), and staging files older than a day (a node killed mid-upload left them);
 * on the embedded database, which has no autovacuum, a `vacuum (analyze)` once a day (dead rows reclaimed, statistics
 * and visibility maps kept for the list plans). Several servers may run them side by side: each outbox row is
 * claimed in its own transaction.
 */
export function startWorkers(deps: CommandDeps, log: FastifyBaseLogger, smtpUrl: string | undefined, store: FileStore) {
  const sendMail: MailSender | null = smtpUrl
    ? async (message) => {
        const { createTransport } = await import("nodemailer");
        await createTransport(smtpUrl).sendMail({ from: "国合基地管理平台 <noreply@localhost>", ...message });
      }
    : null;
  // The runs in progress: one dispatch at a time, and stop() waits for them before the database closes.
  let dispatching: Promise<unknown> | null = null;
  let purging: Promise<unknown> | null = null;
  const outboxTimer = setInterval(() => {
    dispatching ??= dispatchOutbox(deps.database, deps.clock, sendMail)
      .catch((error) => log.error({ err: error }, "outbox dispatch failed"))
      .finally(() => {
        dispatching = null;
      });
  }, 1_000);
  let vacuumedAt = 0; // the first housekeeping, ten minutes after start, vacuums
  const purgeTimer = setInterval(() => {
    const sessions = deps.database
      .transaction(async (tx) => {
        await purgeIdleSessions(tx, deps.clock);
        await purgeLoginThrottle(tx, deps.clock.now());
        await purgeIdempotencyKeys(tx, deps.clock.now());
        await purgeRateLimitWindows(tx);
      })
      .catch((error) => log.error({ err: error }, "session purge failed"));
    const uploads = purgeAnonymousUploads({ deps, actor: systemActor }, store).catch((error) =>
      log.error({ err: error }, "anonymous upload purge failed"),
    );
    const staging = store
      .sweepStaging(deps.clock.now())
      .then((removed) => removed && log.info({ removed }, "staging files of interrupted uploads removed"))
      .catch((error) => log.error({ err: error }, "staging sweep failed"));
    const vacuum =
      deps.database.kind === "pglite" && Date.now() - vacuumedAt >= embeddedVacuumEveryMs
        ? deps.database
            .executeSql("vacuum (analyze)")
            .then(() => {
              vacuumedAt = Date.now();
            })
            .catch((error) => log.error({ err: error }, "embedded vacuum failed"))
        : null;
    purging = Promise.all([sessions, uploads, staging, vacuum]);
  }, 600_000);
  return {
    /** Stops both loops; resolves once the runs in progress have ended. */
    async stop() {
      clearInterval(outboxTimer);
      clearInterval(purgeTimer);
      await Promise.all([dispatching, purging]);
    },
  };
}
