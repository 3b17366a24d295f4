import type { Language } from "./define";
import { accountMessages } from "./messages/accounts";
import { achievementMessages } from "./messages/achievements";
import { allianceMessages } from "./messages/alliances";
import { annualReportMessages } from "./messages/annual-reports";
import { applicationReadMessages } from "./messages/application-read";
import { assistantMessages } from "./messages/assistant";
import { auditMessages } from "./messages/audit";
import { authMessages } from "./messages/auth";
import { baseMessages } from "./messages/bases";
import { changeReportMessages } from "./messages/change-reports";
import { commonMessages } from "./messages/common";
import { confirmationMessages } from "./messages/confirmations";
import { deadlineMessages } from "./messages/deadlines";
import { decisionMessages } from "./messages/decisions";
import { dossierMessages } from "./messages/dossier";
import { evaluatorMessages } from "./messages/evaluator";
import { evidenceMessages } from "./messages/evidence";
import { expertPoolMessages } from "./messages/experts";
import { gradingMessages } from "./messages/grading";
import { holidayYearMessages } from "./messages/holiday-years";
import { homeMessages } from "./messages/home";
import { listMessages } from "./messages/lists";
import { nationalPlatformMessages } from "./messages/national-platforms";
import { peopleMessages } from "./messages/people";
import { publicNoticeMessages } from "./messages/public-notices";
import { publicSiteMessages } from "./messages/public-site";
import { recognitionMessages } from "./messages/recognition";
import { rectificationMessages } from "./messages/rectifications";
import { referenceMessages } from "./messages/reference";
import { reviewMessages } from "./messages/review";
import { revocationMessages } from "./messages/revocations";
import { securityMessages } from "./messages/security";
import { serviceAccountMessages } from "./messages/service-accounts";
import { statisticsMessages } from "./messages/statistics";
import { unitMessages } from "./messages/units";
import { verifyMessages } from "./messages/verify";

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
