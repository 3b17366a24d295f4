import type { FieldIssue, Refusal } from "../refusal";
import type { IsoDate } from "./dates";

/**
 * A call's dates (Art. 14): submissions open and close at two instants (milliseconds since the epoch), and the
 * notice's 申报截止日期 `deadline` is the reference date of every look-back (SPEC §7). The server passes the China
 * calendar dates of the two instants as well, since policy/ does no time-zone arithmetic of its own.
 */
export interface CallDates {
  opensAt: number;
  closesAt: number;
  /** The China date (UTC+8) of `opensAt`. */
  opensOn: IsoDate;
  /** The China date (UTC+8) of `closesAt`. */
  closesOn: IsoDate;
  deadline: IsoDate;
}

/**
 * Art. 14: the order a call's dates must keep — it closes after it opens, and its deadline falls within the
 * window, on or after the opening day and on or before the closing day (a deadline before the opening would
 * leave no day to apply; one after the closing would promise days the window does not give). Every field at
 * fault is named; null when the dates hold.
 */
export function checkCallDates(dates: CallDates): Refusal | null {
  const issues: FieldIssue[] = [];
  if (!(dates.opensAt < dates.closesAt)) {
    issues.push({
      path: "closesAt",
      article: "14",
      messageZh: "申报截止时间应晚于开始时间。",
      messageEn: "The call must close after it opens.",
    });
  }
  if (dates.deadline < dates.opensOn) {
    issues.push({
      path: "deadline",
      article: "14",
      messageZh: `申报截止日期 ${dates.deadline} 早于申报开始日期 ${dates.opensOn}。`,
      messageEn: `The deadline ${dates.deadline} is before the call opens on ${dates.opensOn}.`,
    });
  } else if (dates.deadline > dates.closesOn) {
    issues.push({
      path: "deadline",
      article: "14",
      messageZh: `申报截止日期 ${dates.deadline} 晚于系统关闭申报的日期 ${dates.closesOn}。`,
      messageEn: `The deadline ${dates.deadline} is after the call closes on ${dates.closesOn}.`,
    });
  }
  const [first] = issues;
  if (!first) return null;
  return {
    code: "call-dates-out-of-order",
    article: "14",
    messageZh: issues.length > 1 ? "批次日期的先后顺序有误。" : first.messageZh,
    messageEn: issues.length > 1 ? "The call's dates are out of order." : first.messageEn,
    path: first.path,
    errors: issues,
  };
}
