import { randomUUID } from "node:crypto";
import { asc, eq, isNull, sql } from "drizzle-orm";
import type { OutboxMessage } from "../../contracts/outbox";
import type { Clock } from "../clock";
import type { Database, Tx } from "../db/client";
import { notifications, outbox } from "../db/schema";
import { parseStored } from "../db/stored-json";

/** What a command may ask to happen after it commits (contracts/outbox.ts). */
export type { OutboxMessage };

export async function enqueue(tx: Tx, clock: Clock, message: OutboxMessage): Promise<void> {
  await tx.insert(outbox).values({ id: randomUUID(), kind: message.kind, payload: message, createdAt: clock.now() });
}

export type MailSender = (message: { to: string; subject: string; text: string }) => Promise<void>;

/**
 * Delivers pending outbox rows: in-app notifications become rows of `notifications`; mail goes to the sender
 * (SMTP when configured). Each row is handled in its own transaction and marked done; failures are retried. A
 * payload that does not match its schema fails like a delivery: its row keeps the error and is tried again.
 */
export async function dispatchOutbox(
  database: Database,
  clock: Clock,
  sendMail: MailSender | null,
  batch = 50,
): Promise<number> {
  const pending = await database.db
    .select()
    .from(outbox)
    .where(isNull(outbox.dispatchedAt))
    .orderBy(asc(outbox.createdAt))
    .limit(batch);
  let done = 0;
  for (const row of pending) {
    try {
      const message = parseStored("outbox.payload", row.payload, row.id);
      await database.transaction(async (tx) => {
        const [claimed] = await tx
          .update(outbox)
          .set({ dispatchedAt: clock.now(), attempts: sql`${outbox.attempts} + 1` })
          .where(sql`${outbox.id} = ${row.id} and ${outbox.dispatchedAt} is null`)
          .returning({ id: outbox.id });
        if (!claimed) return; // another server took it
        if (message.kind === "notify") {
          for (const accountId of message.accountIds) {
            await tx.insert(notifications).values({
              id: randomUUID(),
              accountId,
              titleZh: message.titleZh,
              titleEn: message.titleEn,
              bodyZh: message.bodyZh ?? "",
              bodyEn: message.bodyEn ?? "",
              link: message.link ?? null,
              createdAt: clock.now(),
            });
          }
        } else if (message.kind === "mail" && sendMail) {
          await sendMail(message);
        }
      });
      done += 1;
    } catch (error) {
      await database.db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(error).slice(0, 500) })
        .where(eq(outbox.id, row.id));
    }
  }
  return done;
}
