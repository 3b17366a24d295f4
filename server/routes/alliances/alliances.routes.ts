import { z } from "zod";
import {
  activityInput,
  allianceDetail,
  allianceInput,
  allianceSummary,
  allianceUpdate,
  baseAlliance,
  dissolveInput,
  leaveInput,
  memberInput,
  memberParams,
  publicAlliance,
} from "../../../contracts/alliances";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { authorize } from "../../access/scope";
import {
  addAllianceMember,
  createAlliance,
  dissolveAlliance,
  endAllianceMembership,
  recordAllianceActivity,
  updateAlliance,
  uploadAllianceCharter,
} from "../../alliances/alliance-commands";
import {
  alliancesOfBase,
  listAlliances,
  listPublicAlliances,
  presentAlliance,
  requireAlliance,
} from "../../alliances/alliances.repository";
import { chinaDate } from "../../clock";
import { errors } from "../../http/errors";
import { publicRead } from "../../http/public-reads";
import { callerOf, invocationOf } from "../../http/request-context";
import { loadBase } from "../../registry/bases.repository";
import type { FileStore } from "../../storage/files";
import { readUpload, sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["alliances"];
type Request = Parameters<typeof callerOf>[0];

/**
 * 联盟 (Art. 27): every signed-in role reads the alliances; the department records them, their members (dated), their
 * activities and charter, and dissolves them. The public site lists them without any unit's private data.
 */
export async function allianceRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  const today = () => chinaDate(deps.clock.now());
  const detail = async (request: Request, id: string) => {
    const caller = callerOf(request);
    await authorize(db, caller, "alliance.read");
    return presentAlliance(db, caller, await requireAlliance(db, id), today());
  };
  const read = { config: { ability: "alliance.read" as const } };
  const manage = { config: { ability: "alliance.manage" as const } };
  const one = { 200: allianceDetail, ...errorResponses };

  app.get(
    "/api/alliances",
    {
      ...read,
      schema: {
        tags,
        summary: "联盟列表 / alliances",
        response: { 200: z.object({ items: z.array(allianceSummary) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listAlliances(db, callerOf(request), today()) }),
  );

  app.get(
    "/api/alliances/:id",
    { ...read, schema: { tags, summary: "联盟详情 / an alliance", params: idParams, response: one } },
    async (request) => detail(request, request.params.id),
  );

  app.post(
    "/api/alliances",
    {
      ...manage,
      schema: {
        tags,
        summary: "登记联盟（牵头基地自成立日起为成员）/ record an alliance",
        body: allianceInput,
        response: { 201: allianceDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createAlliance(invocationOf(deps, request), request.body);
      return reply.code(201).send(await detail(request, id));
    },
  );

  app.patch(
    "/api/alliances/:id",
    {
      ...manage,
      schema: { tags, summary: "修改联盟 / edit an alliance", params: idParams, body: allianceUpdate, response: one },
    },
    async (request) => {
      await updateAlliance(invocationOf(deps, request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/alliances/:id/members",
    {
      ...manage,
      schema: { tags, summary: "基地加入联盟 / a base joins", params: idParams, body: memberInput, response: one },
    },
    async (request) => {
      await addAllianceMember(invocationOf(deps, request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/alliances/:id/members/:memberId/leave",
    {
      ...manage,
      schema: {
        tags,
        summary: "结束成员资格 / end a membership",
        params: memberParams,
        body: leaveInput,
        response: one,
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      await endAllianceMembership(invocationOf(deps, request), id, memberId, request.body.leftOn);
      return detail(request, id);
    },
  );

  app.post(
    "/api/alliances/:id/activities",
    {
      ...manage,
      schema: {
        tags,
        summary: "记录联盟活动 / record an activity",
        params: idParams,
        body: activityInput,
        response: one,
      },
    },
    async (request) => {
      await recordAllianceActivity(invocationOf(deps, request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/alliances/:id/dissolve",
    {
      ...manage,
      schema: { tags, summary: "解散联盟 / dissolve", params: idParams, body: dissolveInput, response: one },
    },
    async (request) => {
      await dissolveAlliance(invocationOf(deps, request), request.params.id, request.body.dissolvedOn);
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/alliances/:id/charter",
    {
      ...manage,
      schema: {
        tags,
        summary: "上传联盟章程（multipart：file，PDF 或 Word，≤ 20 MB）/ upload the charter",
        params: idParams,
        response: one,
      },
    },
    async (request) => {
      await requireAlliance(db, request.params.id);
      const upload = await readUpload(request, store, 20 * 1024 * 1024);
      await uploadAllianceCharter(invocationOf(deps, request), store, request.params.id, upload);
      return detail(request, request.params.id);
    },
  );

  app.get(
    "/api/alliances/:id/charter",
    {
      ...read,
      schema: { tags, summary: "下载联盟章程 / download the charter", params: idParams, response: errorResponses },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "alliance.read");
      const alliance = await requireAlliance(db, request.params.id);
      const file = alliance.charterFileId ? await store.open(db, alliance.charterFileId) : null;
      if (!file) throw errors.notFound("Charter", "联盟章程");
      return sendDownload(reply, file);
    },
  );

  app.get(
    "/api/bases/:id/alliances",
    {
      config: { ability: "base.read" },
      schema: {
        tags,
        summary: "基地参加的联盟 / the base's alliances",
        params: idParams,
        response: { 200: z.object({ items: z.array(baseAlliance) }), ...errorResponses },
      },
    },
    async (request) => {
      const scope = await authorize(db, callerOf(request), "base.read");
      if (!(await loadBase(db, scope, request.params.id))) throw errors.notFound("Base", "基地");
      return { items: await alliancesOfBase(db, request.params.id) };
    },
  );

  app.get(
    "/api/public/alliances",
    {
      config: publicRead,
      schema: {
        tags: ["public"],
        summary: "省国合基地联盟（公开）/ alliances of bases, public",
        response: { 200: z.object({ items: z.array(publicAlliance) }), ...errorResponses },
      },
    },
    async () => ({ items: await listPublicAlliances(db, today()) }),
  );
}
