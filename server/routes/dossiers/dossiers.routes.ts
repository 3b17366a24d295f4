import type { FastifyReply } from "fastify";
import { dossierParams } from "../../../contracts/dossiers";
import { errorResponses } from "../../../contracts/errors";
import { collectApplicationDossier } from "../../dossier/collect-application";
import { collectBaseDossier } from "../../dossier/collect-base";
import { deliverDossier } from "../../dossier/deliver";
import { applicationDossierReader, baseDossierReader } from "../../dossier/readers";
import { actorOf, callerOf } from "../../http/request-context";
import type { FileStore } from "../../storage/files";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["dossiers"];

/** The zip as an attachment, its name encoded for browsers (RFC 6266 / 5987), streamed as it is written. */
function sendZip(reply: FastifyReply, delivered: Awaited<ReturnType<typeof deliverDossier>>) {
  const ascii = delivered.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", "application/zip")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(delivered.name)}`,
    )
    .header("cache-control", "private, no-store")
    .header("x-verification-code", delivered.manifestCode)
    .send(delivered.stream);
}

/**
 * 一键档案 (SPEC §6): one zip per application and per base — every generated document as PDF with its verification
 * code, every uploaded file, the reviews and scores, the decisions and the history — with manifest.json and 清单.pdf
 * listing each file's SM3 digest. Whoever may read the record may download it, in their own view; audited.
 */
export async function dossierRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  app.get(
    "/api/applications/:id/dossier.zip",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "申报档案（zip：申报书、材料、评审、决定、历程及清单）/ an application's dossier",
        params: dossierParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { row, reader } = await applicationDossierReader(db, caller, request.params.id);
      const context = { deps, actor: actorOf(request), caller };
      const dossier = await collectApplicationDossier(context, row, reader);
      return sendZip(reply, await deliverDossier(context, dossier, store, reader.kind));
    },
  );

  app.get(
    "/api/bases/:id/dossier.zip",
    {
      config: { ability: "base.read" },
      schema: {
        tags,
        summary: "基地档案（zip：登记、认定、年度报告、等级、整改、变更、撤销、联盟、动态及清单）/ a base's dossier",
        params: dossierParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { loaded, reader } = await baseDossierReader(db, caller, request.params.id);
      const context = { deps, actor: actorOf(request), caller };
      const dossier = await collectBaseDossier(context, loaded);
      return sendZip(reply, await deliverDossier(context, dossier, store, reader));
    },
  );
}
