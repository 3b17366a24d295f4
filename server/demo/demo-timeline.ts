import { addDays, type IsoDate, yearOf } from "../../policy/calendar/dates";
import { edition2025 } from "../../policy/measures/editions";
import { chinaDate } from "../clock";

const dayMs = 86_400_000;

/** The start of a China calendar day (00:00 UTC+8) and its last second (23:59:59 UTC+8). */
export const chinaStartOf = (date: IsoDate) => new Date(`${date}T00:00:00+08:00`);
export const chinaEndOf = (date: IsoDate) => new Date(`${date}T23:59:59+08:00`);

/**
 * Every date the demo uses, placed relative to the loading day — never to a calendar year — so the demo loads on
 * any day the measures are in force (2025-10-26 … 2030-10-25). Look-back evidence is placed relative to the open
 * call's deadline, the reference date of the rules (SPEC §7).
 */
export interface DemoTimeline {
  today: IsoDate;
  /** The open call (recognition demo): opened a week ago, closes in 30 days but never after the measures lapse (Art. 31). */
  openCall: { opensAt: Date; closesAt: Date; deadline: IsoDate; year: number };
  /** The expert-review demo batch: closed three weeks ago. */
  reviewCall: { opensAt: Date; closesAt: Date; deadline: IsoDate; year: number };
  /** The decision demo round: from its call to the recognition document, all in the past. */
  decisionRound: {
    opensAt: Date;
    closesAt: Date;
    deadline: IsoDate;
    year: number;
    createdAt: Date;
    submittedAt: Date;
    visitedOn: IsoDate;
    meetingDate: IsoDate;
    /** The 公示 before the recognition; the recognition is issued a few days after it ends, never after today. */
    firstNoticeStartOn: IsoDate;
    /** The 公示 under way, with an objection received on its first day. */
    currentNoticeStartOn: IsoDate;
  };
  /** Years whose holiday schedule the demo's working-day counts reach. */
  holidayYears: number[];
}

export function demoTimeline(now: Date): DemoTimeline {
  const today = chinaDate(now);
  const lastDay = edition2025.validUntil;
  const closesOn = addDays(today, 30) <= lastDay || today > lastDay ? addDays(today, 30) : lastDay;
  const weekAgo = new Date(now.getTime() - 7 * dayMs);
  const inForceFrom = chinaStartOf(edition2025.effectiveFrom);
  const openCall = {
    opensAt: weekAgo < inForceFrom && now >= inForceFrom ? inForceFrom : weekAgo,
    closesAt: chinaEndOf(closesOn),
    deadline: closesOn,
    year: yearOf(closesOn),
  };
  const reviewDeadline = addDays(today, -21);
  const reviewCall = {
    opensAt: chinaStartOf(addDays(today, -60)),
    closesAt: chinaEndOf(reviewDeadline),
    deadline: reviewDeadline,
    year: yearOf(reviewDeadline),
  };
  const decisionDeadline = addDays(today, -140);
  const decisionRound = {
    opensAt: chinaStartOf(addDays(today, -170)),
    closesAt: chinaEndOf(decisionDeadline),
    deadline: decisionDeadline,
    year: yearOf(decisionDeadline),
    createdAt: chinaStartOf(addDays(today, -160)),
    submittedAt: chinaStartOf(addDays(today, -145)),
    visitedOn: addDays(today, -60),
    meetingDate: addDays(today, -35),
    firstNoticeStartOn: addDays(today, -30),
    currentNoticeStartOn: today,
  };
  const reached = [decisionRound.firstNoticeStartOn, today, addDays(today, 45)].map(yearOf);
  return { today, openCall, reviewCall, decisionRound, holidayYears: [...new Set(reached)] };
}

/** The recognition document's date: three days after the first 公示 ends, and never after today. */
export function demoIssuedOn(firstNoticeEndOn: IsoDate, today: IsoDate): IsoDate {
  const wanted = addDays(firstNoticeEndOn, 3);
  return wanted <= today ? wanted : today;
}

/**
 * An application form's evidence dates, relative to the call's deadline (the rules' reference date): joint papers,
 * projects and transfer projects inside the 3-year look-back, agreements running across it, and the three complete
 * years before the deadline's year for the yearly counts and finances.
 */
export function demoEvidenceDates(deadline: IsoDate) {
  const before = (days: number) => addDays(deadline, -days);
  const after = (days: number) => addDays(deadline, days);
  const year = yearOf(deadline);
  const completeYears = [year - 3, year - 2, year - 1];
  return {
    agreements: [
      { start: before(700), end: after(1000) },
      { start: before(1000), end: after(700) },
      { start: before(300), end: after(1400) },
    ],
    internationalProject: before(200),
    jointPapers: [before(900), before(500), before(60)],
    transferProjects: [before(700), before(250)],
    completeYears,
    transferEvents: completeYears.flatMap((y) => [1, 2, 3, 4, 5].map((month) => `${y}-0${month}-15`)),
  };
}
