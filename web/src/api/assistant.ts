import { api, type Body, type Reply } from "./client";

export type AssistantAnswer = Reply<"/api/assistant/ask", "post">;
export type SelfCheckStep = Reply<"/api/assistant/self-check", "post">;
export type SelfCheckFacts = NonNullable<Body<"/api/assistant/self-check", "post">["facts"]>;
export type AssistantLang = "zh" | "en";

/** 政策助手 (issue 14): questions answered from the measures, and the conversational self-check; both public. */
export const assistantApi = {
  ask: (question: string, lang: AssistantLang) => api.post("/api/assistant/ask", { body: { question, lang } }),
  selfCheck: (facts: SelfCheckFacts, lang: AssistantLang) =>
    api.post("/api/assistant/self-check", { body: { facts, lang } }),
};
