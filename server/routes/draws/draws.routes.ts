import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { drawList, drawRecordSchema } from "../../../contracts/review";
import { authorize } from "../../access/scope";
import { errors } from "../../http/errors";
import { callerOf } from "../../http/request-context";
import { findDraw, listDraws } from "../../review/draws.repository";
import { presentDraws } from "../../review/reviews.repository";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["draws"];

/** Draw records for officers and the auditor (`draw.read`): anyone holding one can re-run it (policy draw-verify). */
export async function drawRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/draws",
    {
      config: { ability: "draw.read" },
      schema: {
        tags,
        summary: "抽取记录 / draw attempts, newest first",
        querystring: z.object({
          roundId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: drawList, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "draw.read");
      const rows = await listDraws(db, { roundId: request.query.roundId, limit: request.query.limit });
      return { items: await presentDraws(db, rows) };
    },
  );

  app.get(
    "/api/draws/:id/record",
    {
      config: { ability: "draw.read" },
      schema: {
        tags,
        summary: "抽取记录全文（可复核）/ the full draw record, re-runnable with `policy draw-verify`",
        params: idParams,
        response: { 200: drawRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "draw.read");
      const row = await findDraw(db, request.params.id);
      if (!row) throw errors.notFound("Draw", "抽取记录");
      reply.header("content-disposition", `attachment; filename="draw-${row.id}.json"`);
      return row.record;
    },
  );
}
