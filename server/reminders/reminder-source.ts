import type { IsoDate } from "../../policy/calendar/dates";
import type { ReminderKind } from "../../policy/reminders/due";
import type { Executor, Tx } from "../db/client";

/** One dated obligation: what is due, by when, whom it concerns, and where to see it. */
export interface ReminderSubject {
  kind: ReminderKind;
  subjectId: string;
  /** The host unit told (null for the department's own deadlines). */
  unitId: string | null;
  /** The recommender told as well of an overdue notice (change reports, Art. 18.5). */
  recommenderId?: string | null;
  /** "unit": the host unit's accounts; "officers": the department's. */
  audience: "unit" | "officers";
  deadline: IsoDate;
  /** What the deadline concerns, as the recipient knows it (the base's or application's standard name, the call). */
  name: string;
  link: string;
}

/**
 * Where each kind's deadlines come from: `load` lists the subjects still waiting on someone; `pending` re-reads
 * one inside the sending transaction, so a report submitted since the list was read is not reminded.
 */
export interface ReminderSource {
  load(db: Executor, today: IsoDate): Promise<ReminderSubject[]>;
  pending(tx: Tx, subjectId: string, today: IsoDate): Promise<boolean>;
}
