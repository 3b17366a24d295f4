import type { IsoDate } from "../policy/calendar/dates";
import type { OfficerHolidayYear } from "../policy/calendar/working-days";
import { type Edition, edition2025, findArticle } from "../policy/measures/editions";
import { defaultSettings, type InterpretationSettings } from "../policy/settings";
import { type Analyzer, sharedAnalyzer } from "./analyzer";
import { type ComputedAnswer, computeAnswer } from "./computed";
import { asksAboutNeighbour } from "./neighbours";
import { asksAboutOwnApplication, type OwnApplication, ownApplicationAnswer } from "./own-application";
import {
  type FaqEntry,
  faqPassages,
  interpretationPassages,
  measurePassages,
  noticePassages,
  type Passage,
  type PassageKind,
  type PublishedNotice,
} from "./passages";
import { citedArticles, type Hit, PassageIndex } from "./retrieval";
import { articleLabelEn, articleLabelZh, refOf } from "./text";

/**
 * The policy assistant: `ask(question, lang, context)` answers from the knowledge with citations, computes what
 * the platform can compute, and refuses — "无法回答 — 请联系省科技厅国际合作处" — when nothing relevant scores high
 * enough or the question lies outside the measures. Pure: the server passes in today's date, the knowledge and the
 * department's contact; no clock, no IO, no framework here.
 *
 * One answer is tried by responders in order — a computation, then retrieval — so a later step (the
 * conversational self-check of issue 14 item 4) sits beside them as one more responder.
 */
export type Lang = "zh" | "en";

export interface Citation {
  /** "18" */
  article: string;
  /** "5" for 第十八条第5项. */
  item?: string;
  /** The measures' words, quoted. */
  quote: string;
  /** 第十八条第5项 / Art. 18.5 */
  label: string;
}

/** Where an answer came from besides the measures: an FAQ, a reading of the platform, a published notice. */
export interface AnswerSource {
  kind: PassageKind;
  title: string;
}

export interface AskResult {
  answer: string;
  lang: Lang;
  citations: Citation[];
  computed?: Pick<ComputedAnswer, "type" | "value" | "ruleZh" | "ruleEn" | "inputs">;
  refused: boolean;
  /** Why it refused: nothing matched well enough, or the question's words lie outside the measures. */
  refusal?: "no-match" | "out-of-scope" | "empty";
  sources: AnswerSource[];
  /** The articles and items the retrieved passages rest on (what any rephrasing may cite). */
  retrieved: string[];
  edition: string;
  /** The caller's own applications the answer speaks of (a signed-in host unit asking about its application). */
  applications?: { id: string; title: string }[];
}

export interface AskContext {
  /** Today in China (the server's clock). */
  today: IsoDate;
  /** The department's contact for questions the assistant cannot answer (config). */
  contact?: string;
  settings?: InterpretationSettings;
  holidayYears?: readonly OfficerHolidayYear[];
  fields?: readonly { nameZh: string; nameEn: string }[];
  /** A signed-in host unit's own applications, loaded through its read scope; absent for anyone else. */
  own?: readonly OwnApplication[];
}

export interface KnowledgeSources {
  edition?: Edition;
  /** docs/interpretations.md as text. */
  interpretations?: string;
  faq?: readonly FaqEntry[];
  notices?: readonly PublishedNotice[];
}

/**
 * When to refuse, tuned on the evaluation set as a whole (bench/assistant): the best passage's score, and the share
 * of the question's informative words that the knowledge does not hold at all.
 */
export const refusalThresholds = {
  /** Below this best score nothing relevant was found. */
  minimumScore: 6,
  /** At or above this share of unknown words the question is about something else… */
  unknownShare: 0.6,
  /** …unless the best passage scores at least this much. */
  confidentScore: 20,
} as const;

/** Citations listed: at most three, each from a passage scoring at least this share of the best one. */
const citationLimit = 3;
const citationFloor = 0.3;

export function refusalText(lang: Lang, contact?: string): string {
  const tail = contact ? ` ${contact}` : "";
  return lang === "zh"
    ? `无法回答 — 请联系省科技厅国际合作处${tail}。这个问题超出了《湖北省国际科技合作基地管理办法》及本平台公开信息的范围，助手不作推测。`
    : `I don't know — please contact the International Cooperation Division of the Hubei Provincial Department of Science and Technology${tail}. The question lies outside the measures and the platform's published information, and the assistant does not guess.`;
}

