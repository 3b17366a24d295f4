import { z } from "zod";

/**
 * What a command asks to happen after it commits (outbox.payload): an in-app notification to accounts, or a mail.
 * Written in the business transaction, delivered by server/outbox once it has committed.
 */
export const outboxMessage = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("notify"),
    accountIds: z.array(z.string()),
    titleZh: z.string(),
    titleEn: z.string(),
    bodyZh: z.string().optional(),
    bodyEn: z.string().optional(),
    link: z.string().optional(),
  }),
  z.object({ kind: z.literal("mail"), to: z.string(), subject: z.string(), text: z.string() }),
]);
export type OutboxMessage = z.infer<typeof outboxMessage>;
