import type { AskResult } from "../../assistant/ask";
import { citesOnlyRetrieved } from "../../assistant/grounding";
import { articleLabelZh } from "../../assistant/text";
import { officeDate } from "../../policy/calendar/dates";
import { edition2025, findArticle } from "../../policy/measures/editions";
import type { Config } from "../config/config";

/**
 * The optional language model (issue 14 item 5): when `LLM_BASE_URL` names an OpenAI-compatible endpoint, it may
 * rephrase a grounded answer. It receives the question, the grounded answer and the retrieved passages' text —
 * nothing else — and its output replaces the answer only if it names no article that was not retrieved and keeps a
 * computed value word for word. Any failure (timeout, HTTP error, bad shape, an unretrieved article) keeps the
 * grounded answer, and `rejected` says why (the route logs it). Refusals are never sent.
 */
export type LlmConfig = NonNullable<Config["llm"]>;

export function chatCompletionsUrl(baseUrl: string): string {
  return /\/v1$/.test(baseUrl) ? `${baseUrl}/chat/completions` : `${baseUrl}/v1/chat/completions`;
}

function passagesOf(result: AskResult): string {
  return result.retrieved
    .map((id) => {
      const found = findArticle(id, edition2025);
      const text = found?.itemTextZh ?? found?.article.textZh;
      return text ? `${articleLabelZh(id)}：${text}` : null;
    })
    .filter(Boolean)
    .join("\n");
}

export async function rephrase(
  llm: LlmConfig,
  question: string,
  result: AskResult,
  fetcher: typeof fetch = fetch,
): Promise<{ answer: string; rephrased: boolean; rejected?: string }> {
  const grounded = (rejected?: string) => ({
    answer: result.answer,
    rephrased: false,
    ...(rejected ? { rejected } : {}),
  });
  if (result.refused || result.retrieved.length === 0) return grounded();
  const system =
    result.lang === "zh"
      ? "你是湖北省科技厅政策助手。只根据给出的条文改写参考回答，使其简洁易懂；不得增加条文中没有的规定，不得引用未给出的条款；引用条款时写作“第十八条第5项”。"
      : "You are the policy assistant of the Hubei Provincial Department of Science and Technology. Rephrase the reference answer plainly using only the articles given; add no rule they do not state; cite no article that is not given; cite as Art. 18.5.";
  const user = [
    `问题 / Question: ${question}`,
    `参考回答 / Reference answer:\n${result.answer}`,
    `条文 / Articles:\n${passagesOf(result)}`,
  ].join("\n\n");
  try {
    const response = await fetcher(chatCompletionsUrl(llm.baseUrl), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: llm.model,
        temperature: 0,
        messages: [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
      }),
      signal: AbortSignal.timeout(llm.timeoutMs),
    });
    if (!response.ok) return grounded(`HTTP ${response.status}`);
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== "string" || content.trim() === "" || content.length > 4000)
      return grounded("no usable content");
    const check = citesOnlyRetrieved(content, result.retrieved);
    if (!check.ok) return grounded(`cites articles not retrieved: ${check.unknown.join(", ")}`);
    if (result.computed && !keepsValue(content, result.computed)) return grounded("dropped the computed value");
    return { answer: content.trim(), rephrased: true };
  } catch (error) {
    // The grounded answer stands; the caller logs why the model was not used.
    return grounded(error instanceof Error ? error.message : String(error));
  }
}

/** The computed value word for word: a date as the grounded answer wrote it (2026年6月15日) or in ISO form. */
function keepsValue(content: string, computed: NonNullable<AskResult["computed"]>): boolean {
  if (content.includes(computed.value)) return true;
  return computed.type === "deadline" && content.includes(officeDate(computed.value));
}
