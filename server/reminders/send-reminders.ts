import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { IsoDate } from "../../policy/calendar/dates";
import { officeDate } from "../../policy/calendar/dates";
import { pendingRectificationStates } from "../../policy/lifecycles/rectification.transitions";
import {
  type DueReminder,
  dueReminders,
  overdueReminder,
  type ReminderKind,
  reminderKey,
  reminderKind,
} from "../../policy/reminders/due";
import { chinaDate } from "../clock";
import { type CommandDeps, execute, systemActor } from "../commands/command";
import {
  annualReports,
  applications,
  bases,
  calls,
  evaluationRounds,
  rectificationCases,
  remindersSent,
} from "../db/schema";
import { unitRecipients } from "../outbox/recipients";
import { lifeSources } from "./life-sources";
import { mergeRecipients, officerRecipients, recommenderRecipients } from "./recipients";
import type { ReminderSource, ReminderSubject } from "./reminder-source";

/** Reminders go out from 08:00 China time: a run before that on the new day (a restart at night) waits for it. */
export const reminderHourChina = 8;

// Art. 14: an application the unit has not (re)submitted while its call is open; the call closes on the China date
// of `closesAt`, the last instant the system accepts a submission.
const callApplicationStates = ["draft", "returned"];
// Art. 22: a report waiting on its host unit to be filed (a 补正 window has its own due date: correction-due).
const reportStates = ["awaiting-report"] as const;

/** A 补正 window as a reminder subject: the report and the window's due date. */
const correctionSubject = (reportId: string, dueOn: IsoDate) => `${reportId}@${dueOn}`;
function parseCorrectionSubject(subjectId: string): { reportId: string; dueOn: IsoDate } {
  const at = subjectId.lastIndexOf("@");
  return { reportId: subjectId.slice(0, at), dueOn: subjectId.slice(at + 1) };
}

