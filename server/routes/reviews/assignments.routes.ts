import type { FastifyReply } from "fastify";
import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { fileParams, rubricSchema } from "../../../contracts/recognition";
import {
  assignmentListQuery,
  assignmentSchema,
  declarationRequest,
  materialsSchema,
  optionalReasonRequest,
  reasonRequest,
  scoresRequest,
} from "../../../contracts/review";
import { type Ability, abilitiesOf } from "../../../policy/access/abilities";
import type { AssignmentEvent } from "../../../policy/review/assignment.transitions";
import type { Caller } from "../../access/caller";
import { authorize } from "../../access/scope";
import { errors } from "../../http/errors";
import { actorOf, callerOf } from "../../http/request-context";
import { applyAssignmentEvent } from "../../review/apply-assignment-event";
import { loadAssignment } from "../../review/assigned";
import { openMaterialFile } from "../../review/open-material-file";
import { openMaterials } from "../../review/open-materials";
import { myAssignments, presentAssignment, targetLabel, targetLabels } from "../../review/reviews.repository";
import { saveScores } from "../../review/save-scores";
import type { FileStore } from "../../storage/files";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["expert portal"];

const portalItem = assignmentSchema.extend({
  targetKind: z.string(),
  /** The application or report reviewed: the expert's 阅览 page of an application is addressed by it. */
  targetId: z.string(),
  targetTitle: z.string(),
  unitName: z.string(),
  roundStatus: z.string(),
  rubric: rubricSchema,
  panelOpinion: z.string().nullable(),
});

/**
 * Sends a material file: a PDF opens in the browser's viewer (inline), anything else downloads; the name is
 * encoded for browsers (RFC 6266 / 5987).
 */
