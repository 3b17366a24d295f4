/**
 * The operationId of every route, derived from its method and URL in one place (a route declaring
 * `schema.operationId` keeps its own; `operationIdOverrides` names the routes whose derived name reads poorly).
 *
 * The rule, on the URL without `/api/`: its words in PascalCase, each in the singular but the last, which is singular
 * when a parameter follows it (`/calls/:id/recommendations/:recommenderId/letter/:format` → `CallRecommendationLetter`,
 * `/reviews/assignments` → `ReviewAssignments`), a file extension as a word of its own (`ranking.xlsx` →
 * `RankingXlsx`). Then by method:
 * - GET of a parameter or a singular word: `get…` (`getApplication`, `getDashboard`); of a plural word: `list…`
 *   (`listApplications`, `listApplicationFiles`); of `…/export`: `export…` (`exportApplications`);
 * - POST to a plural word: `create…` in the singular (`createApplication`); to `…/events`: `fire…Event`
 *   (`fireApplicationEvent`); to `…/files`: `upload…File`; to any other word, that word is the verb
 *   (`/calls/:id/open` → `openCall`);
 * - PUT `save…`, PATCH `update…`, DELETE `delete…`.
 */
export const operationIdOverrides: Record<string, string> = {
  "POST /api/auth/login": "login",
  "POST /api/auth/logout": "logout",
  "GET /api/auth/me": "getMe",
  "POST /api/auth/password": "changePassword",
  "GET /api/auth/password-rules": "getPasswordRules",
  "POST /api/public/files": "uploadAuthorisationLetter",
  "POST /api/policy/eligibility": "checkEligibility",
  "GET /api/assistant/faq": "listAssistantFaqEntries",
  "POST /api/assistant/faq": "createAssistantFaqEntry",
  "PATCH /api/assistant/faq/:id": "updateAssistantFaqEntry",
  "DELETE /api/assistant/faq/:id": "deleteAssistantFaqEntry",
  "POST /api/accounts/:id/expert": "linkAccountExpert",
  "POST /api/accounts/:id/grants": "requestRoleGrant",
  "POST /api/role-grants/:id/revoke": "requestRoleRevocation",
  "POST /api/accounts/:id/reset-password": "resetAccountPassword",
  "POST /api/units/:id/accounts/:accountId/reset-password": "resetUnitAccountPassword",
  "GET /api/audit": "searchAudit",
  "GET /api/audit/verify": "verifyAuditChain",
  "GET /api/reference/belt-and-road": "listBeltAndRoadCountries",
  "POST /api/reference/belt-and-road": "flagBeltAndRoadCountry",
  "GET /api/calls/:id/recommendations/:recommenderId": "getRecommendationList",
  "POST /api/calls/:id/recommendations/:recommenderId/stamped": "uploadStampedRecommendation",
  "GET /api/applications/:id/application-form/:format": "getApplicationForm",
  "GET /api/applications/:id/read": "readApplication",
  "GET /api/reviews/assignments/:id/materials": "getReviewAssignmentMaterials",
  "POST /api/reviews/assignments/:id/declaration": "declareReviewAssignmentConflicts",
  "POST /api/reviews/assignments/:id/scores": "saveReviewAssignmentScores",
  "POST /api/reviews/:id/draws": "drawExperts",
  "POST /api/reviews/:id/panel-opinion": "submitPanelOpinion",
  "POST /api/decisions/applications/:id/complete-review": "completeExpertReview",
  "POST /api/decisions/applications/:id/start-on-site-verification": "startOnSiteVerification",
  "POST /api/decisions/applications/:id/on-site-verifications": "recordOnSiteVerification",
  "POST /api/decisions/applications/:id/evaluate": "evaluateCandidate",
  "POST /api/decisions/applications/:id/reject": "rejectCandidate",
  "POST /api/bases/:id/upgrade-exit": "recordUpgradeExit",
  "POST /api/bases/:id/national-revocation": "recordNationalRevocation",
  "POST /api/registry-facts/national-platforms/:id/revocation": "revokeNationalPlatform",
  "POST /api/alliances/:id/charter": "uploadAllianceCharter",
  "POST /api/evaluation-rounds/:id/start-evaluation": "startEvaluation",
  "POST /api/evaluation-rounds/:id/grades": "confirmGrades",
  "POST /api/evaluation-rounds/:id/publish": "publishGrades",
  "POST /api/achievements": "publishAchievement",
  "GET /api/statistics": "getStatistics",
  "GET /api/statistics/export.xlsx": "exportStatistics",
  "GET /api/public/verify/:code": "verifyDocument",
  "POST /api/service-accounts/:id/tokens": "issueApiToken",
  "GET /api/feed/bases": "getBaseFeed",
};

const isParam = (segment: string) => segment.startsWith(":") || segment.startsWith("{");

/** `credit-records` → `CreditRecords` */
const pascal = (segment: string) =>
  segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

const isPlural = (word: string) => /[^su]s$/.test(word) || word === "people";

function singular(word: string): string {
  if (word === "people") return "person";
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return isPlural(word) ? word.slice(0, -1) : word;
}

/** The operationId the rule gives `method url` (a Fastify URL, `:param` or `{param}`). */
export function derivedOperationId(method: string, url: string): string {
  const segments = url
    .replace(/^\/api\//, "")
    .split("/")
    .filter(Boolean)
    // `ranking.xlsx` → `ranking`, `xlsx`: the extension is a word of its own.
    .flatMap((segment) => (isParam(segment) ? [segment] : segment.split(".")));
  const last = segments.at(-1) ?? "";
  const name = (parts: string[]) => parts.map(pascal).join("");
  // Every word but the last names one thing (`reviews/assignments` → `ReviewAssignments`); the last is singular when
  // a parameter follows it.
  const wordsOf = (part: string[]) => {
    const statics = part.filter((segment) => !isParam(segment));
    const singularLast = isParam(part.at(-1) ?? "");
    return statics.map((word, index) => (index < statics.length - 1 || singularLast ? singular(word) : word));
  };
  const words = wordsOf(segments);
  // What an action (`/calls/:id/open`, `/notifications/read-all`, `…/export`) acts on: the URL before it.
  const object = name(wordsOf(segments.slice(0, -1)));
  const verb = method.toUpperCase();
  if (verb === "GET") {
    if (last === "export") return `export${object}`;
    if (!isParam(last) && isPlural(last)) return `list${name(words)}`;
    return `get${name(words)}`;
  }
  if (verb === "PUT") return `save${name(words)}`;
  if (verb === "PATCH") return `update${name(words)}`;
  if (verb === "DELETE") return `delete${name(words)}`;
  if (isParam(last)) return `${verb.toLowerCase()}${name(words)}`;
  if (last === "events") return `fire${name(words.slice(0, -1))}Event`;
  if (last === "files") return `upload${name(words.slice(0, -1))}File`;
  if (isPlural(last)) return `create${name([...words.slice(0, -1), singular(last)])}`;
  const action = pascal(last);
  return `${action.charAt(0).toLowerCase()}${action.slice(1)}${object}`;
}

/** The route's operationId: its own, else the override, else the derived one. */
export function operationIdOf(method: string, url: string, declared?: string): string {
  return declared ?? operationIdOverrides[`${method.toUpperCase()} ${url}`] ?? derivedOperationId(method, url);
}