const sources = {
  "call-closing": {
    async load(db) {
      const rows = await db
        .select({
          id: applications.id,
          unitId: applications.unitId,
          standardName: applications.standardName,
          callTitle: calls.titleZh,
          closesAt: calls.closesAt,
        })
        .from(applications)
        .innerJoin(calls, eq(calls.id, applications.callId))
        .where(and(eq(calls.status, "open"), inArray(applications.state, callApplicationStates)));
      return rows.map((row) => ({
        kind: "call-closing",
        subjectId: row.id,
        unitId: row.unitId,
        audience: "unit",
        deadline: chinaDate(row.closesAt),
        name: row.standardName ? `${row.standardName}（${row.callTitle}）` : row.callTitle,
        link: `/applications/${row.id}`,
      }));
    },
    async pending(tx, id) {
      const [row] = await tx
        .select({ id: applications.id })
        .from(applications)
        .innerJoin(calls, eq(calls.id, applications.callId))
        .where(
          and(eq(applications.id, id), eq(calls.status, "open"), inArray(applications.state, callApplicationStates)),
        );
      return Boolean(row);
    },
  },
  "annual-report-due": {
    async load(db) {
      const rows = await db
        .select({
          id: annualReports.id,
          unitId: annualReports.unitId,
          year: annualReports.year,
          deadline: evaluationRounds.reportDeadline,
          baseName: bases.standardName,
        })
        .from(annualReports)
        .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
        .innerJoin(bases, eq(bases.id, annualReports.baseId))
        .where(and(eq(evaluationRounds.status, "open"), inArray(annualReports.state, [...reportStates])));
      return rows.map((row) => ({
        kind: "annual-report-due",
        subjectId: row.id,
        unitId: row.unitId,
        audience: "unit",
        deadline: row.deadline,
        name: `${row.baseName}${row.year}年度工作报告`,
        link: `/annual-reports/${row.id}`,
      }));
    },
    async pending(tx, id) {
      const [row] = await tx
        .select({ id: annualReports.id })
        .from(annualReports)
        .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
        .where(
          and(
            eq(annualReports.id, id),
            eq(evaluationRounds.status, "open"),
            inArray(annualReports.state, [...reportStates]),
          ),
        );
      return Boolean(row);
    },
  },
  // Art. 22 (补正): a report in its correction window, reminded of the window's due date. The subject is the report
  // and the due date, so a second window on the same report is reminded afresh.
  "correction-due": {
    async load(db) {
      const rows = await db
        .select({
          id: annualReports.id,
          unitId: annualReports.unitId,
          year: annualReports.year,
          dueOn: annualReports.correctionDueOn,
          baseName: bases.standardName,
        })
        .from(annualReports)
        .innerJoin(bases, eq(bases.id, annualReports.baseId))
        .where(and(eq(annualReports.state, "correction-window"), isNotNull(annualReports.correctionDueOn)));
      return rows.flatMap((row) =>
        row.dueOn
          ? [
              {
                kind: "correction-due" as const,
                subjectId: correctionSubject(row.id, row.dueOn),
                unitId: row.unitId,
                audience: "unit" as const,
                deadline: row.dueOn,
                name: `${row.baseName}${row.year}年度工作报告补正`,
                link: `/annual-reports/${row.id}`,
              },
            ]
          : [],
      );
    },
    async pending(tx, subjectId) {
      const { reportId, dueOn } = parseCorrectionSubject(subjectId);
      const [row] = await tx
        .select({ id: annualReports.id })
        .from(annualReports)
        .where(
          and(
            eq(annualReports.id, reportId),
            eq(annualReports.state, "correction-window"),
            eq(annualReports.correctionDueOn, dueOn),
          ),
        );
      return Boolean(row);
    },
  },
  "rectification-end": {
    async load(db) {
      const rows = await db
        .select({
          id: rectificationCases.id,
          unitId: rectificationCases.unitId,
          baseId: rectificationCases.baseId,
          dueOn: rectificationCases.dueOn,
          baseName: bases.standardName,
        })
        .from(rectificationCases)
        .innerJoin(bases, eq(bases.id, rectificationCases.baseId))
        .where(inArray(rectificationCases.state, [...pendingRectificationStates]));
      return rows.map((row) => ({
        kind: "rectification-end",
        subjectId: row.id,
        unitId: row.unitId,
        audience: "unit",
        deadline: row.dueOn,
        name: `${row.baseName}整改`,
        link: `/bases/${row.baseId}`,
      }));
    },
    async pending(tx, id) {
      const [row] = await tx
        .select({ id: rectificationCases.id })
        .from(rectificationCases)
        .where(and(eq(rectificationCases.id, id), inArray(rectificationCases.state, [...pendingRectificationStates])));
      return Boolean(row);
    },
  },
  ...lifeSources,
} satisfies Record<ReminderKind, ReminderSource>;

/** The texts of one reminder; the date as offices write it (2027年3月31日) and the days actually left. */
export function reminderTexts(subject: ReminderSubject, daysLeft: number) {
  const kind = reminderKind(subject.kind);
  const days = (count: number) => `${count} day${count === 1 ? "" : "s"}`;
  const leftZh = daysLeft < 0 ? `已逾期${-daysLeft}天` : daysLeft === 0 ? "今天" : `还剩${daysLeft}天`;
  const leftEn = daysLeft < 0 ? `${days(-daysLeft)} overdue` : daysLeft === 0 ? "today" : `${days(daysLeft)} left`;
  const dueToday = daysLeft === 0 && kind.dateWordZh === "截止日期";
  const titleZh = `${kind.labelZh}提醒：${subject.name}，${kind.dateWordZh}${officeDate(subject.deadline)}，${dueToday ? "今天截止" : leftZh}`;
  const titleEn = `${kind.labelEn}: ${subject.name}, ${kind.dateWordEn} ${subject.deadline} (${dueToday ? "due today" : leftEn})`;
  return { titleZh, titleEn, bodyZh: kind.noteZh, bodyEn: kind.noteEn };
}

