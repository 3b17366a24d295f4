import { Jieba } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict.js";
import { pinyin } from "pinyin-pro";
import { type GlossaryEntry, glossary } from "./glossary";
import { canonical, domainWords, synonymGroups } from "./synonyms";
import { normalizeQuestion } from "./text";

/**
 * Words as the index sees them. Chinese is segmented by jieba (@node-rs/jieba, its packaged dictionary plus the
 * domain words of synonyms.ts kept whole), in search mode so 负责人 also yields 负责; each word becomes its synonym
 * group's first word. English is lower-cased and stemmed lightly; an English question is also translated through
 * the glossary into the Chinese words of the measures.
 *
 * Misspellings: a caller types a word by its sound (国和基地, 依拖单位). Every window of two to six Chinese characters
 * of a question that is not a word of the knowledge is read in pinyin (pinyin-pro, tones dropped); when a domain
 * word of synonyms.ts sounds the same, that word is searched too. No list of misspellings is kept: any same-sound
 * slip of a domain word is caught, and only domain words are candidates, so a correct question gains nothing false.
 */

const chineseStopwords = new Set(
  (
    "的 了 是 吗 呢 吧 啊 呀 么 嘛 哦 什么 啥 怎么 怎么样 怎样 如何 哪些 哪个 哪 哪里 哪儿 多少 几 几个 有 没有 有没有 " +
    "能 能不能 可以 可不可以 可 要 要不要 不要 需要 需不需要 会 会不会 还 还能 也 都 就 和 与 及 或 或者 在 对 把 被 给 向 从 以 " +
    "等 这 那 这个 那个 这些 那些 我们 我 你 你们 他们 它 其 之 个 一 一个 一下 请问 您好 你好 谁 为什么 是否 行不行 算不算 算 " +
    "多久 多长时间 多长 时候 什么时候 哪天 最晚 吗 不 没 很 又 再 让 得 地 着 过 里 上 下 中 后 前 时 说 讲 怎么办 咋 咋办 干嘛 " +
    "意思 哪些方面 方面 指 一定 必须 还是 已经 现在 今年 以后 之后 以前 自己 到底 具体 主要 一般 情况 问题 方面 相关 有关 进行 开展 工作 " +
    "这样 那样 然后 如果 要是 的话 并 而 但 但是 所以 因为 因此 以及 则 即 之一 其他 各 每 该 此 按 照 被 由 为 于 ，。"
  ).split(/\s+/),
);

const englishStopwords = new Set(
  (
    "a an the of to for in on at by with from about as and or but if is are was were be been being do does did done " +
    "can could may might must shall should will would have has had need needs get gets got there here it its this " +
    "that these those what which who whom whose when where why how we our us i my me you your they their them he she " +
    "his her any all some each every more most much many such so than then too very just also only own same other " +
    "into over under again further once up down out off not no nor yes exactly actually really supposed s t " +
    "whether before after between during both few until while per like what's let tell".trim()
  ).split(/\s+/),
);

/** Light English stemming: plural and -ing/-ed endings, enough to match glossary phrases. */
export function stemEnglish(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
    w = w.slice(0, -1);
  return w;
}

