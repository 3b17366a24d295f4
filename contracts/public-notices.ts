import { z } from "zod";
import { bilingual } from "./bilingual";
import { unitObjectionNeedsSeal } from "./decision";

/**
 * The 公示 as the public sees it, and the objection anyone may lodge online while it runs (Art. 14.3; SPEC §5.1
 * step 9). Only what a printed 公示 carries is shown: title, dates, and for each candidate its standard name, host
 * unit, type and field. Objections must carry a real name and a contact; a unit's carries its seal.
 */

/** Chinese mobile (optionally +86), landline with area code (and extension), or an e-mail address. */
const mobile = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const landline = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const email = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

const text = (zh: string, en: string, max: number) =>
  z
    .string(bilingual(`请填写${zh}`, `${en} is required`))
    .trim()
    .min(1, bilingual(`请填写${zh}`, `${en} is required`))
    .max(max, bilingual(`${zh}不超过 ${max} 字`, `${en} is at most ${max} characters`));

export const publicObjectionInput = z
  .object({
    applicationId: z.string(bilingual("请选择所涉申报", "Choose the application")).min(1).max(64),
    objectorKind: z.enum(["person", "unit"], bilingual("请选择个人或单位", "Choose person or unit")),
    realName: text("真实姓名（不受理匿名异议）", "Your real name (anonymous objections are refused)", 50),
    contact: text(
      "联系电话或电子邮箱（不受理匿名异议）",
      "A phone number or e-mail (anonymous objections are refused)",
      100,
    ).refine(
      (value) => value === "" || mobile.test(value) || landline.test(value) || email.test(value),
      bilingual(
        "请填写有效的手机号、固定电话（含区号）或电子邮箱",
        "Enter a valid mobile number, landline with area code, or e-mail address",
      ),
    ),
    unitName: z.string().trim().max(200).optional(),
    /** For a unit: the id of its sealed objection letter, uploaded first through POST /api/public/files. */
    sealFileId: z.string().min(1).max(64).optional(),
    content: text("异议内容", "The objection", 2000),
    facts: text(
      "异议所依据的事实和证据（不受理无事实依据的异议）",
      "The facts it rests on (fact-less objections are refused)",
      4000,
    ).refine(
      (value) => value === "" || value.length >= 10,
      bilingual("请具体说明事实和证据（至少 10 个字）", "State the facts and evidence (10 characters at least)"),
    ),
  })
  .superRefine(unitObjectionNeedsSeal);
export type PublicObjectionInput = z.infer<typeof publicObjectionInput>;

export const publicNoticeCandidate = z.object({
  applicationId: z.string(),
  /** The standard name (Art. 29–30). */
  standardName: z.string(),
  unitName: z.string(),
  type: z.string(),
  typeZh: z.string(),
  typeEn: z.string(),
  field: z.string(),
  /** Whether an objection to this candidate is accepted now (the notice runs and the candidate is still on it). */
  acceptsObjections: z.boolean(),
});

export const publicNoticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  startOn: z.string(),
  /** The last day: `workingDays` working days on the holiday calendar from the start. */
  endOn: z.string(),
  workingDays: z.number().int(),
  status: z.enum(["running", "ended"]),
  candidates: z.array(publicNoticeCandidate),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const publicNoticeList = z.object({
  /** China's calendar date on the server, so the page judges nothing by the visitor's clock. */
  today: z.string(),
  items: z.array(publicNoticeSchema),
});

/** What the objector keeps: the reference (the objection id's short form) and the date it was received. */
export const objectionReceipt = z.object({
  id: z.string(),
  reference: z.string(),
  receivedOn: z.string(),
  noticeTitle: z.string(),
  standardName: z.string(),
  status: z.literal("received"),
});
export type ObjectionReceipt = z.infer<typeof objectionReceipt>;

/** For the officer's notice list: which objections came in online (the others were entered from paper). */
