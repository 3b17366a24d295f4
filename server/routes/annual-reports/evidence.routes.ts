import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { evidenceFileList, evidenceFileParams } from "../../../contracts/evidence";
import type { Ability } from "../../../policy/access/abilities";
import type { EvidenceSubject } from "../../../policy/evidence/evidence-files";
import { callerOf, invocationOf } from "../../http/request-context";
import type { FileStore } from "../../storage/files";
import {
  attachEvidenceFile,
  detachEvidenceFile,
  listEvidenceFiles,
  maxEvidenceBytes,
  openEvidenceFile,
  precheckEvidenceUpload,
} from "../../yearly/evidence-files";
import { readUpload, sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

interface EvidenceRouteOptions {
  subject: EvidenceSubject;
  /** `/api/annual-reports` or `/api/rectifications`. */
  prefix: string;
  read: Ability;
  submit: Ability;
  tags: string[];
  nameZh: string;
  nameEn: string;
}

/**
 * Evidence files of one subject (a report, a case): list, upload (multipart, ≤ 50 MB, type by content), download,
 * delete. The same store and upload reader as the application materials; who and when is decided in
 * server/yearly/evidence-files.ts, from policy/evidence.
 */
export async function evidenceRoutes(app: TypedApp, deps: RouteDeps, store: FileStore, options: EvidenceRouteOptions) {
  const db = deps.database.db;
  const { subject, prefix, tags, nameZh, nameEn } = options;

  app.get(
    `${prefix}/:id/files`,
    {
      config: { ability: options.read },
      schema: {
        tags,
        summary: `${nameZh}的佐证材料 / the ${nameEn}'s evidence files`,
        params: idParams,
        response: { 200: evidenceFileList, ...errorResponses },
      },
    },
    async (request) => listEvidenceFiles(db, callerOf(request), subject, request.params.id, deps.clock.now()),
  );

  app.post(
    `${prefix}/:id/files`,
    {
      config: { ability: options.submit },
      schema: {
        tags,
        summary: `上传${nameZh}佐证材料（multipart：file，≤ 50 MB，按内容判断类型）/ upload an evidence file`,
        params: idParams,
        response: { 201: evidenceFileList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await precheckEvidenceUpload(invocationOf(deps, request), { subject, subjectId: request.params.id });
      const upload = await readUpload(request, store, maxEvidenceBytes);
      await attachEvidenceFile(invocationOf(deps, request), store, {
        subject,
        subjectId: request.params.id,
        name: upload.name,
        content: upload.content,
      });
      return reply.code(201).send(await listEvidenceFiles(db, caller, subject, request.params.id, deps.clock.now()));
    },
  );

  app.get(
    `${prefix}/:id/files/:fileId`,
    {
      config: { ability: options.read },
      schema: {
        tags,
        summary: `下载${nameZh}佐证材料 / download an evidence file`,
        params: evidenceFileParams,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await openEvidenceFile(db, store, callerOf(request), {
          subject,
          subjectId: request.params.id,
          attachmentId: request.params.fileId,
          now: deps.clock.now(),
        }),
      ),
  );

  app.delete(
    `${prefix}/:id/files/:fileId`,
    {
      config: { ability: options.submit },
      schema: {
        tags,
        summary: `删除${nameZh}佐证材料 / remove an evidence file`,
        params: evidenceFileParams,
        response: { 200: evidenceFileList, ...errorResponses },
      },
    },
    async (request) => {
      await detachEvidenceFile(invocationOf(deps, request), {
        subject,
        subjectId: request.params.id,
        attachmentId: request.params.fileId,
      });
      return listEvidenceFiles(db, callerOf(request), subject, request.params.id, deps.clock.now());
    },
  );
}

/** 年度工作报告的佐证材料 (Art. 18, 22): /api/annual-reports/:id/files. */
export async function annualReportEvidenceRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  await evidenceRoutes(app, deps, store, {
    subject: "annual-report",
    prefix: "/api/annual-reports",
    read: "annual-report.read",
    submit: "annual-report.submit",
    tags: ["annual-reports"],
    nameZh: "年度工作报告",
    nameEn: "annual report",
  });
}
