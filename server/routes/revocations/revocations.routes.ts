import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  baseRevocationCases,
  revocationCaseDetail,
  revocationCaseSummary,
  revocationEventRequest,
  revocationListQuery,
  revocationOpenRequest,
  withdrawalRequest,
} from "../../../contracts/revocations";
import { recordPrintedDocument } from "../../documents/printed-register";
import {
  revocationNoticeOf,
  revocationNoticePdf,
  revocationNoticeVerification,
} from "../../documents/revocation-notice";
import { errors } from "../../http/errors";
import { actorOf, callerOf, invocationOf } from "../../http/request-context";
import {
  baseRevocations,
  listRevocations,
  presentRevocation,
  requireRevocation,
} from "../../revocation/revocation.repository";
import { fireRevocationEvent, openRevocationCase, requestWithdrawal } from "../../revocation/revocation-commands";
import { sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["revocations"];

/**
 * 取消资格 (Art. 20) and 主动申请撤销 (Art. 20.7): the department's cases on the nine grounds, the host unit's
 * withdrawal request and its recommender's review, the decision and its notice. Another unit's or jurisdiction's
 * case or base is a 404.
 */
export async function revocationRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  const detail = async (request: Parameters<typeof callerOf>[0], id: string) => {
    const caller = callerOf(request);
    return presentRevocation(db, caller, await requireRevocation(db, caller, id));
  };

  app.get(
    "/api/revocations",
    {
      config: { ability: "revocation.read" },
      schema: {
        tags,
        summary: "取消资格事项 / revocation cases",
        querystring: revocationListQuery,
        response: { 200: z.object({ items: z.array(revocationCaseSummary) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listRevocations(db, callerOf(request), request.query) }),
  );

  app.get(
    "/api/revocations/:id",
    {
      config: { ability: "revocation.read" },
      schema: {
        tags,
        summary: "取消资格事项详情 / a revocation case",
        params: idParams,
        response: { 200: revocationCaseDetail, ...errorResponses },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.get(
    "/api/bases/:id/revocation-cases",
    {
      config: { ability: "revocation.read" },
      schema: {
        tags,
        summary: "基地的取消资格事项 / a base's revocation cases",
        params: idParams,
        response: { 200: baseRevocationCases, ...errorResponses },
      },
    },
    async (request) => baseRevocations(db, callerOf(request), request.params.id),
  );

  app.post(
    "/api/revocations",
    {
      config: { ability: "base.revoke" },
      schema: {
        tags,
        summary: "启动取消资格 / open a revocation case (Art. 20)",
        body: revocationOpenRequest,
        response: { 201: revocationCaseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { caseId } = await openRevocationCase(invocationOf(deps, request), request.body);
      return reply.code(201).send(await detail(request, caseId));
    },
  );

  app.post(
    "/api/revocations/withdrawal-requests",
    {
      config: { ability: "revocation.request" },
      schema: {
        tags,
        summary: "依托单位申请撤销基地 / the host unit asks to withdraw (Art. 20.7)",
        body: withdrawalRequest,
        response: { 201: revocationCaseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { caseId } = await requestWithdrawal(invocationOf(deps, request), request.body);
      return reply.code(201).send(await detail(request, caseId));
    },
  );

  app.post(
    "/api/revocations/:id/events",
    {
      config: { ability: "revocation.read" },
      schema: {
        tags,
        summary: "审核、决定 / review or decide a revocation case",
        params: idParams,
        body: revocationEventRequest,
        response: { 200: revocationCaseDetail, ...errorResponses },
      },
    },
    async (request) => {
      await fireRevocationEvent(invocationOf(deps, request), { caseId: request.params.id, input: request.body });
      return detail(request, request.params.id);
    },
  );

  app.get(
    "/api/revocations/:id/notice.pdf",
    {
      config: { ability: "revocation.read" },
      schema: {
        tags,
        summary: "取消资格通知（公文格式，PDF）/ the revocation notice",
        params: idParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const found = await detail(request, request.params.id);
      if (found.state !== "revoked" || !found.documentNumber || !found.revokedOn || !found.banEndsOn) {
        throw errors.notFound("Revocation notice", "取消资格通知");
      }
      const notice = revocationNoticeOf({
        documentNumber: found.documentNumber,
        baseName: found.baseName,
        unitName: found.unitName,
        ground: found.ground,
        groundZh: found.groundZh,
        article: found.article,
        meetingDate: found.meetingDate ?? found.revokedOn,
        revokedOn: found.revokedOn,
        banEndsOn: found.banEndsOn,
      });
      const verification = revocationNoticeVerification(notice, deps.config.publicBaseUrl);
      const content = await revocationNoticePdf(notice, verification);
      await recordPrintedDocument(deps, actorOf(request), {
        verification,
        subject: { type: "revocation-case", id: found.id },
        title: `${notice.title}（${notice.documentNumber}）`,
        issuer: notice.issuer,
      });
      reply.header("x-verification-code", verification.code);
      return sendDownload(reply, { name: `${found.documentNumber}.pdf`, mediaType: "application/pdf", content });
    },
  );
}
