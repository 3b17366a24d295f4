import { existsSync, readFileSync } from "node:fs";
import { type AskResult, Assistant, type Lang } from "../../assistant/ask";
import type { OwnApplication } from "../../assistant/own-application";
import { edition2025, editionFor } from "../../policy/measures/editions";
import { defaultSettings } from "../../policy/settings";
import type { Executor } from "../db/client";
import { officerHolidayYears } from "../decision/holiday-years";
import { serverPaths } from "../paths";
import { listFields } from "../reference/reference.repository";
import { faqEntryOf, listFaqRows, publishedNotices } from "./faq.repository";

/** docs/interpretations.md, the platform's readings; read once (it ships with the code). */
let interpretations: string | undefined;
function interpretationsText(): string {
  interpretations ??= existsSync(serverPaths.interpretations) ? readFileSync(serverPaths.interpretations, "utf8") : "";
  return interpretations;
}

/**
 * The assistant as the server runs it: the knowledge of today (the edition in force, the readings, the FAQ entries
 * that apply today, the notices published by today) loaded from the database, and the index rebuilt only when
 * that knowledge changed — an FAQ edit, a notice published, a new day.
 */
export class AssistantService {
  private cached: { key: string; assistant: Assistant } | null = null;

  constructor(private readonly contact: string | undefined) {}

  private async assistantFor(executor: Executor, today: string): Promise<Assistant> {
    const edition = editionFor(today).edition ?? edition2025;
    const [faqRows, notices] = await Promise.all([listFaqRows(executor), publishedNotices(executor, today)]);
    const key = JSON.stringify([
      today,
      edition.id,
      faqRows.map((row) => [row.id, row.version]),
      notices.map((notice) => [notice.id, notice.version]),
    ]);
    if (this.cached?.key === key) return this.cached.assistant;
    const assistant = Assistant.from(
      { edition, interpretations: interpretationsText(), faq: faqRows.map(faqEntryOf), notices },
      today,
    );
    this.cached = { key, assistant };
    return assistant;
  }

  async ask(
    executor: Executor,
    question: string,
    lang: Lang | undefined,
    today: string,
    own?: readonly OwnApplication[],
  ): Promise<AskResult> {
    const assistant = await this.assistantFor(executor, today);
    const [holidayYears, fields] = await Promise.all([officerHolidayYears(executor), listFields(executor)]);
    return assistant.ask(question, lang, {
      today,
      settings: defaultSettings,
      holidayYears,
      fields: fields.map((field) => ({ nameZh: field.nameZh, nameEn: field.nameEn })),
      ...(this.contact ? { contact: this.contact } : {}),
      ...(own ? { own } : {}),
    });
  }
}
