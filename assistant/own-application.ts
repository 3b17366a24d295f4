import type { Finding, Verdict } from "../policy/eligibility/findings";
import { verdictLabels } from "../policy/eligibility/findings";
import type { Lang } from "./ask";
import { articleLabelEn, articleLabelZh } from "./text";

/**
 * A signed-in host unit asks about its own application ("我们的申报还有什么问题？"): the answer is the stored
 * eligibility findings of the unit's own applications, the ones that need doing first, each with its article. The
 * server loads the applications through the caller's read scope and passes them in; without them (signed out, or
 * not a host unit) the question is answered with how to ask it.
 */
export interface OwnApplication {
  id: string;
  /** The standard name, or the call's title while the name is pending. */
  title: string;
  stateZh: string;
  stateEn: string;
  findings: readonly Finding[];
}

const ownZh =
  /(?:我|我们|本|我方|咱们)(?:单位|公司|学校|学院|医院|中心)?(?:的|家)?(?:申报|申请)(?:书|材料)?.{0,8}(?:问题|审查|结果|情况|怎么样|进展|不符合|还缺|缺什么|缺少|状态|哪里|通过|退回|哪些条)/;
const whyZh = /(?:为什么|为何|怎么).{0,12}(?:不符合|不通过|没通过|被退回|没有通过)/;
const weZh = /我|本单位|咱们/;
const ownEn = /\b(?:my|our)\s+(?:own\s+)?(?:application|submission)s?\b/i;
const statusEn =
  /\b(?:problems?|issues?|findings?|status|missing|fail(?:ed|s)?|wrong|stand|results?|passed|rejected|returned|lacking)\b/i;

/** The question asks about the caller's own application (its findings, its state, what is missing). */
export function asksAboutOwnApplication(question: string): boolean {
  return (
    ownZh.test(question) ||
    (whyZh.test(question) && weZh.test(question)) ||
    (ownEn.test(question) && statusEn.test(question))
  );
}

/** What needs doing first: a fail, then missing evidence, then a written justification, then the experts' part. */
const urgency: readonly Verdict[] = ["fail", "missing", "soft", "judgement"];
const listedPerApplication = 6;

export interface OwnAnswer {
  answer: string;
  /** The articles of the findings listed, most urgent first. */
  articles: string[];
}

/** The answer about the unit's own applications; `own` undefined when the caller cannot have any (signed out). */
export function ownApplicationAnswer(lang: Lang, own: readonly OwnApplication[] | undefined): OwnAnswer {
  const zh = lang === "zh";
  if (own === undefined)
    return {
      answer: zh
        ? "助手只在申报单位登录后回答本单位申报的审查情况：请以申报单位账号登录后再问，或在“申报管理”中查看每项条件的核验结果。"
        : "The assistant answers about a unit's own application only when the unit is signed in: sign in with the host unit's account and ask again, or open the application to see each condition's finding.",
      articles: [],
    };
  if (own.length === 0)
    return {
      answer: zh
        ? "本单位尚无申报。可在“申报管理”中新建申报，或先问“我单位能申报吗？”做一次自查。"
        : "Your unit has no application yet. Start one under Applications, or ask “Can my unit apply?” for a self-check first.",
      articles: [],
    };
  const lines: string[] = [];
  const articles: string[] = [];
  for (const application of own) {
    const open = urgency.flatMap((verdict) => application.findings.filter((finding) => finding.verdict === verdict));
    const state = zh ? application.stateZh : application.stateEn;
    lines.push(zh ? `《${application.title}》（${state}）：` : `“${application.title}” (${state}):`);
    if (application.findings.length === 0) {
      lines.push(zh ? "  尚未核验（保存申报书后平台逐条核验）。" : "  Not checked yet (the platform checks on save).");
      continue;
    }
    if (open.length === 0) {
      lines.push(zh ? "  各项条件均已符合。" : "  Every condition is met.");
      continue;
    }
    for (const finding of open.slice(0, listedPerApplication)) {
      const label = zh ? articleLabelZh(finding.article) : articleLabelEn(finding.article);
      const verdict = zh ? verdictLabels[finding.verdict].zh : verdictLabels[finding.verdict].en;
      lines.push(`  · ${label} ${verdict}：${zh ? finding.messageZh : finding.messageEn}`);
      if (!articles.includes(finding.article)) articles.push(finding.article);
    }
    if (open.length > listedPerApplication)
      lines.push(
        zh
          ? `  另有 ${open.length - listedPerApplication} 项，请在申报书中查看。`
          : `  ${open.length - listedPerApplication} more: open the application to see them.`,
      );
  }
  return { answer: lines.join("\n"), articles };
}
