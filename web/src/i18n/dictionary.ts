import type { Language } from "./define.ts";
import { accountMessages } from "./messages/accounts.ts";
import { achievementMessages } from "./messages/achievements.ts";
import { allianceMessages } from "./messages/alliances.ts";
import { annualReportMessages } from "./messages/annual-reports.ts";
import { applicationReadMessages } from "./messages/application-read.ts";
import { assistantMessages } from "./messages/assistant.ts";
import { auditMessages } from "./messages/audit.ts";
import { authMessages } from "./messages/auth.ts";
import { baseMessages } from "./messages/bases.ts";
import { changeReportMessages } from "./messages/change-reports.ts";
import { commonMessages } from "./messages/common.ts";
import { confirmationMessages } from "./messages/confirmations.ts";
import { deadlineMessages } from "./messages/deadlines.ts";
import { decisionMessages } from "./messages/decisions.ts";
import { dossierMessages } from "./messages/dossier.ts";
import { evaluatorMessages } from "./messages/evaluator.ts";
import { evidenceMessages } from "./messages/evidence.ts";
import { expertPoolMessages } from "./messages/experts.ts";
import { gradingMessages } from "./messages/grading.ts";
import { holidayYearMessages } from "./messages/holiday-years.ts";
import { homeMessages } from "./messages/home.ts";
import { listMessages } from "./messages/lists.ts";
import { nationalPlatformMessages } from "./messages/national-platforms.ts";
import { peopleMessages } from "./messages/people.ts";
import { publicNoticeMessages } from "./messages/public-notices.ts";
import { publicSiteMessages } from "./messages/public-site.ts";
import { recognitionMessages } from "./messages/recognition.ts";
import { rectificationMessages } from "./messages/rectifications.ts";
import { referenceMessages } from "./messages/reference.ts";
import { reviewMessages } from "./messages/review.ts";
import { revocationMessages } from "./messages/revocations.ts";
import { securityMessages } from "./messages/security.ts";
import { serviceAccountMessages } from "./messages/service-accounts.ts";
import { statisticsMessages } from "./messages/statistics.ts";
import { unitMessages } from "./messages/units.ts";
import { verifyMessages } from "./messages/verify.ts";

const groups = [
  commonMessages,
  authMessages,
  homeMessages,
  unitMessages,
  peopleMessages,
  accountMessages,
  auditMessages,
  referenceMessages,
  holidayYearMessages,
  reviewMessages,
  expertPoolMessages,
  decisionMessages,
  recognitionMessages,
  applicationReadMessages,
  verifyMessages,
  publicNoticeMessages,
  publicSiteMessages,
  baseMessages,
  annualReportMessages,
  rectificationMessages,
  revocationMessages,
  changeReportMessages,
  gradingMessages,
  achievementMessages,
  evidenceMessages,
  evaluatorMessages,
  allianceMessages,
  nationalPlatformMessages,
  deadlineMessages,
  statisticsMessages,
  dossierMessages,
  securityMessages,
  serviceAccountMessages,
  confirmationMessages,
  listMessages,
  assistantMessages,
] as const;

type Group = (typeof groups)[number];
type KeysOf<G> = G extends { zh: infer Z } ? keyof Z : never;

/** Every UI string key; `t()` accepts only these. */
export type MessageKey = KeysOf<Group> & string;

function merge(language: Language): Record<MessageKey, string> {
  return Object.assign({}, ...groups.map((group) => group[language])) as Record<MessageKey, string>;
}

export const dictionaries: Record<Language, Record<MessageKey, string>> = { zh: merge("zh"), en: merge("en") };
