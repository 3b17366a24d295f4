import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { FaqEntry, PublishedNotice } from "../../assistant/passages";
import type { FaqEntryView } from "../../contracts/assistant";
import type { Executor } from "../db/client";
import { assistantFaqs, callNotices, publicNotices } from "../db/schema";
import { parseStored } from "../db/stored-json";

export type FaqRow = typeof assistantFaqs.$inferSelect;

/** An FAQ row read for use, its jsonb columns parsed. */
function parseFaqRow(row: FaqRow): FaqRow {
  return {
    ...row,
    questions: parseStored("assistant_faqs.questions", row.questions, row.id),
    articles: parseStored("assistant_faqs.articles", row.articles, row.id),
  };
}

/** Every entry not deleted, oldest first (the seed's order, then the officers' additions). */
export async function listFaqRows(executor: Executor): Promise<FaqRow[]> {
  const rows = await executor
    .select()
    .from(assistantFaqs)
    .where(isNull(assistantFaqs.deletedAt))
    .orderBy(asc(assistantFaqs.createdAt), asc(assistantFaqs.id));
  return rows.map(parseFaqRow);
}

export async function loadFaqRow(executor: Executor, id: string, lock = false): Promise<FaqRow | null> {
  const query = executor
    .select()
    .from(assistantFaqs)
    .where(and(eq(assistantFaqs.id, id), isNull(assistantFaqs.deletedAt)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? parseFaqRow(row) : null;
}

export function faqEntryOf(row: FaqRow): FaqEntry {
  return {
    id: row.id,
    questions: row.questions,
    answerZh: row.answerZh,
    answerEn: row.answerEn,
    articles: row.articles,
    validFrom: row.validFrom,
    validTo: row.validTo,
    edition: row.edition,
  };
}

export function presentFaq(row: FaqRow, today: string): FaqEntryView {
  return {
    ...faqEntryOf(row),
    version: row.version,
    current: row.validFrom <= today && (row.validTo === null || today <= row.validTo),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What the public may read today, as the assistant's notices: the calls' notices published by `today` and every
 * 公示 started by then (the same rule as 通知公告, server/recognition/call-notices.repository.ts). `version` tells
 * the knowledge cache when a notice's text changed.
 */
export async function publishedNotices(
  executor: Executor,
  today: string,
): Promise<(PublishedNotice & { version: number })[]> {
  const calls = await executor
    .select({
      id: callNotices.callId,
      title: callNotices.titleZh,
      bodyZh: callNotices.bodyZh,
      publishedOn: callNotices.publishedOn,
      version: callNotices.version,
    })
    .from(callNotices)
    .where(and(isNotNull(callNotices.publishedOn), lte(callNotices.publishedOn, today)));
  const publicity = await executor
    .select({
      id: publicNotices.id,
      title: publicNotices.title,
      startOn: publicNotices.startOn,
      endOn: publicNotices.endOn,
      workingDays: publicNotices.workingDays,
    })
    .from(publicNotices)
    .where(lte(publicNotices.startOn, today));
  return [
    ...calls.map((notice) => ({
      id: `call-${notice.id}`,
      kind: "call" as const,
      title: notice.title,
      bodyZh: notice.bodyZh,
      publishedOn: notice.publishedOn ?? today,
      version: notice.version,
    })),
    ...publicity.map((notice) => ({
      id: `publicity-${notice.id}`,
      kind: "publicity" as const,
      title: notice.title,
      bodyZh: `公示期：${notice.startOn} 至 ${notice.endOn}（${notice.workingDays} 个工作日）。对公示内容有异议的，请在公示期内以书面形式实名提出。`,
      publishedOn: notice.startOn,
      version: 1,
    })),
  ];
}
