import { daysBetween, type IsoDate, isIsoDate } from "../calendar/dates";
import { changeReportDeadline, isChangeReportOnTime } from "../calendar/deadlines";
import type { ChangeReportState } from "../lifecycles/change-report.transitions";
import type { Refusal } from "../refusal";
import { defaultSettings, type InterpretationSettings } from "../settings";

/**
 * The change date of a major change (Art. 18.5): a real date, not after today (a change is reported once it has
 * happened; a planned one is not a change yet). Null when acceptable.
 */
export function changeDateRefusal(changedOn: string, today: IsoDate): Refusal | null {
  if (!isIsoDate(changedOn)) {
    return {
      code: "invalid-date",
      article: "18.5",
      path: "changedOn",
      messageZh: "变化发生日期应为 YYYY-MM-DD 格式的真实日期。",
      messageEn: "The change date must be a real date written YYYY-MM-DD.",
    };
  }
  if (changedOn > today) {
    return {
      code: "change-in-future",
      article: "18.5",
      path: "changedOn",
      messageZh: `变化发生日期 ${changedOn} 晚于今天（${today}），重大事项应在变化发生后报告。`,
      messageEn: `The change date ${changedOn} is after today (${today}): a change is reported once it has happened.`,
    };
  }
  return null;
}

/** States in which the report has not reached the province yet: the 3-month window still runs against them. */
const openStates: readonly ChangeReportState[] = ["draft", "submitted", "returned", "recommender-approved"];

export interface ChangeDeadlineView {
  /** The last day the change may be filed with the province (3 calendar months, month-end clamped). */
  dueOn: IsoDate;
  /** Days from today to the due date; negative once it has passed. */
  daysLeft: number;
  /** Still open and past its due date (Art. 18.5): flagged on the base, the officer's list and in reminders. */
  overdue: boolean;
}

/** Art. 18.5: a report's deadline as its readers see it on `today`. */
export function changeDeadlineView(
  changedOn: IsoDate,
  state: ChangeReportState,
  today: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): ChangeDeadlineView {
  const dueOn = changeReportDeadline(changedOn, settings);
  return { dueOn, daysLeft: daysBetween(today, dueOn), overdue: openStates.includes(state) && today > dueOn };
}

/**
 * Art. 18.5, 20.8: filing on `filedOn` — on time when on or before the deadline (the due day itself is on time);
 * late filing is flagged, never refused: a late report is better than a concealed change.
 */
export function filingLateness(
  changedOn: IsoDate,
  filedOn: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): { dueOn: IsoDate; filedLate: boolean } {
  return {
    dueOn: changeReportDeadline(changedOn, settings),
    filedLate: !isChangeReportOnTime(changedOn, filedOn, settings),
  };
}
