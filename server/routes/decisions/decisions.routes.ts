import { idParams } from "../../../contracts/common";
import {
  candidateList,
  candidateQuery,
  candidateSchema,
  evaluationInput,
  onSiteVerificationInput,
  portfolioSchema,
  reasonBody,
  storedFileSchema,
} from "../../../contracts/decision";
import { errorResponses } from "../../../contracts/errors";
import type { Ability } from "../../../policy/access/abilities";
import type { Caller } from "../../access/caller";
import { authorize } from "../../access/scope";
import { chinaDate } from "../../clock";
import { listCandidates, loadCandidate } from "../../decision/candidates.repository";
import { completeReview } from "../../decision/complete-review";
import { evaluateApplication } from "../../decision/evaluate-application";
import { portfolioOf } from "../../decision/portfolio";
import { recordOnSiteVerification } from "../../decision/record-on-site-verification";
import { rejectCandidate } from "../../decision/reject-candidate";
import { startOnSiteVerification } from "../../decision/start-on-site-verification";
import { errors } from "../../http/errors";
import { callerOf } from "../../http/request-context";
import type { FileStore } from "../../storage/files";
import { readUpload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";
import { decisionCall } from "./decision-call";
import { noticeRoutes } from "./notices.routes";

const tags = ["decisions"];

/** The workbench's row for one application, read again through the caller's scope after a command. */
async function candidateFor(deps: RouteDeps, caller: Caller, id: string, ability: Ability = "application.evaluate") {
  const scope = await authorize(deps.database.db, caller, ability);
  const found = await loadCandidate(deps.database.db, scope, id);
  if (!found) throw errors.notFound("Application", "申报");
  return found;
}

/**
 * The officer's decision workbench (Art. 14.2–14.3; SPEC §5.1 steps 6–9): candidates with their scores and
 * findings, the portfolio, and each step of an application after the expert review. 公示, objections and the
 * recognition document are in notices.routes.ts.
 */
export async function decisionRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  app.get(
    "/api/decisions/candidates",
    {
      config: { ability: "application.evaluate" },
      schema: {
        tags,
        summary: "认定决策工作台：专家评审后的申报 / applications after the expert review",
        querystring: candidateQuery,
        response: { 200: candidateList, ...errorResponses },
      },
    },
    async (request) => {
      const scope = await authorize(db, callerOf(request), "application.evaluate");
      const items = await listCandidates(db, scope, request.query);
      return { items, total: items.length };
    },
  );

  app.get(
    "/api/decisions/candidates/:id",
    {
      config: { ability: "application.evaluate" },
      schema: {
        tags,
        summary: "候选申报：评分、核查、公示与异议 / one candidate",
        params: idParams,
        response: { 200: candidateSchema, ...errorResponses },
      },
    },
    async (request) => candidateFor(deps, callerOf(request), request.params.id),
  );

  app.get(
    "/api/decisions/portfolio",
    {
      config: { ability: "application.evaluate" },
      schema: {
        tags,
        summary: "综合评议布局：国别、领域、地区、类型（含/不含各候选）/ the portfolio with and without each candidate",
        querystring: candidateQuery.pick({ callId: true }),
        response: { 200: portfolioSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "application.evaluate");
      return portfolioOf(db, { callId: request.query.callId, today: chinaDate(deps.clock.now()) });
    },
  );

  app.post(
    "/api/decisions/files",
    {
      config: { ability: "application.verify-on-site" },
      schema: {
        tags,
        summary: "上传核查照片、材料或盖章异议书（PDF/图片/Word，≤ 20 MB）/ upload a verification or objection file",
        response: { 201: storedFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "application.verify-on-site");
      const upload = await readUpload(request, store, 20 * 1024 * 1024);
      const saved = await deps.database.transaction((tx) =>
        store.save(
          tx,
          deps.clock,
          { name: upload.name, content: upload.content, uploadedBy: caller.accountId },
          ["pdf", "png", "jpeg", "docx"],
          20 * 1024 * 1024,
        ),
      );
      return reply.code(201).send(saved);
    },
  );

  app.post(
    "/api/decisions/applications/:id/complete-review",
    {
      config: { ability: "application.send-to-review" },
      schema: {
        tags,
        summary: "专家评审完成，转入决策 / the expert review's hand-off",
        params: idParams,
        response: { 200: candidateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const call = decisionCall(deps, request);
      await completeReview(call, { applicationId: request.params.id });
      return candidateFor(deps, call.caller, request.params.id);
    },
  );

  app.post(
    "/api/decisions/applications/:id/start-on-site-verification",
    {
      config: { ability: "application.verify-on-site" },
      schema: {
        tags,
        summary: "组织实地核查 / send to on-site verification",
        params: idParams,
        response: { 200: candidateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const call = decisionCall(deps, request);
      await startOnSiteVerification(call, { applicationId: request.params.id });
      return candidateFor(deps, call.caller, request.params.id);
    },
  );

  app.post(
    "/api/decisions/applications/:id/on-site-verifications",
    {
      config: { ability: "application.verify-on-site" },
      schema: {
        tags,
        summary: "录入实地核查（日期、核查组、发现、照片与材料）/ record the on-site verification",
        params: idParams,
        body: onSiteVerificationInput,
        response: { 201: candidateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const call = decisionCall(deps, request);
      await recordOnSiteVerification(call, { ...request.body, applicationId: request.params.id });
      return reply.code(201).send(await candidateFor(deps, call.caller, request.params.id));
    },
  );

  app.post(
    "/api/decisions/applications/:id/evaluate",
    {
      config: { ability: "application.evaluate" },
      schema: {
        tags,
        summary: "综合评议意见 / the comprehensive evaluation",
        params: idParams,
        body: evaluationInput,
        response: { 200: candidateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const call = decisionCall(deps, request);
      await evaluateApplication(call, { applicationId: request.params.id, opinion: request.body.opinion });
      return candidateFor(deps, call.caller, request.params.id);
    },
  );

  app.post(
    "/api/decisions/applications/:id/reject",
    {
      config: { ability: "application.reject" },
      schema: {
        tags,
        summary: "不予认定（须填写理由）/ reject a candidate with a reason",
        params: idParams,
        body: reasonBody,
        response: { 200: candidateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const call = decisionCall(deps, request);
      await rejectCandidate(call, { applicationId: request.params.id, reason: request.body.reason });
      return candidateFor(deps, call.caller, request.params.id, "application.reject");
    },
  );

  await noticeRoutes(app, deps, store);
}
