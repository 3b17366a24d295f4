import { addMonths } from "../calendar/calendar-months";
import { addDays, daysBetween, type IsoDate } from "../calendar/dates";
import { type Edition, editionFor, editions } from "./editions";

/** Art. 31: how long before an edition lapses the department is warned (a revised edition needs time). */
export const expiryWarningMonths = 6;

export type EditionExpiryWarning =
  | {
      kind: "expiring";
      editionId: string;
      documentNumber: string;
      /** The last day the edition applies. */
      validUntil: IsoDate;
      /** Days left after today, the last day counting (0 on the last day). */
      daysLeft: number;
      messageZh: string;
      messageEn: string;
    }
  | {
      kind: "lapsed";
      editionId: string;
      documentNumber: string;
      validUntil: IsoDate;
      daysLeft: number;
      messageZh: string;
      messageEn: string;
    };

/**
 * Art. 31 (有效期5年): the warning the officer sees from six calendar months before the edition lapses — it lapses
 * after `validUntil`, so the warning starts on the same day-of-month six months before the first day it no longer
 * applies (2030-10-26 → from 2030-04-26) — and, once lapsed with no newer edition in force, a lapse notice.
 * Null when nothing is due.
 */
export function editionExpiryWarning(today: IsoDate, list: readonly Edition[] = editions): EditionExpiryWarning | null {
  const { edition, inForce } = editionFor(today, list);
  const lapsesOn = addDays(edition.validUntil, 1);
  const base = { editionId: edition.id, documentNumber: edition.documentNumber, validUntil: edition.validUntil };
  if (!inForce) {
    if (today < edition.effectiveFrom) return null;
    return {
      kind: "lapsed",
      ...base,
      daysLeft: 0,
      messageZh: `《${edition.titleZh}》（${edition.documentNumber}）已于 ${edition.validUntil} 有效期届满（第三十一条），请尽快录入新版办法。`,
      messageEn: `The measures (${edition.documentNumber}) lapsed after ${edition.validUntil} (Art. 31): record the new edition.`,
    };
  }
  // A successor already entered as data and taking effect the next day: nothing to warn about.
  if (list.some((other) => other.effectiveFrom === lapsesOn)) return null;
  if (today < addMonths(lapsesOn, -expiryWarningMonths)) return null;
  const daysLeft = daysBetween(today, edition.validUntil);
  return {
    kind: "expiring",
    ...base,
    daysLeft,
    messageZh: `《${edition.titleZh}》（${edition.documentNumber}）有效期至 ${edition.validUntil}（第三十一条：有效期5年），还剩 ${daysLeft} 天，请及时启动修订。`,
    messageEn: `The measures (${edition.documentNumber}) are valid until ${edition.validUntil} (Art. 31: five years), ${daysLeft} days left: start the revision.`,
  };
}