/** English words of a text, stemmed, in order (`s&t`, `r&d`, hyphenated words kept whole). */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9]*(?:[&'-][a-z0-9]+)*/g) ?? []).map(stemEnglish);
}

interface GlossaryPhrase {
  words: string[];
  zh: readonly string[];
}

function glossaryPhrases(entries: readonly GlossaryEntry[]): GlossaryPhrase[] {
  return entries
    .flatMap((entry) => entry.en.map((phrase) => ({ words: englishWords(phrase), zh: entry.zh })))
    .filter((phrase) => phrase.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
}

const han = /\p{Script=Han}/u;
const hanRun = /\p{Script=Han}+/gu;

function readIdf(bytes: Uint8Array): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of new TextDecoder().decode(bytes).split("\n")) {
    const space = line.lastIndexOf(" ");
    if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return table;
}

export interface QueryTerms {
  /** Each index word to search, with its weight (1 for the question's own words, less for expansions). */
  weights: Map<string, number>;
  /** The question's content words (stopwords out), before expansion: what the refusal weighs. */
  content: string[];
  /** Share of the content words' general informativeness (jieba's IDF) that the knowledge does not hold. */
  unknownShare: number;
  /** Domain words added because a same-sound window was found (国和 → 省国合基地). */
  corrections: { from: string; to: string }[];
}

/**
 * The analyzer: built once per process (jieba's dictionary takes ~0.3 s to load), then given the knowledge's
 * vocabulary with each question, so that misspellings and unknown words are judged against what can be answered.
 */
export class Analyzer {
  private readonly jieba: Jieba;
  private readonly generalIdf: Map<string, number>;
  private readonly medianIdf: number;
  private readonly phrases: GlossaryPhrase[];
  private readonly soundsLike = new Map<string, string[]>();
  private readonly pinyinCache = new Map<string, string>();

  constructor() {
    this.jieba = Jieba.withDict(dict);
    const extra = [...new Set([...domainWords, ...synonymGroups.flat(), ...glossary.flatMap((e) => e.zh)])]
      .filter((word) => han.test(word) && word.length > 1)
      .map((word) => `${word} 50000 n`);
    this.jieba.loadDict(new TextEncoder().encode(`${extra.join("\n")}\n`));
    this.generalIdf = readIdf(idf);
    const values = [...this.generalIdf.values()].sort((a, b) => a - b);
    this.medianIdf = values[Math.floor(values.length / 2)] ?? 10;
    this.phrases = glossaryPhrases(glossary);
    for (const word of new Set([...domainWords, ...synonymGroups.flat()])) {
      if (!/^\p{Script=Han}{2,6}$/u.test(word)) continue;
      const key = this.sound(word);
      this.soundsLike.set(key, [...(this.soundsLike.get(key) ?? []), word]);
    }
  }

  private sound(text: string): string {
    let cached = this.pinyinCache.get(text);
    if (cached === undefined) {
      cached = pinyin(text, { toneType: "none", type: "array" }).join(" ");
      this.pinyinCache.set(text, cached);
    }
    return cached;
  }

  /**
   * Chinese and ASCII words of a text, stopwords out, each as its synonym group's first word. Knowledge and questions
   * are both cut in search mode (合作协议 also gives 协议), so a question's 协议 finds a passage's 合作协议 and the
   * reverse.
   */
  chineseTerms(text: string): string[] {
    const terms: string[] = [];
    for (const raw of this.jieba.cutForSearch(normalizeQuestion(text).toLowerCase(), true)) {
      const word = raw.trim();
      if (!word || chineseStopwords.has(word) || /^[\p{P}\p{S}\d\s]+$/u.test(word)) continue;
      if (!han.test(word)) {
        for (const english of englishWords(word)) if (!englishStopwords.has(english)) terms.push(english);
        continue;
      }
      terms.push(canonical(word));
    }
    return terms;
  }

  /** English words of a text for the English field: stemmed, stopwords out. */
  englishTerms(text: string): string[] {
    return englishWords(text).filter((word) => !englishStopwords.has(word));
  }

  /** Domain words that sound like a window of the question the knowledge does not hold as a word. */
  private misspellings(question: string, vocabulary: ReadonlySet<string>): { from: string; to: string }[] {
    const found: { from: string; to: string }[] = [];
    for (const run of question.match(hanRun) ?? []) {
      for (let size = Math.min(6, run.length); size >= 2; size -= 1) {
        for (let start = 0; start + size <= run.length; start += 1) {
          const window = run.slice(start, start + size);
          if (vocabulary.has(window) || vocabulary.has(canonical(window))) continue;
          for (const word of this.soundsLike.get(this.sound(window)) ?? []) {
            if (word !== window && !found.some((entry) => entry.to === word)) found.push({ from: window, to: word });
          }
        }
      }
    }
    return found;
  }

  private informativeness(word: string): number {
    return this.generalIdf.get(word) ?? this.medianIdf;
  }

  /** A Chinese question's words to search; `vocabulary` is every word the knowledge holds. */
  chineseQuery(question: string, vocabulary: ReadonlySet<string>): QueryTerms {
    const text = normalizeQuestion(question);
    const words = this.jieba.cut(text.toLowerCase(), true).map((word) => word.trim());
    const content = words.filter(
      (word) => word && !chineseStopwords.has(word) && !/^[\p{P}\p{S}\d\s]+$/u.test(word) && word.length > 0,
    );
    const weights = new Map<string, number>();
    const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    for (const term of this.chineseTerms(text)) add(term, 1);
    const corrections = this.misspellings(text, vocabulary);
    for (const { to } of corrections) for (const term of this.chineseTerms(to)) add(term, 1);
    let total = 0;
    let unknown = 0;
    for (const word of content) {
      const weight = this.informativeness(word);
      total += weight;
      const known =
        vocabulary.has(canonical(word)) ||
        vocabulary.has(word) ||
        corrections.some((entry) => entry.from.includes(word) || word.includes(entry.from));
      if (!known) unknown += weight;
    }
    return { weights, content, unknownShare: total === 0 ? 1 : unknown / total, corrections };
  }

  /**
   * An English question: its glossary phrases become the measures' Chinese words (searched in the Chinese text),
   * and its own words are searched in the English summaries.
   */
  englishQuery(question: string, vocabulary: ReadonlySet<string>): QueryTerms & { english: Map<string, number> } {
    const words = englishWords(normalizeQuestion(question));
    const weights = new Map<string, number>();
    const english = new Map<string, number>();
    const covered = new Array<boolean>(words.length).fill(false);
    for (const phrase of this.phrases) {
      const size = phrase.words.length;
      for (let start = 0; start + size <= words.length; start += 1) {
        if (covered.slice(start, start + size).some(Boolean)) continue;
        if (!phrase.words.every((word, index) => words[start + index] === word)) continue;
        for (let index = start; index < start + size; index += 1) covered[index] = true;
        for (const zh of phrase.zh) for (const term of this.chineseTerms(zh)) weights.set(term, 1);
      }
    }
    const content = words.filter((word) => !englishStopwords.has(word) && !/^\d+$/.test(word));
    for (const word of content) english.set(word, 1);
    let unknown = 0;
    words.forEach((word, index) => {
      if (englishStopwords.has(word) || /^\d+$/.test(word)) return;
      if (!covered[index] && !vocabulary.has(word)) unknown += 1;
    });
    return {
      weights,
      english,
      content,
      unknownShare: content.length === 0 ? 1 : unknown / content.length,
      corrections: [],
    };
  }
}

let shared: Analyzer | undefined;

/** The process's analyzer (jieba's dictionary is loaded once). */
export function sharedAnalyzer(): Analyzer {
  shared ??= new Analyzer();
  return shared;
}
