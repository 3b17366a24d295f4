import { addDays, daysBetween, type IsoDate } from "../calendar/dates";
import { banEnd } from "../calendar/deadlines";
import { majorChangeKinds } from "../lifecycles/change-report.transitions";
import { pendingRectificationStates } from "../lifecycles/rectification.transitions";
import { defaultSettings, type InterpretationSettings } from "../settings";
import { type AgreementFact, agreementOutlook } from "./agreements";

/** SPEC §6: the deadlines computed, shown and reminded, each with the article it rests on. */
export const deadlineKinds = [
  { code: "call-closing", article: "14", labelZh: "申报截止", labelEn: "Call closing" },
  { code: "change-report-due", article: "18.5", labelZh: "重大事项变更报告截止", labelEn: "Change report due" },
  { code: "report-due", article: "22", labelZh: "年度工作报告报送截止", labelEn: "Annual report due" },
  { code: "rectification-end", article: "24", labelZh: "整改期满", labelEn: "Rectification ends" },
  { code: "ban-end", article: "20", labelZh: "禁止申报期满", labelEn: "Ban ends" },
  { code: "agreement-expiry", article: "7.2", labelZh: "合作协议到期", labelEn: "Agreement expires" },
  { code: "rules-expiry", article: "31", labelZh: "管理办法有效期届满", labelEn: "Measures lapse" },
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number]["code"];
export const deadlineKindCodes = deadlineKinds.map((kind) => kind.code) as [DeadlineKind, ...DeadlineKind[]];

export const deadlineSeverities = ["overdue", "urgent", "upcoming", "info"] as const;
export type DeadlineSeverity = (typeof deadlineSeverities)[number];

/** Base states in which a base still has deadlines of its own (revoked and exited bases have none). */
export const liveBaseStates: readonly string[] = ["active", "rectifying", "revocation-proposed"];
/** Change reports not yet filed with the province (Art. 18.5: on time when filed within the window). */
export const pendingChangeStates: readonly string[] = ["draft", "submitted", "returned", "recommender-approved"];
/** Annual reports not yet past the recommender (Art. 22: submitted to the province by the due date). */
export const pendingReportStates: readonly string[] = ["awaiting-report", "unit-review", "recommender-review"];

/** Days ahead the list looks by default; the rules' expiry shows from its first reminder (180 days). */
export const defaultHorizonDays = 90;
export const rulesExpiryLeadDays = 180;
/** Days left from which a deadline is urgent. */
export const urgentDays = 7;

export interface DeadlineFacts {
  today: IsoDate;
  bases: ReadonlyArray<{
    id: string;
    name: string;
    unitId: string;
    status: string;
    /** The base's agreements (latest filed annual report, else its application); null when none are recorded. */
    agreements: readonly AgreementFact[] | null;
  }>;
  changeReports: ReadonlyArray<{
    id: string;
    baseId: string;
    kind: string;
    changedOn: IsoDate;
    dueOn: IsoDate;
    state: string;
    filedOn: IsoDate | null;
  }>;
  rectifications: ReadonlyArray<{ id: string; baseId: string; year: number; rectificationEnd: IsoDate; state: string }>;
  revocations: ReadonlyArray<{
    id: string;
    unitId: string;
    baseId: string | null;
    baseName: string;
    revokedOn: IsoDate;
  }>;
  reports: ReadonlyArray<{ id: string; baseId: string; year: number; dueOn: IsoDate; state: string }>;
  calls: ReadonlyArray<{ id: string; titleZh: string; titleEn: string; closesOn: IsoDate }>;
  /** The editions of the measures (officers only); empty for others. */
  editions: ReadonlyArray<{ id: string; titleZh: string; documentNumber: string; validUntil: IsoDate }>;
}

