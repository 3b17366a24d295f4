import MiniSearch from "minisearch";
import type { Analyzer, QueryTerms } from "./analyzer";
import type { Passage, PassageKind } from "./passages";

/**
 * The ranked index: MiniSearch (BM25+) over the passages, every field analyzed by the assistant's own analyzer
 * (jieba words as their synonym group's first word; English stems). Three fields: the Chinese text, the title and
 * questions (an FAQ's variants), and the English text. Passages of the measures weigh more than the platform's
 * readings and notices, which rest on them.
 */

/** How much a passage of each kind weighs against the measures' own text. */
export const kindWeights: Record<PassageKind, number> = {
  article: 1,
  item: 1,
  faq: 1,
  interpretation: 0.5,
  notice: 0.6,
};

/** Field weights: the title and questions count more than the body, English summaries less. */
const fieldBoost = { zh: 1, title: 1.5, context: 0.4, en: 0.6 };
const bm25 = { k: 1.2, b: 0.75, d: 0.5 };

interface Indexed {
  id: string;
  zh: string;
  title: string;
  context: string;
  en: string;
}

export interface Hit {
  passage: Passage;
  score: number;
}

export interface SearchOutcome {
  hits: Hit[];
  terms: QueryTerms;
}

export class PassageIndex {
  readonly passages: Map<string, Passage>;
  /** Every word the knowledge holds: what a question's misspellings and unknown words are judged against. */
  readonly vocabulary = new Set<string>();
  private readonly search: MiniSearch<Indexed>;

  constructor(
    passages: readonly Passage[],
    private readonly analyzer: Analyzer,
  ) {
    this.passages = new Map(passages.map((passage) => [passage.id, passage]));
    this.search = new MiniSearch<Indexed>({
      fields: ["zh", "title", "context", "en"],
      tokenize: (text, field) => (field === "en" ? analyzer.englishTerms(text) : analyzer.chineseTerms(text)),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split("\u0001").filter(Boolean), processTerm: (term) => term },
    });
    this.search.addAll(
      // An FAQ entry is found by its questions; its answer counts as context only, or a long answer would draw
      // every question that shares a word with it.
      passages.map((passage) =>
        passage.kind === "faq"
          ? {
              id: passage.id,
              zh: "",
              title: (passage.questions ?? []).join("\n"),
              context: passage.textZh,
              en: (passage.questions ?? []).filter((question) => !/\p{Script=Han}/u.test(question)).join("\n"),
            }
          : { id: passage.id, zh: passage.textZh, title: "", context: passage.context ?? "", en: passage.textEn },
      ),
    );
    const vocabulary = this.vocabulary;
    for (const passage of passages) {
      for (const term of analyzer.chineseTerms(`${passage.textZh}\n${(passage.questions ?? []).join("\n")}`))
        vocabulary.add(term);
      for (const term of analyzer.englishTerms(passage.textEn)) vocabulary.add(term);
    }
  }

  /** The passages for a question, best first, with their scores (BM25+ × the kind's weight). */
  find(question: string, lang: "zh" | "en"): SearchOutcome {
    const terms =
      lang === "en"
        ? this.analyzer.englishQuery(question, this.vocabulary)
        : this.analyzer.chineseQuery(question, this.vocabulary);
    const english = "english" in terms ? (terms.english as Map<string, number>) : new Map<string, number>();
    const join = (map: Map<string, number>) => [...map.keys()].join("\u0001");
    const weightOf = (term: string) => terms.weights.get(term) ?? english.get(term) ?? 1;
    const boostDocument = (id: string) => kindWeights[this.passages.get(id)?.kind ?? "article"];
    const queries = [];
    if (terms.weights.size > 0)
      queries.push({ queries: [join(terms.weights)], fields: ["zh", "title", "context"], boost: fieldBoost });
    if (english.size > 0) queries.push({ queries: [join(english)], fields: ["en"], boost: fieldBoost });
    if (queries.length === 0) return { hits: [], terms };
    const results = this.search.search(
      { combineWith: "OR", queries },
      { boostTerm: (term) => weightOf(term), boostDocument, bm25, combineWith: "OR" },
    );
    const hits: Hit[] = [];
    for (const result of results) {
      const passage = this.passages.get(String(result.id));
      if (passage) hits.push({ passage, score: result.score });
    }
    return { hits, terms };
  }
}

/**
 * The articles the hits cite, best first, each once: an item already cited makes its article redundant (a reader of
 * 第十八条第5项 has 第十八条 before them), so the article is not listed after it.
 */
export function citedArticles(hits: readonly Hit[], limit: number): { id: string; hit: Hit }[] {
  const cited: { id: string; hit: Hit }[] = [];
  for (const hit of hits) {
    for (const id of hit.passage.cites) {
      if (cited.some((entry) => entry.id === id)) continue;
      if (!id.includes(".") && cited.some((entry) => entry.id.startsWith(`${id}.`))) continue;
      cited.push({ id, hit });
      if (cited.length >= limit) return cited;
    }
  }
  return cited;
}
