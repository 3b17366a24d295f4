import type { IsoDate } from "../policy/calendar/dates";
import type { Edition } from "../policy/measures/editions";
import { articleLabelZh, articleRefsIn } from "./text";

/**
 * What the assistant knows, as passages: each one searchable text that cites articles of one edition. The measures
 * themselves (every article and every item, 第N条第M项), the platform's readings (docs/interpretations.md, marked as
 * such), the curated FAQ the department keeps, and the call notices and 公示 published on the platform.
 */
export type PassageKind = "article" | "item" | "interpretation" | "faq" | "notice";

export interface Passage {
  /** Unique among the knowledge: `article:18`, `item:18.5`, `faq:<id>`, `interpretation:<n>`, `notice:<id>`. */
  id: string;
  kind: PassageKind;
  /** The articles or items it rests on, best first ("18", "18.5"); the measures' passages cite themselves. */
  cites: string[];
  /** A heading: 第十八条第5项, the FAQ's first question, the reading's title, the notice's title. */
  title: string;
  /** The Chinese text searched and quoted. */
  textZh: string;
  /** English text searched (the article's English summary, an FAQ's English answer, a reading's prose). */
  textEn: string;
  /** The words around it, searched with less weight: an item's article lead-in (联合研究类基地还应具备以下条件). */
  context?: string;
  /** Questions that this passage answers (FAQ variants): searched with the title. */
  questions?: string[];
  /** An FAQ's own answer, given as written. */
  answerZh?: string;
  answerEn?: string;
  edition: string;
}

/** An FAQ entry as the department keeps it (the table assistant_faqs; seed entries in faq-seed.ts). */
export interface FaqEntry {
  id: string;
  /** The question as people ask it, in its variants (Chinese or English). */
  questions: string[];
  answerZh: string;
  answerEn: string;
  /** Articles or items the answer rests on, best first. */
  articles: string[];
  validFrom: IsoDate;
  /** The last day it applies; null while open-ended. */
  validTo: IsoDate | null;
  /** The edition of the measures it was written for. */
  edition: string;
}

/** A notice published on the platform: a call's notice (通知) or a 公示. */
export interface PublishedNotice {
  id: string;
  kind: "call" | "publicity";
  title: string;
  /** The notice's text; for a 公示, a sentence with its period. */
  bodyZh: string;
  publishedOn: IsoDate;
}

/** Lines of an article that are its items ("1.依托单位…"). */
const itemLine = /^\d{1,2}[.、．]/;

/**
 * Every article and every item of the edition. An article with items is searched by its own words (the lead-in and
 * any closing paragraph, e.g. Art. 6's last one), its items by theirs, so a question about one item finds the item.
 */
export function measurePassages(edition: Edition): Passage[] {
  const passages: Passage[] = [];
  for (const article of edition.articles) {
    const own = article.textZh
      .split("\n")
      .filter((line) => article.items.length === 0 || !itemLine.test(line))
      .join("\n");
    passages.push({
      id: `article:${article.id}`,
      kind: "article",
      cites: [article.id],
      title: articleLabelZh(article.id),
      textZh: own,
      textEn: article.summaryEn,
      edition: edition.id,
    });
    for (const item of article.items) {
      passages.push({
        id: `item:${item.id}`,
        kind: "item",
        cites: [item.id],
        title: articleLabelZh(item.id),
        textZh: item.textZh,
        context: own,
        textEn: article.summaryEn,
        edition: edition.id,
      });
    }
  }
  return passages;
}

/** Whether an FAQ entry applies on a day: from its first day to its last, both inclusive. */
export function faqApplies(entry: FaqEntry, today: IsoDate): boolean {
  return entry.validFrom <= today && (entry.validTo === null || today <= entry.validTo);
}

