import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
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
 * (SMTP when configured). Each row is claimed and handled in its own transaction with `FOR UPDATE SKIP LOCKED`, so
 * any number of app nodes deliver side by side, each row exactly once (its notifications commit with its mark);
 * a mail is sent before that commit, so a crash between the two can send it twice, never lose it. A row that fails
 * (a refused mail, a payload that no longer matches its schema) keeps its error, is skipped for the rest of this
 * call and tried again on the next.
 */
export async function dispatchOutbox(
  database: Database,
  clock: Clock,
  sendMail: MailSender | null,
  batch = 50,
): Promise<number> {
  const failed: string[] = [];
  let done = 0;
  while (done < batch) {
    let claimedId: string | null = null;
    try {
      const handled = await database.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(outbox)
          .where(and(isNull(outbox.dispatchedAt), failed.length ? notInArray(outbox.id, failed) : undefined))
          .orderBy(asc(outbox.createdAt))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!row) return false;
        claimedId = row.id;
        await deliver(tx, clock, parseStored("outbox.payload", row.payload, row.id), sendMail);
        await tx
          .update(outbox)
          .set({ dispatchedAt: clock.now(), attempts: sql`${outbox.attempts} + 1` })
          .where(eq(outbox.id, row.id));
        return true;
      });
      if (!handled) break;
      done += 1;
    } catch (error) {
      if (claimedId === null) throw error;
      failed.push(claimedId);
      await database.db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(error).slice(0, 500) })
        .where(eq(outbox.id, claimedId));
    }
  }
  return done;
}

async function deliver(tx: Tx, clock: Clock, message: OutboxMessage, sendMail: MailSender | null) {
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
}