/** The passages of every source, for one edition and one day (an FAQ entry applies between its dates). */
export function buildPassages(sources: KnowledgeSources, today: IsoDate): Passage[] {
  const edition = sources.edition ?? edition2025;
  return [
    ...measurePassages(edition),
    ...(sources.interpretations ? interpretationPassages(sources.interpretations, edition) : []),
    ...faqPassages(sources.faq ?? [], edition, today),
    ...noticePassages(sources.notices ?? [], edition),
  ];
}

export function detectLang(question: string): Lang {
  return /\p{Script=Han}/u.test(question) ? "zh" : "en";
}

const sentenceEnd = /(?<=[。；;！？!?])|\n/;
/** Articles and items up to this length are quoted whole. */
const quoteWhole = 160;

export class Assistant {
  readonly edition: Edition;
  private readonly index: PassageIndex;

  constructor(
    passages: readonly Passage[],
    edition: Edition = edition2025,
    private readonly analyzer: Analyzer = sharedAnalyzer(),
  ) {
    this.edition = edition;
    this.index = new PassageIndex(passages, analyzer);
  }

  static from(sources: KnowledgeSources, today: IsoDate, analyzer?: Analyzer): Assistant {
    return new Assistant(buildPassages(sources, today), sources.edition ?? edition2025, analyzer);
  }

  ask(question: string, lang: Lang | undefined, context: AskContext): AskResult {
    const language = lang ?? detectLang(question);
    const settings = context.settings ?? defaultSettings;
    const computed = computeAnswer(question, {
      today: context.today,
      edition: this.edition,
      settings,
      ...(context.holidayYears ? { holidayYears: context.holidayYears } : {}),
      ...(context.fields ? { fields: context.fields } : {}),
    });
    if (computed) return this.computedResult(question, language, computed);
    if (asksAboutOwnApplication(question)) return this.ownResult(question, language, context.own);
    if (asksAboutNeighbour(question)) return this.refused(language, "out-of-scope", context.contact);
    return this.retrievedResult(question, language, context);
  }

  private ownResult(question: string, lang: Lang, own: readonly OwnApplication[] | undefined): AskResult {
    const { answer, articles } = ownApplicationAnswer(lang, own);
    const terms = this.queryWords(question, lang);
    return {
      answer,
      lang,
      citations: articles.slice(0, citationLimit).map((id) => this.citation(id, terms, lang)),
      refused: false,
      sources: [],
      retrieved: articles,
      edition: this.edition.id,
      ...(own?.length ? { applications: own.map(({ id, title }) => ({ id, title })) } : {}),
    };
  }

  private computedResult(question: string, lang: Lang, computed: ComputedAnswer): AskResult {
    const terms = this.queryWords(question, lang);
    const citations = computed.articles.map((id) => this.citation(id, terms, lang));
    return {
      answer: lang === "zh" ? computed.answerZh : computed.answerEn,
      lang,
      citations,
      computed: {
        type: computed.type,
        value: computed.value,
        ruleZh: computed.ruleZh,
        ruleEn: computed.ruleEn,
        inputs: computed.inputs,
      },
      refused: false,
      sources: [],
      retrieved: computed.articles,
      edition: this.edition.id,
    };
  }

  private queryWords(question: string, lang: Lang): Set<string> {
    const terms =
      lang === "en"
        ? this.analyzer.englishQuery(question, this.index.vocabulary)
        : this.analyzer.chineseQuery(question, this.index.vocabulary);
    return new Set(terms.weights.keys());
  }

  private refused(lang: Lang, reason: AskResult["refusal"], contact?: string): AskResult {
    return {
      answer: refusalText(lang, contact),
      lang,
      citations: [],
      refused: true,
      refusal: reason,
      sources: [],
      retrieved: [],
      edition: this.edition.id,
    };
  }

