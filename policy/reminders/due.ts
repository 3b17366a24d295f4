import { daysBetween, type IsoDate } from "../calendar/dates";

/**
 * The deadlines the platform reminds (SPEC §6: computed, shown and reminded, in-app and by e-mail), as one list:
 * a new kind of deadline is reminded by adding it here and loading its dates in server/reminders.
 */
export const reminderKinds = [
  {
    code: "call-closing",
    labelZh: "申报截止",
    labelEn: "Call closing",
    // Art. 14: applications are submitted within the call's window.
    article: "14",
    noteZh: "截止后不能再提交申报（第十四条）。",
    noteEn: "After it, the application can no longer be submitted (Art. 14).",
  },
  {
    code: "annual-report-due",
    labelZh: "年度工作报告报送截止",
    labelEn: "Annual report due",
    // Art. 22: no report in time → 不合格 for the year.
    article: "22",
    noteZh: "逾期未按规定提交年度工作报告的，该年度考核为不合格（第二十二条）。",
    noteEn: "A report not submitted by then makes the year's evaluation 不合格 (Art. 22).",
  },
  {
    code: "correction-due",
    labelZh: "年度工作报告补正截止",
    labelEn: "Report correction due",
    // Art. 22 (补正): after the due date the report is evaluated as it stands.
    article: "22",
    noteZh: "逾期未提交补正的，按现有材料进行年度绩效考核（第二十二条）。",
    noteEn: "After it, the report is evaluated as it stands (Art. 22).",
  },
  {
    code: "rectification-end",
    labelZh: "整改期满",
    labelEn: "Rectification ends",
    // Art. 24: one year of rectification; still 不合格 after it → revoked.
    article: "24",
    noteZh: "整改期满后仍不合格的，取消基地资格（第二十四条）。",
    noteEn: "A base still 不合格 when the rectification ends is revoked (Art. 24).",
  },
] as const;

export type ReminderKind = (typeof reminderKinds)[number]["code"];

export function reminderKind(code: ReminderKind): (typeof reminderKinds)[number] {
  return reminderKinds.find((kind) => kind.code === code)!;
}

/** Days before a deadline on which it is reminded (China dates), farthest first. */
export const reminderOffsets = [30, 7, 1] as const;

export interface DueReminder {
  /** The offset this reminder stands for (30, 7 or 1): with the kind and subject, it names the reminder once. */
  daysBefore: number;
  /** Days from today to the deadline: the offset itself on time, fewer when sent late. */
  daysLeft: number;
  /** Its day was missed (the server was down, or the deadline was set closer than the offset). */
  late: boolean;
}

/**
 * The reminder due today for a deadline: the nearest offset whose day has come (at most one). A reminder whose day
 * was missed is still sent, late, while the deadline has not passed (the deadline day itself included), and only
 * the nearest one: a server back after a month sends the 7-day reminder, not the 30-day one as well. Whether it
 * was sent already is the caller's (the key `${kind}:${subject}:${daysBefore}` is recorded once).
 */
export function dueReminders(
  today: IsoDate,
  deadline: IsoDate,
  offsets: readonly number[] = reminderOffsets,
): DueReminder[] {
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return [];
  const reached = offsets.filter((offset) => offset >= daysLeft);
  if (reached.length === 0) return [];
  const daysBefore = Math.min(...reached);
  return [{ daysBefore, daysLeft, late: daysLeft < daysBefore }];
}

/** The dedup key of one reminder: sent at most once across runs, restarts and app nodes. */
export function reminderKey(kind: ReminderKind, subjectId: string, daysBefore: number): string {
  return `${kind}:${subjectId}:${daysBefore}`;
}