type Outcome = "sent" | "skipped";

/** Sends one due reminder, once: the key is recorded in the transaction that enqueues it, or nothing is sent. */
async function sendReminder(
  deps: CommandDeps,
  subject: ReminderSubject,
  due: DueReminder,
  today: string,
): Promise<Outcome> {
  const key = reminderKey(subject.kind, subject.subjectId, due.overdue ? "overdue" : due.daysBefore);
  return execute(deps, systemActor, "reminder.send", { type: subject.kind, id: subject.subjectId }, async (context) => {
    const { tx } = context;
    if (!(await (sources[subject.kind] as ReminderSource).pending(tx, subject.subjectId, today))) return "skipped";
    const recipients = await recipientsOf(tx, subject, due);
    // No one to tell yet: the key is not recorded, so an account opened before the deadline still gets it.
    if (recipients.accountIds.length === 0) return "skipped";
    const [inserted] = await tx
      .insert(remindersSent)
      .values({ key, sentAt: context.clock.now() })
      .onConflictDoNothing()
      .returning({ key: remindersSent.key });
    // Sent already: by an earlier run, before a restart, or by another node at the same moment.
    if (!inserted) return "skipped";
    const texts = reminderTexts(subject, due.daysLeft);
    await context.enqueue({ kind: "notify", accountIds: recipients.accountIds, ...texts, link: subject.link });
    for (const to of recipients.addresses) {
      await context.enqueue({
        kind: "mail",
        to,
        subject: `【国合基地管理平台】${texts.titleZh}`,
        text: [texts.titleZh, texts.bodyZh, `查看：${subject.link}`, "", texts.titleEn, texts.bodyEn].join("\n"),
      });
    }
    await context.audit({
      changes: {
        key,
        deadline: subject.deadline,
        daysLeft: due.daysLeft,
        late: due.late,
        accounts: recipients.accountIds.length,
        mails: recipients.addresses.length,
      },
    });
    return "sent";
  });
}

/** The unit's accounts, the department's for its own deadlines; an overdue notice also to the unit's recommender. */
async function recipientsOf(tx: Parameters<typeof unitRecipients>[0], subject: ReminderSubject, due: DueReminder) {
  if (subject.audience === "officers") return officerRecipients(tx);
  const unit = subject.unitId ? await unitRecipients(tx, subject.unitId) : { accountIds: [], addresses: [] };
  if (!due.overdue || !subject.recommenderId) return unit;
  return mergeRecipients(unit, await recommenderRecipients(tx, subject.recommenderId));
}

/**
 * Reminds host units (and, of the measures' lapse, the department) of their deadlines (SPEC §6) on each kind's days
 * before (30/7/1 unless the kind says otherwise), China dates (policy/reminders/due.ts); an overdue change report
 * once more, to the unit and its recommender: one in-app notification to the accounts and a mail to each address,
 * one transaction per reminder, audited.
 * Each reminder goes out once, across runs, restarts and app nodes (reminders_sent); a missed day is caught up
 * late, the nearest reminder only. Returns how many it sent and how many due ones it left (sent before, or no one
 * to tell).
 */
export async function sendReminders(deps: CommandDeps): Promise<{ sent: number; skipped: number }> {
  const now = deps.clock.now();
  const counts = { sent: 0, skipped: 0 };
  if ((now.getUTCHours() + 8) % 24 < reminderHourChina) return counts;
  const today = chinaDate(now);
  for (const source of Object.values(sources) as ReminderSource[]) {
    for (const subject of await source.load(deps.database.db, today)) {
      const kind = reminderKind(subject.kind);
      const overdue = kind.overdue ? overdueReminder(today, subject.deadline) : null;
      for (const due of overdue ? [overdue] : dueReminders(today, subject.deadline, kind.offsets)) {
        counts[await sendReminder(deps, subject, due, today)] += 1;
      }
    }
  }
  return counts;
}
