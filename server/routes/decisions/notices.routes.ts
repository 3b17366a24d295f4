import { z } from "zod";
import { idParams } from "../../../contracts/common";
import {
  approvalInput,
  approvalSchema,
  investigationInput,
  nextNumberQuery,
  nextNumberSchema,
  noticeInput,
  noticeListQuery,
  noticeSchema,
  objectionInput,
  objectionListQuery,
  objectionPage,
  objectionSchema,
  recognitionDocumentSchema,
  recognitionInput,
  resolutionInput,
} from "../../../contracts/decision";
import { errorResponses } from "../../../contracts/errors";
import { authorize } from "../../access/scope";
import { piiCipher } from "../../commands/command";
import { formatDocumentNumber } from "../../decision/document-number";
import { investigateObjection } from "../../decision/investigate-objection";
import {
  listApprovals,
  listNotices,
  listObjections,
  listRecognitionDocuments,
  loadNotice,
  loadObjection,
  loadRecognitionDocument,
} from "../../decision/notices.repository";
import { publishNotice } from "../../decision/publish-notice";
import { receiveObjection } from "../../decision/receive-objection";
import { nextDocumentNumber, recognizeApplications } from "../../decision/recognize-applications";
import { recordApproval } from "../../decision/record-approval";
import { resolveObjection } from "../../decision/resolve-objection";
import { recordPrintedDocument } from "../../documents/printed-register";
import {
  noticeVerification,
  recognitionNoticeDocx,
  recognitionNoticeOf,
  recognitionNoticePdf,
} from "../../documents/recognition-notice";
import { errors } from "../../http/errors";
import { actorOf, callerOf } from "../../http/request-context";
import type { FileStore } from "../../storage/files";
import { sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";
import { decisionCall } from "./decision-call";

const tags = ["decisions"];
const mediaTypes = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/** 厅党组会, 公示 and objections, and the recognition document with its notice (Art. 14.3; SPEC §5.1 steps 8–9). */
export async function noticeRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  // Objectors' contacts are read back decrypted: only callers with `objection.read` get these responses.
  const pii = piiCipher(deps.keys);
  const noticeOf = async (id: string) => {
    const notice = await loadNotice(db, pii, id, deps.clock.now());
    if (!notice) throw errors.notFound("Public notice", "公示");
    return notice;
  };
  const objectionOf = async (id: string) => {
    const objection = await loadObjection(db, pii, id);
    if (!objection) throw errors.notFound("Objection", "异议");
    return objection;
  };

  app.get(
    "/api/decisions/approvals",
    {
      config: { ability: "application.approve" },
      schema: {
        tags,
        summary: "厅党组会审议记录 / meetings",
        response: { 200: z.array(approvalSchema), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "application.approve");
      return listApprovals(db);
    },
  );

  app.post(
    "/api/decisions/approvals",
    {
      config: { ability: "application.approve" },
      schema: {
        tags,
        summary: "录入厅党组会（日期、纪要编号）并批准所列申报 / record the Party group meeting's approval",
        body: approvalInput,
        response: { 201: approvalSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const call = decisionCall(deps, request);
      await authorize(db, call.caller, "application.approve");
      const id = await recordApproval(call, request.body);
      return reply.code(201).send((await listApprovals(db)).find((approval) => approval.id === id)!);
    },
  );

  app.get(
    "/api/decisions/notices",
    {
      config: { ability: "objection.read" },
      schema: {
        tags,
        summary: "公示（endingWithin：N 日内结束的）/ public notices (endingWithin: those ending within N days)",
        querystring: noticeListQuery,
        response: { 200: z.array(noticeSchema), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "objection.read");
      return listNotices(db, pii, deps.clock.now(), request.query);
    },
  );

  app.get(
    "/api/decisions/objections",
    {
      config: { ability: "objection.read" },
      schema: {
        tags,
        summary: "异议列表（objections=open：待处理的）/ objections (objections=open: those not yet resolved)",
        querystring: objectionListQuery,
        response: { 200: objectionPage, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "objection.read");
      return listObjections(db, pii, request.query);
    },
  );

  app.get(
    "/api/decisions/notices/:id",
    {
      config: { ability: "objection.read" },
      schema: {
        tags,
        summary: "公示及异议 / one notice",
        params: idParams,
        response: { 200: noticeSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "objection.read");
      return noticeOf(request.params.id);
    },
  );

  app.post(
    "/api/decisions/notices",
    {
      config: { ability: "application.publish" },
      schema: {
        tags,
        summary: "发布公示（5 个工作日，按节假日安排计算）/ publish the 公示",
        body: noticeInput,
        response: { 201: noticeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const call = decisionCall(deps, request);
      await authorize(db, call.caller, "application.publish");
      const { id } = await publishNotice(call, request.body);
      return reply.code(201).send(await noticeOf(id));
    },
  );

  app.post(
    "/api/decisions/notices/:id/objections",
    {
      config: { ability: "objection.resolve" },
      schema: {
        tags,
        summary: "登记书面异议（实名、联系方式、事实；单位须盖章）/ record a written objection",
        params: idParams,
        body: objectionInput,
        response: { 201: objectionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const call = decisionCall(deps, request);
      await authorize(db, call.caller, "objection.resolve");
      const id = await receiveObjection(call, { ...request.body, noticeId: request.params.id });
      return reply.code(201).send(await objectionOf(id));
    },
  );

  app.post(
    "/api/decisions/objections/:id/investigate",
    {
      config: { ability: "objection.resolve" },
      schema: {
        tags,
        summary: "异议调查核实 / investigate an objection",
        params: idParams,
        body: investigationInput,
        response: { 200: objectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const call = decisionCall(deps, request);
      await authorize(db, call.caller, "objection.resolve");
      await investigateObjection(call, { objectionId: request.params.id, notes: request.body.notes });
      return objectionOf(request.params.id);
    },
  );

  app.post(
    "/api/decisions/objections/:id/resolve",
    {
      config: { ability: "objection.resolve" },
      schema: {
        tags,
        summary: "异议处理结论：成立或不成立 / resolve an objection",
        params: idParams,
        body: resolutionInput,
        response: { 200: objectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const call = decisionCall(deps, request);
      await authorize(db, call.caller, "objection.resolve");
      await resolveObjection(call, { objectionId: request.params.id, ...request.body });
      return objectionOf(request.params.id);
    },
  );

  app.get(
    "/api/decisions/objections/:id/seal",
    {
      config: { ability: "objection.read" },
      schema: { tags, summary: "单位异议的盖章异议书 / the sealed letter", params: idParams, response: errorResponses },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "objection.read");
      const objection = await objectionOf(request.params.id);
      const file = objection.sealFileId ? await store.open(db, objection.sealFileId) : null;
      if (!file) throw errors.notFound("File", "文件");
      return sendDownload(reply, file);
    },
  );

  app.get(
    "/api/decisions/recognitions",
    {
      config: { ability: "application.recognize" },
      schema: {
        tags,
        summary: "认定发文 / recognition documents",
        response: { 200: z.array(recognitionDocumentSchema), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "application.recognize");
      return listRecognitionDocuments(db);
    },
  );

  app.get(
    "/api/decisions/recognitions/next-number",
    {
      config: { ability: "application.recognize" },
      schema: {
        tags,
        summary: "下一个可用文号 / the next free document number",
        querystring: nextNumberQuery,
        response: { 200: nextNumberSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "application.recognize");
      const { prefix, year } = request.query;
      const number = await nextDocumentNumber(db, prefix, year);
      return { number, documentNumber: formatDocumentNumber({ prefix, year, number }) };
    },
  );

  app.post(
    "/api/decisions/recognitions",
    {
      config: { ability: "application.recognize" },
      schema: {
        tags,
        summary: "发文认定：文号、日期，基地进入名录 / recognize: document number and registry entries",
        body: recognitionInput,
        response: { 201: recognitionDocumentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const call = decisionCall(deps, request);
      await authorize(db, call.caller, "application.recognize");
      const { id } = await recognizeApplications(call, request.body);
      return reply.code(201).send((await loadRecognitionDocument(db, id))!.document);
    },
  );

  app.get(
    "/api/decisions/recognitions/:id/notice/:format",
    {
      config: { ability: "application.recognize" },
      schema: {
        tags,
        summary: "认定通知（公文格式，Word/PDF）/ the recognition notice",
        params: idParams.extend({ format: z.enum(["docx", "pdf"]) }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "application.recognize");
      const found = await loadRecognitionDocument(db, request.params.id);
      if (!found) throw errors.notFound("Recognition document", "认定文件");
      const notice = recognitionNoticeOf({ ...found.document, bases: found.bases, roundYear: found.roundYear });
      const format = request.params.format;
      const verification = noticeVerification(notice, deps.config.publicBaseUrl);
      const content =
        format === "docx"
          ? await recognitionNoticeDocx(notice, verification)
          : await recognitionNoticePdf(notice, verification);
      await recordPrintedDocument(deps, actorOf(request), {
        verification,
        subject: { type: "recognition-document", id: request.params.id },
        title: `${notice.title}（${notice.documentNumber}）`,
        issuer: notice.issuer,
      });
      reply.header("x-verification-code", verification.code);
      return sendDownload(reply, {
        name: `${found.document.documentNumber}.${format}`,
        mediaType: mediaTypes[format],
        content,
      });
    },
  );
}