function sendMaterial(reply: FastifyReply, file: { name: string; mediaType: string; content: Buffer }) {
  const inline = file.mediaType === "application/pdf";
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  reply
    .header("content-type", file.mediaType)
    .header(
      "content-disposition",
      `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header("cache-control", "private, no-store");
  return reply.send(file.content);
}

/**
 * The expert portal: an expert's own assignments only (server/review/assigned.ts). Another panel's assignment is a
 * 404; materials and scores before the declaration are a 409; a submitted review is locked (409) until reopened.
 */
export async function assignmentRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  const scoped = async (caller: Caller, id: string, ability: Ability) => {
    const scope = await authorize(db, caller, ability);
    const assignment = await loadAssignment(db, scope, id);
    if (!assignment) throw errors.notFound("Assignment", "评审任务");
    return { scope, assignment };
  };
  /** One assignment as the portal shows it: one scoped read of it with its round, the JSON parsed once. */
  const item = async (caller: Caller, id: string) => {
    const scope = await authorize(db, caller, "review.read");
    const [row] = await myAssignments(db, scope, id);
    if (!row) throw errors.notFound("Assignment", "评审任务");
    const label = await targetLabel(db, row.round);
    return {
      ...presentAssignment(row, abilitiesOf(caller.roles)),
      targetKind: row.round.targetKind,
      targetId: row.round.targetId,
      targetTitle: label.title,
      unitName: label.unitName,
      roundStatus: row.round.status,
      rubric: row.round.rubric,
      panelOpinion: row.round.panelOpinion,
    };
  };

  app.get(
    "/api/reviews/assignments",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "我的评审任务 / my assignments (an expert sees only their own)",
        querystring: assignmentListQuery,
        response: { 200: z.object({ items: z.array(portalItem) }), ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "review.read");
      const rows = await myAssignments(db, scope, undefined, request.query);
      const labels = await targetLabels(
        db,
        rows.map((row) => row.round),
      );
      const items = [];
      for (const row of rows) {
        const label = labels.get(row.round.targetId)!;
        items.push({
          ...presentAssignment(row, abilitiesOf(caller.roles)),
          targetKind: row.round.targetKind,
          targetId: row.round.targetId,
          targetTitle: label.title,
          unitName: label.unitName,
          roundStatus: row.round.status,
          rubric: row.round.rubric,
          panelOpinion: row.round.panelOpinion,
        });
      }
      return { items };
    },
  );

  app.get(
    "/api/reviews/assignments/:id",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "评审任务 / one assignment",
        params: idParams,
        response: { 200: portalItem, ...errorResponses },
      },
    },
    async (request) => item(callerOf(request), request.params.id),
  );

  app.get(
    "/api/reviews/assignments/:id/materials",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "评审材料（只读，每次打开均记入审计）/ the target's materials, read-only; every opening is audited",
        params: idParams,
        response: { 200: materialsSchema, ...errorResponses },
      },
    },
    async (request) => {
      await scoped(callerOf(request), request.params.id, "review.read");
      return openMaterials(deps, actorOf(request), request.params.id);
    },
  );

  app.get(
    "/api/reviews/assignments/:id/files/:fileId",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary:
          "打开评审材料文件（PDF 在线查看，每次打开均记入审计）/ open one file of the materials; every opening is audited",
        params: fileParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      await scoped(callerOf(request), request.params.id, "review.read");
      const file = await openMaterialFile(deps, actorOf(request), {
        assignmentId: request.params.id,
        fileId: request.params.fileId,
        store,
      });
      return sendMaterial(reply, file);
    },
  );

  const events: Array<{ event: AssignmentEvent; path: string; ability: Ability; summary: string }> = [
    { event: "accept", path: "accept", ability: "review.declare", summary: "接受邀请 / accept the invitation" },
    {
      event: "decline",
      path: "decline",
      ability: "review.declare",
      summary: "谢绝邀请（自动补抽）/ decline (a backup joins)",
    },
    {
      event: "submit",
      path: "submit",
      ability: "review.score",
      summary: "提交评审意见（提交后锁定）/ submit; locks the review",
    },
  ];
  for (const spec of events) {
    app.post(
      `/api/reviews/assignments/:id/${spec.path}`,
      {
        config: { ability: spec.ability },
        schema: {
          tags,
          summary: spec.summary,
          params: idParams,
          body: optionalReasonRequest,
          response: { 200: portalItem, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await scoped(caller, request.params.id, spec.ability);
        await applyAssignmentEvent(deps, actorOf(request), {
          assignmentId: request.params.id,
          event: spec.event,
          reason: request.body.reason,
        });
        return item(caller, request.params.id);
      },
    );
  }

  app.post(
    "/api/reviews/assignments/:id/declaration",
    {
      config: { ability: "review.declare" },
      schema: {
        tags,
        summary: "利益冲突声明：无冲突则开放材料，有冲突则回避并补抽 / conflict-of-interest declaration",
        params: idParams,
        body: declarationRequest,
        response: { 200: portalItem, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await scoped(caller, request.params.id, "review.declare");
      await applyAssignmentEvent(deps, actorOf(request), {
        assignmentId: request.params.id,
        event: request.body.conflict ? "recuse" : "declare",
        reason: request.body.conflict ? request.body.statement : undefined,
        statement: request.body.statement,
      });
      return item(caller, request.params.id);
    },
  );

  app.post(
    "/api/reviews/assignments/:id/scores",
    {
      config: { ability: "review.score" },
      schema: {
        tags,
        summary: "保存评分与意见 / save scores, comments, opinion and recommendation",
        params: idParams,
        body: scoresRequest,
        response: { 200: portalItem, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await scoped(caller, request.params.id, "review.score");
      await saveScores(deps, actorOf(request), request.params.id, request.body);
      return item(caller, request.params.id);
    },
  );

  app.post(
    "/api/reviews/assignments/:id/reopen",
    {
      config: { ability: "review.reopen" },
      schema: {
        tags,
        summary: "重新开启已提交的评审（处室，须说明理由）/ reopen a submitted review (officer, with a reason)",
        params: idParams,
        body: reasonRequest,
        response: { 200: assignmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { scope } = await scoped(caller, request.params.id, "review.reopen");
      await applyAssignmentEvent(deps, actorOf(request), {
        assignmentId: request.params.id,
        event: "reopen",
        reason: request.body.reason,
      });
      const rows = await myAssignments(db, scope);
      return presentAssignment(rows.find((r) => r.assignment.id === request.params.id)!, abilitiesOf(caller.roles));
    },
  );
}
