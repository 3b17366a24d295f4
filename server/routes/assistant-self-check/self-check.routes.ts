import { nextSelfCheckStep } from "../../../assistant/self-check";
import { selfCheckInput, selfCheckResult } from "../../../contracts/assistant-self-check";
import { errorResponses } from "../../../contracts/errors";
import { chinaDate } from "../../clock";
import { openAnnualCall } from "../../self-check/open-call";
import type { RouteDeps, TypedApp } from "../types";

/**
 * 政策助手's self-check (issue 14 item 4): public and stateless, rate-limited per address like the assistant's
 * questions. The facts gathered so far in; the next question a rule still needs, or the policy's verdict per rule,
 * out. The reference date is the open annual call's deadline (today when none is open).
 */
export async function assistantSelfCheckRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.post(
    "/api/assistant/self-check",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: deps.config.assistantRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["assistant"],
        operationId: "assistantSelfCheck",
        summary: "对话式申报自查（公开）/ the conversational eligibility self-check (public)",
        description:
          "Stateless: send the facts gathered so far; the answer is the next question (with the article it serves and its options) or the verdict per rule from the eligibility rules (Art. 7–13, 20), stopping at the first rule that fails.",
        body: selfCheckInput,
        response: { 200: selfCheckResult, ...errorResponses },
      },
    },
    async (request) => {
      const lang = request.body.lang ?? "zh";
      const now = deps.clock.now();
      const call = await openAnnualCall(db, now);
      const referenceDate = call?.deadline ?? chinaDate(now);
      const step = nextSelfCheckStep(request.body.facts, referenceDate);
      const pick = (zh: string, en: string) => (lang === "en" && en ? en : zh);
      if (step.status === "question") {
        const { question } = step;
        return {
          ...step,
          referenceDate,
          lang,
          question: { ...question, text: pick(question.textZh, question.textEn) },
        };
      }
      return {
        ...step,
        referenceDate,
        lang,
        rules: step.rules.map((rule) => ({ ...rule, message: pick(rule.messageZh, rule.messageEn) })),
        start: {
          href: "/calls",
          ...(call ? { callTitleZh: call.titleZh, callTitleEn: call.titleEn || call.titleZh } : {}),
        },
      };
    },
  );
}
