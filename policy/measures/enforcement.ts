import { ruleTable } from "../eligibility/rule-table";

/**
 * What enforces each article besides the eligibility rules: functions and lifecycles, by exported name.
 * The `articles` command lists these with the tests that mention them, so gaps are visible.
 */
export const functionEnforcers: readonly { article: string; symbol: string }[] = [
  { article: "2", symbol: "keyBaseIsOffshore" },
  { article: "6", symbol: "baseTypes" },
  { article: "7.1", symbol: "validateUscc" },
  { article: "8.3", symbol: "rdIntensity" },
  { article: "8.3", symbol: "selectFiscalYears" },
  { article: "14", symbol: "applicationLifecycle" },
  { article: "14.3", symbol: "publicNoticeEnd" },
  { article: "17", symbol: "pass-up" },
  { article: "18.5", symbol: "changeReportLifecycle" },
  { article: "18.5", symbol: "changeReportDeadline" },
  { article: "20", symbol: "baseLifecycle" },
  { article: "20", symbol: "isBanned" },
  { article: "20", symbol: "revocationGrounds" },
  { article: "20.2", symbol: "gradeCohort" },
  { article: "21", symbol: "exit-national" },
  { article: "22", symbol: "evaluationLifecycle" },
  { article: "22", symbol: "gradeCohort" },
  { article: "22", symbol: "scoreRubric" },
  { article: "24", symbol: "rectificationEnd" },
  { article: "24", symbol: "fail-rectification" },
  { article: "29", symbol: "standardName" },
  { article: "30", symbol: "standardName" },
  { article: "31", symbol: "editionFor" },
  { article: "31", symbol: "validityEnd" },
];

export interface ArticleEnforcement {
  articleId: string;
  ruleIds: string[];
  symbols: string[];
}

/** Rule ids and symbols per top-level article ("7" gathers 7.1–7.6). */
export function enforcementByArticle(articleIds: readonly string[]): ArticleEnforcement[] {
  const top = (article: string) => article.split(".")[0]!;
  return articleIds.map((articleId) => ({
    articleId,
    ruleIds: ruleTable.filter((rule) => top(rule.article) === articleId).map((rule) => rule.id),
    symbols: [
      ...new Set(functionEnforcers.filter((entry) => top(entry.article) === articleId).map((entry) => entry.symbol)),
    ],
  }));
}
