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
  {
    code: "change-report-due",
    labelZh: "重大事项变更报告截止",
    labelEn: "Change report due",
    // Art. 18.5: filed with the province within 3 months of the change; concealment is ground 8 of Art. 20.
    article: "18.5",
    noteZh:
      "重大事项变更应在变更之日起3个月内经推荐部门审核后报省科技厅备案（第十八条第五项）；隐瞒不报的，撤销基地资格（第二十条）。",
    noteEn:
      "A major change is filed with the department within 3 months, after the recommender's review (Art. 18.5); concealing it is a revocation ground (Art. 20).",
    offsets: [30, 7, 1],
    // Once the window has passed and it is still not filed: the unit and its recommender, once.
    overdue: true,
  },
  {
    code: "agreement-expiring",
    labelZh: "合作协议到期",
    labelEn: "Agreement expiring",
    // Art. 7.2: at least 3 partners with valid agreements (settings: partnerMinimum).
    article: "7.2",
    noteZh: "该协议到期后，基地有效合作协议将少于第七条第二项要求的数量，请及时续签并在年度工作报告中更新。",
    noteEn:
      "After it ends the base has fewer valid agreements than Art. 7.2 requires: renew it and update the annual report.",
    offsets: [60, 30],
  },
  {
    code: "ban-ending",
    labelZh: "禁止申报期满",
    labelEn: "Ban ends",
    // Art. 20: three years after the revocation the unit may apply again (informational).
    article: "20",
    dateWordZh: "期满日期",
    dateWordEn: "ends",
    noteZh: "自今日起，该单位可再次申报湖北省国际科技合作基地（第二十条）。",
    noteEn: "From today the unit may apply for recognition again (Art. 20).",
    offsets: [0],
  },
  {
    code: "rules-expiring",
    labelZh: "管理办法有效期届满",
    labelEn: "Measures lapse",
    // Art. 31: valid 5 years; the department prepares the next edition.
    article: "31",
    dateWordZh: "有效期至",
    dateWordEn: "valid until",
    noteZh: "管理办法有效期5年（第三十一条），请及时组织修订并录入新版办法。",
    noteEn: "The measures are valid for 5 years (Art. 31): prepare and record the next edition.",
    offsets: [180, 30],
  },
] as const;

export type ReminderKind = (typeof reminderKinds)[number]["code"];

/** What every kind says; the optional parts default to 30/7/1 days, no overdue notice and "截止日期". */
export interface ReminderKindInfo {
  code: ReminderKind;
  labelZh: string;
  labelEn: string;
  article: string;
  noteZh: string;
  noteEn: string;
  offsets: readonly number[];
  overdue: boolean;
  dateWordZh: string;
  dateWordEn: string;
}

export function reminderKind(code: ReminderKind): ReminderKindInfo {
  const kind = reminderKinds.find((entry) => entry.code === code)!;
  return {
    offsets: reminderOffsets,
    overdue: false,
    dateWordZh: "截止日期",
    dateWordEn: "due",
    ...kind,
  };
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
  /** The overdue notice (overdueReminder), keyed `…:overdue`. */
  overdue?: boolean;
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

/**
 * The one overdue notice of a deadline that has passed with the obligation still open (from the day after it),
 * for kinds that send one. `daysLeft` is negative: the days overdue.
 */
export function overdueReminder(today: IsoDate, deadline: IsoDate): DueReminder | null {
  const daysLeft = daysBetween(today, deadline);
  return daysLeft < 0 ? { daysBefore: -1, daysLeft, late: false, overdue: true } : null;
}

/** The dedup key of one reminder: sent at most once across runs, restarts and app nodes. */
export function reminderKey(kind: ReminderKind, subjectId: string, daysBefore: number | "overdue"): string {
  return `${kind}:${subjectId}:${daysBefore}`;
}