  private retrievedResult(question: string, lang: Lang, context: AskContext): AskResult {
    const { hits, terms } = this.index.find(question, lang);
    const best = hits[0]?.score ?? 0;
    if (terms.content.length === 0 || hits.length === 0) return this.refused(lang, "empty", context.contact);
    if (best < refusalThresholds.minimumScore) return this.refused(lang, "no-match", context.contact);
    if (terms.unknownShare >= refusalThresholds.unknownShare && best < refusalThresholds.confidentScore)
      return this.refused(lang, "out-of-scope", context.contact);
    const relevant = hits.filter((hit) => hit.score >= best * citationFloor);
    const cited = citedArticles(relevant, citationLimit);
    const words = new Set(terms.weights.keys());
    const citations = cited.map(({ id }) => this.citation(id, words, lang));
    const sources = relevant
      .slice(0, citationLimit)
      .filter((hit) => hit.passage.kind !== "article" && hit.passage.kind !== "item")
      .map((hit) => ({ kind: hit.passage.kind, title: hit.passage.title }));
    return {
      answer: this.compose(lang, relevant, citations),
      lang,
      citations,
      refused: false,
      sources,
      retrieved: [...new Set(relevant.flatMap((hit) => hit.passage.cites))],
      edition: this.edition.id,
    };
  }

  /** The article's or item's sentence that shares most words with the question (with the next when short). */
  private citation(id: string, words: Set<string>, lang: Lang): Citation {
    const found = findArticle(id, this.edition);
    const text = found?.itemTextZh ?? found?.article.textZh ?? "";
    const sentences = text
      .split(sentenceEnd)
      .map((sentence) => sentence.trim())
      .filter(Boolean);
    let bestIndex = 0;
    let bestScore = -1;
    sentences.forEach((sentence, index) => {
      const score = new Set(this.analyzer.chineseTerms(sentence).filter((term) => words.has(term))).size;
      if (score > bestScore) {
        bestScore = score;
        bestIndex = index;
      }
    });
    // A short article or item is quoted whole; an article cited whole with its items, from its lead-in on (the list
    // is what it says); a long text by its best sentence (and the next when that is short).
    const listed = !found?.itemTextZh && (found?.article.items.length ?? 0) > 0;
    let quote = text.length <= quoteWhole || listed ? text.replace(/\n/g, "") : (sentences[bestIndex] ?? text);
    if (quote.length < 30 && sentences[bestIndex + 1]) quote = `${quote}${sentences[bestIndex + 1]}`;
    if (quote.length > 200) quote = `${quote.slice(0, 199)}…`;
    const ref = refOf(id);
    return {
      article: ref.article,
      ...(ref.item ? { item: ref.item } : {}),
      quote,
      label: lang === "zh" ? articleLabelZh(id) : articleLabelEn(id),
    };
  }

  private compose(lang: Lang, hits: readonly Hit[], citations: readonly Citation[]): string {
    const top = hits[0]?.passage;
    const lines: string[] = [];
    const cite = (citation: Citation) => (lang === "zh" ? citation.label : citation.label);
    if (top?.kind === "faq") {
      const answer = lang === "zh" ? top.answerZh : top.answerEn || top.answerZh;
      lines.push(`${answer ?? ""}`);
      lines.push(
        lang === "zh"
          ? `依据：${top.cites.map(articleLabelZh).join("、")}。`
          : `Based on ${top.cites.map(articleLabelEn).join(", ")} of the measures.`,
      );
    }
    if (lang === "zh") {
      if (lines.length === 0) lines.push(`根据《${this.edition.titleZh}》（${this.edition.documentNumber}）：`);
      for (const citation of citations.slice(0, 2)) lines.push(`${cite(citation)}：“${citation.quote}”`);
    } else {
      lines.push(
        `The measures (${this.edition.documentNumber}) are published in Chinese only; the articles are quoted in Chinese with an English gloss.`,
      );
      for (const citation of citations.slice(0, 2)) {
        const article = findArticle(citation.article, this.edition)?.article;
        lines.push(`${citation.label} — ${article?.summaryEn ?? ""}\n“${citation.quote}”`);
      }
    }
    for (const hit of hits.slice(0, citationLimit)) {
      const passage = hit.passage;
      if (passage.kind === "interpretation")
        lines.push(
          lang === "zh"
            ? `平台的理解（非办法原文，见《规则解释》“${passage.title}”）。`
            : `The platform's reading (not the measures' text): “${passage.title}” in the interpretations.`,
        );
      if (passage.kind === "notice")
        lines.push(
          lang === "zh" ? `另见已发布的通知：${passage.title}` : `See also the published notice: ${passage.title}`,
        );
    }
    return lines.join("\n");
  }
}
