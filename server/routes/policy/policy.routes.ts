import { z } from "zod";
import { errorResponses } from "../../../contracts/errors";
import { runEligibilityCheck } from "../../../policy/eligibility/engine";
import { badRequest } from "../../http/validation";
import type { RouteDeps, TypedApp } from "../types";

/**
 * The public eligibility self-check: the same input and output as `npm run -s policy -- check --json`. It uses only
 * the facts the caller sends and never reads the registry, so nothing private reaches anonymous callers.
 */
export async function policyRoutes(app: TypedApp, deps: RouteDeps) {
  app.post(
    "/api/policy/eligibility",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: deps.config.eligibilityRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["policy"],
        summary: "资格自查（公开）/ eligibility self-check (public); one case or an array of cases",
        description:
          "Input: docs/eligibility-input.schema.json. Output per case: {edition, referenceDate, findings, summary}.",
        body: z.unknown(),
        response: { 200: z.unknown(), ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      const cases = Array.isArray(body) ? body : [body];
      if (cases.length === 0 || cases.length > 100) {
        throw badRequest([
          { path: "", messageZh: "请提交 1–100 个案例。", messageEn: "Send between 1 and 100 cases." },
        ]);
      }
      const results = [];
      for (const [index, raw] of cases.entries()) {
        const outcome = runEligibilityCheck(raw);
        if (!outcome.ok) {
          throw badRequest(
            outcome.errors.map((error) => ({
              ...error,
              path: Array.isArray(body) ? `${index}.${error.path}` : error.path,
            })),
          );
        }
        results.push(outcome.result);
      }
      return Array.isArray(body) ? results : results[0];
    },
  );
}
