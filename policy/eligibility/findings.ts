/** The six verdicts of SPEC §4. */
export const verdicts = ["pass", "fail", "soft", "judgement", "attested", "missing"] as const;
export type Verdict = (typeof verdicts)[number];

export const verdictLabels = {
  pass: { zh: "符合", en: "Pass" },
  fail: { zh: "不符合", en: "Fail" },
  soft: { zh: "原则性要求未满足，需书面说明", en: "In-principle requirement not met: justification needed" },
  judgement: { zh: "由专家评判", en: "For the experts to judge" },
  attested: { zh: "申报单位承诺", en: "Attested by the applicant" },
  missing: { zh: "缺少材料", en: "Evidence missing" },
} as const satisfies Record<Verdict, { zh: string; en: string }>;

export interface Finding {
  ruleId: string;
  /** "7.2", "12.3", "20": the article (item) of the measures the rule rests on. */
  article: string;
  verdict: Verdict;
  /** Input field paths the rule looked at ("application.partners.0.agreement.end"). */
  evidence: string[];
  messageZh: string;
  messageEn: string;
}

export interface FindingSummary {
  counts: Record<Verdict, number>;
  /** A `fail` is present: the application cannot be recognized as it stands (CLI exit 1). */
  blocking: boolean;
  /** Evidence is missing: the UI refuses submission until it is supplied. */
  incomplete: boolean;
  /** `soft` findings need a written justification the officer may accept. */
  needsJustification: boolean;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const counts = { pass: 0, fail: 0, soft: 0, judgement: 0, attested: 0, missing: 0 } satisfies Record<Verdict, number>;
  for (const finding of findings) counts[finding.verdict] += 1;
  return { counts, blocking: counts.fail > 0, incomplete: counts.missing > 0, needsJustification: counts.soft > 0 };
}