export interface DeadlineItem {
  /** Unique in the list: the kind and what it concerns. */
  id: string;
  kind: DeadlineKind;
  baseId: string | null;
  unitId: string | null;
  /** What the deadline concerns (a change report, a report, a case, a revocation, a call, an edition). */
  subjectId: string;
  subjectZh: string;
  subjectEn: string;
  dueOn: IsoDate;
  /** Days from today to the due date (negative when passed). */
  daysLeft: number;
  overdue: boolean;
  article: string;
  severity: DeadlineSeverity;
  /** agreement-expiry: the base is (or will be) below Art. 7.2's minimum of valid agreements. */
  belowMinimum?: boolean;
}

function articleOf(kind: DeadlineKind): string {
  return deadlineKinds.find((entry) => entry.code === kind)!.article;
}

function severityOf(overdue: boolean, daysLeft: number, informational: boolean): DeadlineSeverity {
  if (overdue) return "overdue";
  if (informational) return "info";
  return daysLeft <= urgentDays ? "urgent" : "upcoming";
}

type Draft = Omit<DeadlineItem, "id" | "daysLeft" | "overdue" | "article" | "severity"> & {
  overdue?: boolean;
  informational?: boolean;
};

/**
 * Every deadline in the facts (SPEC §6), sorted by due date: pending ones due within the horizon and every
 * overdue one. Ban ends show while the ban runs (they are never overdue: on the day the unit may apply again);
 * the rules' expiry from 180 days ahead at the least. Pure: the server loads the facts in the caller's scope.
 */
