/**
 * The policy assistant's evaluation set (issue 14 item 7): its schema, its loader and the checks every line must
 * pass. The set itself is questions.jsonl beside this file, written from the measures' text before any index
 * existed (README.md). Articles are checked against the edition the product ships (policy/measures), never against
 * the captured web page: the product does not read ../shared at run time.
 */
import { z } from "zod";
import { isIsoDate } from "../../policy/calendar/dates";
import { type Edition, edition2025, findArticle } from "../../policy/measures/editions";

export const questionKinds = ["direct", "paraphrase", "typo", "english", "out-of-scope", "computed"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** "18" or "18.5": an article, or an item of it (第N条第M项). */
const articleRef = z.string().regex(/^[1-9]\d?(\.[1-9]\d?)?$/, "an article (18) or an item (18.5)");

export const benchQuestion = z.strictObject({
  id: z.string().regex(/^q\d{3,}$/, "q followed by at least three digits"),
  question: z.string().trim().min(2),
  lang: z.enum(["zh", "en"]),
  kind: z.enum(questionKinds),
  expect: z.strictObject({
    /** Every article or item a correct answer may cite, best first; a correct answer cites at least one. */
    articles: z.array(articleRef),
    computed: z
      .strictObject({ type: z.enum(["deadline", "standard-name"]), value: z.string().trim().min(1) })
      .optional(),
    refuse: z.literal(true).optional(),
  }),
  note: z.string().trim().min(1).optional(),
});
export type BenchQuestion = z.infer<typeof benchQuestion>;

/**
 * Misspellings callers really type (wrong characters of the same sound). A `typo` question carries at least one,
 * so the kind means what it says; add the misspelling here when a new one is written.
 */
export const knownMisspellings = {
  国和: "国合",
  基底: "基地",
  依拖: "依托",
  合座: "合作",
  研就: "研究",
  专移: "转移",
  离岸中新: "离岸中心",
  负则人: "负责人",
  申抱: "申报",
  推存: "推荐",
  工做: "工作",
  考合: "考核",
  整该: "整改",
} as const;

/** The share each kind must reach (issue 14 item 7, brief of the set); computed answers are counted, not shared. */
export const mixRules = {
  minimumQuestions: 140,
  paraphraseOrTypoShare: 0.3,
  englishShare: 0.15,
  outOfScopeShare: 0.1,
  computed: { min: 8, max: 12 },
  perChapterMinimum: 3,
} as const;

const han = /\p{Script=Han}/u;

/**
 * A standard name as Art. 29–30 render it: 湖北省 + 领域 + 国际科技合作基地|离岸中心 + （类型）, or for Hong Kong,
 * Macao and Taiwan 湖北省（香港）+ 领域 + 科技合作基地|离岸中心 + （类型）. Full-width brackets (SPEC §3).
 */
const standardNameShape =
  /^湖北省(?:（(?:香港|澳门|台湾)）[^（）()\s]+科技合作|[^（）()\s]+国际科技合作)(?:基地|离岸中心)（(?:联合研究|技术转移|特色)）$/;

export interface QuestionSetProblem {
  /** 1-based line of questions.jsonl; absent for a problem of the whole set. */
  line?: number;
  id?: string;
  message: string;
}

export interface QuestionSet {
  questions: BenchQuestion[];
  /** The line of each question, in the same order. */
  lines: number[];
  problems: QuestionSetProblem[];
}

/** Parses questions.jsonl: one JSON object a line, blank lines refused too (a line is a question). */
export function parseQuestionSet(text: string): QuestionSet {
  const questions: BenchQuestion[] = [];
  const lines: number[] = [];
  const problems: QuestionSetProblem[] = [];
  const rows = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  rows.forEach((raw, index) => {
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: "not a JSON object" });
      return;
    }
    const parsed = benchQuestion.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line, message: `${issue.path.join(".") || "(line)"}: ${issue.message}` });
      return;
    }
    questions.push(parsed.data);
    lines.push(line);
  });
  return { questions, lines, problems };
}

