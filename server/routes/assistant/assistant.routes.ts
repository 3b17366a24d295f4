import { z } from "zod";
import { asksAboutOwnApplication } from "../../../assistant/own-application";
import { askInput, askResult, faqEntrySchema, faqInput, faqPatch } from "../../../contracts/assistant";
import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { authorize } from "../../access/scope";
import { AssistantService } from "../../assistant/assistant-service";
import { listFaqRows, loadFaqRow, presentFaq } from "../../assistant/faq.repository";
import { createFaq, deleteFaq, updateFaq } from "../../assistant/faq-commands";
import { rephrase } from "../../assistant/llm";
import { ownApplications } from "../../assistant/own-applications";
import { chinaDate } from "../../clock";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["assistant"];

/**
 * 政策助手 (issue 14): anyone may ask, without signing in, rate-limited per address (ASSISTANT_RATE_LIMIT a
 * minute); the answer comes from public knowledge only — the measures, the platform's readings, the FAQ and the
 * notices already published; a signed-in host unit may also ask about its own applications' findings, read through
 * its own scope like every other read. The department curates the FAQ (assistant-faq.manage), every change audited.
 */
export async function assistantRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;
  const service = new AssistantService(deps.config.assistantContact);
  const today = () => chinaDate(deps.clock.now());

  app.post(
    "/api/assistant/ask",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: deps.config.assistantRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "向政策助手提问（公开）/ ask the policy assistant (public)",
        description:
          "Answers from the measures (鄂科技规〔2025〕6号), the platform's readings, the FAQ and published notices, citing articles best first; computes deadlines and standard names; refuses what it cannot ground.",
        body: askInput,
        response: { 200: askResult, ...errorResponses },
      },
    },
    async (request) => {
      const { question, lang } = request.body;
      // A signed-in host unit asking about its own application hears its findings, read through its own scope.
      const own = asksAboutOwnApplication(question) ? await ownApplications(db, request.caller) : undefined;
      const result = await service.ask(db, question, lang, today(), own);
      // A unit's own findings never leave the platform: no language model sees them.
      if (!deps.config.llm || result.refused || own) return { ...result, rephrased: false };
      const rephrased = await rephrase(deps.config.llm, question, result);
      if (rephrased.rejected) request.log.warn({ reason: rephrased.rejected }, "assistant: language model not used");
      return { ...result, answer: rephrased.answer, rephrased: rephrased.rephrased };
    },
  );

  app.get(
    "/api/assistant/faq",
    {
      config: { ability: "assistant-faq.manage" },
      schema: {
        tags,
        summary: "政策助手常见问题 / the assistant's FAQ (officer)",
        response: { 200: z.array(faqEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "assistant-faq.manage");
      const on = today();
      return (await listFaqRows(db)).map((row) => presentFaq(row, on));
    },
  );

  app.post(
    "/api/assistant/faq",
    {
      config: { ability: "assistant-faq.manage" },
      schema: {
        tags,
        summary: "新增常见问题 / add an FAQ entry (officer)",
        body: faqInput,
        response: { 201: faqEntrySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createFaq(invocationOf(deps, request), request.body);
      const row = await loadFaqRow(db, id);
      if (!row) throw errors.notFound("FAQ entry", "常见问题");
      return reply.code(201).send(presentFaq(row, today()));
    },
  );

  app.patch(
    "/api/assistant/faq/:id",
    {
      config: { ability: "assistant-faq.manage" },
      schema: {
        tags,
        summary: "修改常见问题 / change an FAQ entry at the version read (officer)",
        params: idParams,
        body: faqPatch,
        response: { 200: faqEntrySchema, ...errorResponses },
      },
    },
    async (request) => {
      await updateFaq(invocationOf(deps, request), request.params.id, request.body);
      const row = await loadFaqRow(db, request.params.id);
      if (!row) throw errors.notFound("FAQ entry", "常见问题");
      return presentFaq(row, today());
    },
  );

  app.delete(
    "/api/assistant/faq/:id",
    {
      config: { ability: "assistant-faq.manage" },
      schema: {
        tags,
        summary: "删除常见问题 / delete an FAQ entry (officer)",
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteFaq(invocationOf(deps, request), request.params.id);
      return { ok: true as const };
    },
  );
}