/** The FAQ entries of the edition that apply today, as passages citing their articles. */
export function faqPassages(entries: readonly FaqEntry[], edition: Edition, today: IsoDate): Passage[] {
  return entries
    .filter((entry) => entry.edition === edition.id && faqApplies(entry, today))
    .map((entry) => ({
      id: `faq:${entry.id}`,
      kind: "faq" as const,
      // Its articles, then any other its answer names: what the answer says is what it cites.
      cites: [
        ...new Set([
          ...entry.articles.filter((id) => articleRefsIn(articleLabelZh(id), edition).includes(id)),
          ...articleRefsIn(`${entry.answerZh}\n${entry.answerEn}`, edition),
        ]),
      ],
      title: entry.questions[0] ?? "",
      textZh: entry.answerZh,
      textEn: [entry.answerEn, ...entry.questions.filter((question) => !/\p{Script=Han}/u.test(question))].join("\n"),
      questions: entry.questions,
      answerZh: entry.answerZh,
      answerEn: entry.answerEn,
      edition: edition.id,
    }))
    .filter((passage) => passage.cites.length > 0);
}

/**
 * Published notices as passages. A notice cites the articles its text names; a call's notice that names none rests
 * on Art. 14 (the yearly recognition it opens), a 公示 on Art. 14.3 (the setting `publicNoticeWorkingDays`).
 */
export function noticePassages(notices: readonly PublishedNotice[], edition: Edition): Passage[] {
  return notices.map((notice) => {
    const named = articleRefsIn(`${notice.title}\n${notice.bodyZh}`, edition);
    return {
      id: `notice:${notice.id}`,
      kind: "notice" as const,
      cites: named.length > 0 ? named : [notice.kind === "call" ? "14" : "14.3"],
      title: notice.title,
      textZh: `${notice.title}\n${notice.bodyZh}`,
      textEn: "",
      edition: edition.id,
    };
  });
}

/**
 * The readings of docs/interpretations.md, one passage each: a row of the settings table (setting, article,
 * options, default, why) or a bullet of a section (`- **Title.** text`). Each cites the articles it names, else
 * those of its section's heading; a reading that names no article of the edition is left out (it cannot be cited).
 */
export function interpretationPassages(markdown: string, edition: Edition): Passage[] {
  const passages: Passage[] = [];
  let heading = "";
  let bullet: string[] | null = null;
  const flush = () => {
    if (!bullet) return;
    const text = bullet.join(" ").replace(/\s+/g, " ").trim();
    bullet = null;
    const title = /^\*\*(.+?)\*\*/.exec(text)?.[1]?.replace(/\.$/, "") ?? text.slice(0, 60);
    const cites = articleRefsIn(text, edition);
    const fallback = articleRefsIn(heading, edition);
    add(title, text, cites.length > 0 ? cites : fallback);
  };
  const add = (title: string, text: string, cites: string[]) => {
    if (cites.length === 0) return;
    const plain = text.replace(/\*\*|`/g, "");
    passages.push({
      id: `interpretation:${passages.length + 1}`,
      kind: "interpretation",
      cites,
      title: `${heading.replace(/^#+\s*/, "")} — ${title}`,
      textZh: plain,
      textEn: plain,
      edition: edition.id,
    });
  };
  for (const line of markdown.split("\n")) {
    if (line.startsWith("#")) {
      flush();
      heading = line;
      continue;
    }
    const row = /^\|\s*`([^`]+)`\s*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|/.exec(line);
    if (row) {
      flush();
      const [, setting = "", articles = "", options = "", chosen = "", why = ""] = row;
      const cites = (articles.match(/\d{1,2}(?:\.\d{1,2})?/g) ?? []).filter(
        (id) => articleRefsIn(`Art. ${id}`, edition).length > 0,
      );
      add(setting, `${setting}: ${why.trim()} Options: ${options.trim()} Default: ${chosen.trim()}`, cites);
      continue;
    }
    if (/^- /.test(line)) {
      flush();
      bullet = [line.slice(2)];
    } else if (bullet && /^\s+\S/.test(line)) bullet.push(line.trim());
    else flush();
  }
  flush();
  return passages;
}
