import { z } from "zod";
import { paged, pageQuery } from "./common";

/** Real counts for the caller's home page; each entry names what it counts and where to go. */
export const dashboardSchema = z.object({
  cards: z.array(
    z.object({
      key: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      value: z.number().int(),
      link: z.string().optional(),
      /**
       * todo: something waiting on the caller (工作台), counted with the same scope and filter as the list at `link`;
       * overview: a plain count. `api` is the list endpoint with that filter, whose total equals `value`.
       */
      kind: z.enum(["todo", "overview"]),
      api: z.string().optional(),
    }),
  ),
  /** Art. 31: the department's warning from six months before the measures lapse (policy/measures/expiry.ts). */
  editionWarning: z
    .object({
      kind: z.enum(["expiring", "lapsed"]),
      editionId: z.string(),
      documentNumber: z.string(),
      validUntil: z.string(),
      daysLeft: z.number().int(),
      messageZh: z.string(),
      messageEn: z.string(),
    })
    .nullable()
    .optional(),
});

export const notificationSchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationQuery = z.object({ unread: z.coerce.boolean().optional(), ...pageQuery });
export const notificationPage = paged(notificationSchema).extend({ unread: z.number().int() });