/** The checks of one question that the schema cannot express. */
function lineProblems(question: BenchQuestion, edition: Edition): string[] {
  const problems: string[] = [];
  const { kind, lang, expect } = question;
  const outOfScope = kind === "out-of-scope";
  if (outOfScope !== (expect.refuse === true)) problems.push("refuse: true exactly on out-of-scope questions");
  if (outOfScope && expect.articles.length > 0) problems.push("an out-of-scope question expects no article");
  if (!outOfScope && expect.articles.length === 0) problems.push("expects at least one article");
  for (const article of expect.articles)
    if (!findArticle(article, edition)) problems.push(`article ${article} is not in the ${edition.id} measures`);
  if (new Set(expect.articles).size !== expect.articles.length) problems.push("an article is listed twice");
  if ((kind === "computed") !== (expect.computed !== undefined))
    problems.push("expect.computed exactly on computed questions");
  if (expect.computed?.type === "deadline" && !isIsoDate(expect.computed.value))
    problems.push(`deadline ${expect.computed.value} is not a real YYYY-MM-DD date`);
  if (expect.computed?.type === "standard-name" && !standardNameShape.test(expect.computed.value))
    problems.push(`standard name ${expect.computed.value} does not have the shape of Art. 29–30`);
  if ((kind === "computed" || outOfScope) && !question.note)
    problems.push("a computed or out-of-scope question says why in its note");
  if (kind === "english" && lang !== "en") problems.push("an english question has lang en");
  if ((kind === "direct" || kind === "paraphrase" || kind === "typo") && lang !== "zh")
    problems.push(`a ${kind} question is in Chinese`);
  if (lang === "zh" && !han.test(question.question)) problems.push("lang zh without a Chinese character");
  if (lang === "en" && (han.test(question.question) || !/[A-Za-z]{3}/.test(question.question)))
    problems.push("lang en must be written in English only");
  if (kind === "typo" && !Object.keys(knownMisspellings).some((typo) => question.question.includes(typo)))
    problems.push("a typo question holds none of the known misspellings");
  return problems;
}

export interface QuestionMix {
  total: number;
  byKind: Record<QuestionKind, number>;
  english: number;
  /** Questions by the chapter of their first (best) expected article; out-of-scope ones are not in a chapter. */
  byChapter: Record<number, number>;
}

const chapterOf = (article: string, edition: Edition) => findArticle(article, edition)?.article.chapter;

export function mixOf(questions: readonly BenchQuestion[], edition: Edition = edition2025): QuestionMix {
  const byKind = Object.fromEntries(questionKinds.map((kind) => [kind, 0])) as Record<QuestionKind, number>;
  const byChapter: Record<number, number> = {};
  for (const question of questions) {
    byKind[question.kind] += 1;
    const best = question.expect.articles[0];
    const chapter = best === undefined ? undefined : chapterOf(best, edition);
    if (chapter !== undefined) byChapter[chapter] = (byChapter[chapter] ?? 0) + 1;
  }
  return { total: questions.length, byKind, english: questions.filter((q) => q.lang === "en").length, byChapter };
}

/** Every problem of the set: each line's, duplicates, the mix and the coverage of the edition. Empty when sound. */
export function checkQuestionSet(text: string, edition: Edition = edition2025): QuestionSetProblem[] {
  const { questions, lines, problems } = parseQuestionSet(text);
  const seenIds = new Set<string>();
  const seenQuestions = new Map<string, string>();
  questions.forEach((question, index) => {
    const line = lines[index];
    for (const message of lineProblems(question, edition)) problems.push({ line, id: question.id, message });
    if (seenIds.has(question.id)) problems.push({ line, id: question.id, message: "duplicate id" });
    seenIds.add(question.id);
    const normalized = question.question.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    const earlier = seenQuestions.get(normalized);
    if (earlier) problems.push({ line, id: question.id, message: `same question as ${earlier}` });
    else seenQuestions.set(normalized, question.id);
  });

  const mix = mixOf(questions, edition);
  const share = (count: number) => count / Math.max(mix.total, 1);
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const whole = (message: string) => problems.push({ message });
  if (mix.total < mixRules.minimumQuestions) whole(`${mix.total} questions, at least ${mixRules.minimumQuestions}`);
  const paraphraseOrTypo = share(mix.byKind.paraphrase + mix.byKind.typo);
  if (paraphraseOrTypo < mixRules.paraphraseOrTypoShare)
    whole(
      `paraphrases and typos are ${percent(paraphraseOrTypo)}, at least ${percent(mixRules.paraphraseOrTypoShare)}`,
    );
  if (share(mix.byKind.english) < mixRules.englishShare)
    whole(`english questions are ${percent(share(mix.byKind.english))}, at least ${percent(mixRules.englishShare)}`);
  if (share(mix.byKind["out-of-scope"]) < mixRules.outOfScopeShare)
    whole(
      `out-of-scope questions are ${percent(share(mix.byKind["out-of-scope"]))}, at least ${percent(mixRules.outOfScopeShare)}`,
    );
  const { min, max } = mixRules.computed;
  if (mix.byKind.computed < min || mix.byKind.computed > max)
    whole(`${mix.byKind.computed} computed questions, ${min}–${max}`);
  for (const type of ["deadline", "standard-name"] as const)
    if (!questions.some((question) => question.expect.computed?.type === type)) whole(`no computed ${type}`);

  // Coverage: every chapter and every article of the edition is asked about.
  const cited = new Set(questions.flatMap((question) => question.expect.articles.map((ref) => ref.split(".")[0])));
  for (const article of edition.articles)
    if (!cited.has(article.id)) whole(`article ${article.id} is cited by no question`);
  for (const chapter of new Set(edition.articles.map((article) => article.chapter)))
    if ((mix.byChapter[chapter] ?? 0) < mixRules.perChapterMinimum)
      whole(`chapter ${chapter} is the best article of ${mix.byChapter[chapter] ?? 0} questions`);
  return problems;
}
