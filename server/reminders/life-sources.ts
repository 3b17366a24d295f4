import { and, eq, inArray } from "drizzle-orm";
import { addDays } from "../../policy/calendar/dates";
import { banEnd } from "../../policy/calendar/deadlines";
import { agreementOutlook } from "../../policy/deadlines/agreements";
import { liveBaseStates, pendingChangeStates } from "../../policy/deadlines/deadlines";
import { majorChangeKinds } from "../../policy/lifecycles/change-report.transitions";
import { editions } from "../../policy/measures/editions";
import { reminderKind } from "../../policy/reminders/due";
import type { Executor } from "../db/client";
import { bases, changeReports, revocations, units } from "../db/schema";
import { loadDeadlineFacts } from "../deadlines/deadline-facts";
import type { ReminderSource, ReminderSubject } from "./reminder-source";

/** A base's agreement end date as a reminder subject. */
const agreementSubject = (baseId: string, endsOn: string) => `${baseId}@${endsOn}`;

/**
 * Art. 7.2: the first agreement end (within the farthest offset) after which a base that meets the minimum today
 * falls below it. A base already below has nothing left to be warned of by this reminder (the deadlines list
 * flags it).
 */
async function agreementSubjects(executor: Executor, today: string, baseId?: string): Promise<ReminderSubject[]> {
  const until = addDays(today, Math.max(...reminderKind("agreement-expiring").offsets));
  const facts = await loadDeadlineFacts(executor, { scope: null, baseId }, today);
  return facts.bases.flatMap((base) => {
    if (!base.agreements) return [];
    const outlook = agreementOutlook(base.agreements, today, until);
    const critical = outlook.enoughNow ? outlook.expiring.find((expiry) => expiry.belowMinimum) : undefined;
    if (!critical) return [];
    return [
      {
        kind: "agreement-expiring" as const,
        subjectId: agreementSubject(base.id, critical.endsOn),
        unitId: base.unitId,
        audience: "unit" as const,
        deadline: critical.endsOn,
        name: `${base.name}与${critical.partners.join("、")}的合作协议`,
        link: `/bases/${base.id}`,
      },
    ];
  });
}

/** The reminder sources of part 2 of a base's life: change reports, agreements, bans, the measures. */
export const lifeSources = {
  // Art. 18.5: a change not yet filed with the province; reminded before its 3-month window ends and, once, after.
  "change-report-due": {
    async load(db) {
      const rows = await db
        .select({
          id: changeReports.id,
          unitId: changeReports.unitId,
          baseId: changeReports.baseId,
          kind: changeReports.kind,
          dueOn: changeReports.dueOn,
          baseName: bases.standardName,
          recommenderId: bases.recommenderId,
          unitRecommenderId: units.recommenderId,
        })
        .from(changeReports)
        .innerJoin(bases, eq(bases.id, changeReports.baseId))
        .innerJoin(units, eq(units.id, changeReports.unitId))
        .where(and(inArray(changeReports.state, [...pendingChangeStates]), inArray(bases.status, [...liveBaseStates])));
      return rows.map((row) => ({
        kind: "change-report-due",
        subjectId: row.id,
        unitId: row.unitId,
        recommenderId: row.recommenderId ?? row.unitRecommenderId,
        audience: "unit",
        deadline: row.dueOn,
        name: `${row.baseName}${majorChangeKinds.find((kind) => kind.code === row.kind)?.nameZh ?? "重大事项变更"}`,
        link: `/bases/${row.baseId}`,
      }));
    },
    async pending(tx, id) {
      const [row] = await tx
        .select({ id: changeReports.id })
        .from(changeReports)
        .where(and(eq(changeReports.id, id), inArray(changeReports.state, [...pendingChangeStates])));
      return Boolean(row);
    },
  },
  "agreement-expiring": {
    load: (db, today) => agreementSubjects(db, today),
    async pending(tx, subjectId, today) {
      const baseId = subjectId.slice(0, subjectId.lastIndexOf("@"));
      return (await agreementSubjects(tx, today, baseId)).some((subject) => subject.subjectId === subjectId);
    },
  },
  // Art. 20: on the third anniversary of a revocation the unit may apply again — told on the day (informational).
  "ban-ending": {
    async load(db) {
      const rows = await db
        .select({
          id: revocations.id,
          unitId: revocations.unitId,
          baseName: revocations.baseName,
          revokedOn: revocations.revokedOn,
        })
        .from(revocations);
      return rows.map((row) => ({
        kind: "ban-ending",
        subjectId: row.id,
        unitId: row.unitId,
        audience: "unit",
        deadline: banEnd(row.revokedOn),
        name: `${row.baseName}撤销后的禁止申报期`,
        link: "/applications",
      }));
    },
    async pending(tx, id) {
      const [row] = await tx.select({ id: revocations.id }).from(revocations).where(eq(revocations.id, id));
      return Boolean(row);
    },
  },
  // Art. 31: the measures lapse after validUntil; the department prepares the next edition.
  "rules-expiring": {
    async load() {
      return editions.map((edition) => ({
        kind: "rules-expiring",
        subjectId: edition.id,
        unitId: null,
        audience: "officers",
        deadline: edition.validUntil,
        name: `《${edition.titleZh}》（${edition.documentNumber}）`,
        link: "/deadlines",
      }));
    },
    async pending(_tx, id) {
      const edition = editions.find((entry) => entry.id === id);
      // A successor already entered, taking effect the next day: nothing to prepare.
      return Boolean(
        edition &&
          !(editions as ReadonlyArray<{ effectiveFrom: string }>).some(
            (next) => next.effectiveFrom === addDays(edition.validUntil, 1),
          ),
      );
    },
  },
} satisfies Record<"change-report-due" | "agreement-expiring" | "ban-ending" | "rules-expiring", ReminderSource>;