export function computeDeadlines(
  facts: DeadlineFacts,
  options: { horizonDays?: number; settings?: InterpretationSettings } = {},
): DeadlineItem[] {
  const { today } = facts;
  const settings = options.settings ?? defaultSettings;
  const horizonEnd = addDays(today, options.horizonDays ?? defaultHorizonDays);
  const live = new Map(facts.bases.filter((base) => liveBaseStates.includes(base.status)).map((b) => [b.id, b]));
  const drafts: Draft[] = [];

  for (const call of facts.calls) {
    drafts.push({
      kind: "call-closing",
      baseId: null,
      unitId: null,
      subjectId: call.id,
      subjectZh: call.titleZh,
      subjectEn: call.titleEn || call.titleZh,
      dueOn: call.closesOn,
    });
  }
  for (const change of facts.changeReports) {
    const base = live.get(change.baseId);
    if (!base || change.filedOn !== null || !pendingChangeStates.includes(change.state)) continue;
    const kind = majorChangeKinds.find((entry) => entry.code === change.kind);
    drafts.push({
      kind: "change-report-due",
      baseId: base.id,
      unitId: base.unitId,
      subjectId: change.id,
      subjectZh: `${base.name}：${kind?.nameZh ?? change.kind}（变更日期 ${change.changedOn}）`,
      subjectEn: `${base.name}: ${kind?.nameEn ?? change.kind} change (changed on ${change.changedOn})`,
      dueOn: change.dueOn,
    });
  }
  for (const report of facts.reports) {
    const base = live.get(report.baseId);
    if (!base || !pendingReportStates.includes(report.state)) continue;
    drafts.push({
      kind: "report-due",
      baseId: base.id,
      unitId: base.unitId,
      subjectId: report.id,
      subjectZh: `${base.name}${report.year}年度工作报告`,
      subjectEn: `${base.name}: ${report.year} annual report`,
      dueOn: report.dueOn,
    });
  }
  for (const rectification of facts.rectifications) {
    const base = live.get(rectification.baseId);
    if (!base || !(pendingRectificationStates as readonly string[]).includes(rectification.state)) continue;
    drafts.push({
      kind: "rectification-end",
      baseId: base.id,
      unitId: base.unitId,
      subjectId: rectification.id,
      subjectZh: `${base.name}整改（${rectification.year}年度不合格）`,
      subjectEn: `${base.name}: rectification (${rectification.year} graded 不合格)`,
      dueOn: rectification.rectificationEnd,
    });
  }
  for (const revocation of facts.revocations) {
    const endsOn = banEnd(revocation.revokedOn, settings);
    // Art. 20: barred while before the third anniversary; from that day the unit may apply again.
    if (endsOn < today) continue;
    drafts.push({
      kind: "ban-end",
      baseId: revocation.baseId,
      unitId: revocation.unitId,
      subjectId: revocation.id,
      subjectZh: `${revocation.baseName}（${revocation.revokedOn} 撤销）`,
      subjectEn: `${revocation.baseName} (revoked ${revocation.revokedOn})`,
      dueOn: endsOn,
      informational: true,
    });
  }
  for (const base of live.values()) {
    if (base.agreements === null) continue;
    const outlook = agreementOutlook(base.agreements, today, horizonEnd, settings);
    if (!outlook.enoughNow) {
      drafts.push({
        kind: "agreement-expiry",
        baseId: base.id,
        unitId: base.unitId,
        subjectId: `${base.id}@below`,
        subjectZh: `${base.name}：有效合作协议 ${outlook.validNow} 个，少于 ${settings.partnerMinimum} 个`,
        subjectEn: `${base.name}: ${outlook.validNow} valid agreements, fewer than ${settings.partnerMinimum}`,
        // The day it fell below the minimum: the day after the last day it met it (today when unknown).
        dueOn: outlook.lastEnoughOn ? addDays(outlook.lastEnoughOn, 1) : today,
        overdue: true,
        belowMinimum: true,
      });
    }
    for (const expiry of outlook.expiring) {
      const partners = expiry.partners.join("、");
      drafts.push({
        kind: "agreement-expiry",
        baseId: base.id,
        unitId: base.unitId,
        subjectId: `${base.id}@${expiry.endsOn}`,
        subjectZh: expiry.belowMinimum
          ? `${base.name}：与${partners}的合作协议到期后，有效协议 ${expiry.validAfter} 个，少于 ${settings.partnerMinimum} 个`
          : `${base.name}：与${partners}的合作协议到期`,
        subjectEn: expiry.belowMinimum
          ? `${base.name}: after the agreement with ${expiry.partners.join(", ")} ends, ${expiry.validAfter} valid agreements, fewer than ${settings.partnerMinimum}`
          : `${base.name}: the agreement with ${expiry.partners.join(", ")} ends`,
        dueOn: expiry.endsOn,
        belowMinimum: expiry.belowMinimum,
        informational: !expiry.belowMinimum,
      });
    }
  }
  for (const edition of facts.editions) {
    drafts.push({
      kind: "rules-expiry",
      baseId: null,
      unitId: null,
      subjectId: edition.id,
      subjectZh: `《${edition.titleZh}》（${edition.documentNumber}）`,
      subjectEn: `The measures (${edition.documentNumber})`,
      dueOn: edition.validUntil,
    });
  }

  const rulesHorizon = addDays(today, Math.max(options.horizonDays ?? defaultHorizonDays, rulesExpiryLeadDays));
  const items: DeadlineItem[] = [];
  for (const { informational = false, overdue: forced, ...draft } of drafts) {
    const daysLeft = daysBetween(today, draft.dueOn);
    const overdue = forced ?? daysLeft < 0;
    const until = draft.kind === "rules-expiry" ? rulesHorizon : horizonEnd;
    if (!overdue && draft.dueOn > until) continue;
    // A call's closing date that has passed is not an obligation anyone can still meet.
    if (overdue && draft.kind === "call-closing") continue;
    items.push({
      ...draft,
      id: `${draft.kind}:${draft.subjectId}`,
      daysLeft,
      overdue,
      article: articleOf(draft.kind),
      severity: severityOf(overdue, daysLeft, informational),
    });
  }
  return items.sort(
    (a, b) =>
      (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
      a.kind.localeCompare(b.kind) ||
      a.subjectZh.localeCompare(b.subjectZh, "zh"),
  );
}

export interface DeadlineFilter {
  kind?: DeadlineKind;
  overdue?: boolean;
}

export function filterDeadlines(items: readonly DeadlineItem[], filter: DeadlineFilter): DeadlineItem[] {
  return items.filter(
    (item) =>
      (filter.kind === undefined || item.kind === filter.kind) &&
      (filter.overdue === undefined || item.overdue === filter.overdue),
  );
}
