import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  decisionRequest,
  rejectionRequest,
  unitInput,
  unitListQuery,
  unitPage,
  unitSchema,
  unitUpdate,
} from "../../../contracts/organisations";
import type { Ability } from "../../../policy/access/abilities";
import type { Caller } from "../../access/caller";
import { abilitiesOn, authorize, type ResolvedScope } from "../../access/scope";
import { piiCipher } from "../../commands/command";
import { decideUnit } from "../../commands/decide-unit";
import { confirmUscc, createUnit, updateUnit } from "../../commands/save-unit";
import type { Executor } from "../../db/client";
import { listUnits, loadUnit, presentUnit, type UnitRow, unitStateAllows } from "../../db/units.repository";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["units"];

async function present(
  executor: Executor,
  caller: Caller,
  deps: RouteDeps,
  row: { unit: UnitRow; recommenderName: string },
  cache: Map<Ability, ResolvedScope | null>,
) {
  const abilities = await abilitiesOn(
    executor,
    caller,
    "unit",
    { unitId: row.unit.id, recommenderId: row.unit.recommenderId },
    unitStateAllows(row.unit),
    cache,
  );
  const withAdmin = abilities.concat(
    await abilitiesOn(
      executor,
      caller,
      "unit-account",
      { unitId: row.unit.id, recommenderId: row.unit.recommenderId },
      () => true,
      cache,
    ),
  );
  return presentUnit(row, piiCipher(deps.keys), withAdmin);
}

/** Loads one unit through the caller's scope for `ability`; another jurisdiction's unit is a 404, not a 403. */
async function loadScoped(deps: RouteDeps, caller: Caller, id: string, ability: Ability) {
  const scope = await authorize(deps.database.db, caller, ability);
  const row = await loadUnit(deps.database.db, scope, id);
  if (!row) throw errors.notFound("Unit", "单位");
  return row;
}

export async function unitRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/units",
    {
      config: { ability: "unit.read" },
      schema: {
        tags,
        summary: "依托单位列表 / host units in scope",
        querystring: unitListQuery,
        response: { 200: unitPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "unit.read");
      const { rows, total } = await listUnits(db, scope, request.query);
      const cache = new Map<Ability, ResolvedScope | null>([["unit.read", scope]]);
      const items = [];
      for (const row of rows) items.push(await present(db, caller, deps, row, cache));
      return { items, total };
    },
  );

  app.get(
    "/api/units/:id",
    {
      config: { ability: "unit.read" },
      schema: {
        tags,
        summary: "依托单位 / one host unit",
        params: idParams,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const row = await loadScoped(deps, caller, request.params.id, "unit.read");
      return present(db, caller, deps, row, new Map());
    },
  );

  app.post(
    "/api/units",
    {
      config: { ability: "unit.manage" },
      schema: {
        tags,
        summary: "新增依托单位 / create a unit (officer)",
        body: unitInput,
        response: { 201: unitSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "unit.manage");
      const id = await createUnit(invocationOf(deps, request), request.body);
      const row = await loadScoped(deps, caller, id, "unit.read");
      return reply.code(201).send(await present(db, caller, deps, row, new Map()));
    },
  );

  app.patch(
    "/api/units/:id",
    {
      config: { ability: "unit.manage" },
      schema: {
        tags,
        summary: "修改依托单位 / edit a unit",
        params: idParams,
        body: unitUpdate,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await loadScoped(deps, caller, request.params.id, "unit.manage");
      await updateUnit(invocationOf(deps, request), { unitId: request.params.id, update: request.body });
      return present(db, caller, deps, await loadScoped(deps, caller, request.params.id, "unit.read"), new Map());
    },
  );

  for (const decision of ["confirm", "reject"] as const) {
    app.post(
      `/api/units/:id/${decision}`,
      {
        config: { ability: "unit.confirm" },
        schema: {
          tags,
          summary:
            decision === "confirm" ? "确认单位注册 / confirm a registration" : "退回单位注册 / reject a registration",
          params: idParams,
          body: decision === "confirm" ? decisionRequest : rejectionRequest,
          response: { 200: unitSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await loadScoped(deps, caller, request.params.id, "unit.confirm");
        await decideUnit(invocationOf(deps, request), {
          unitId: request.params.id,
          decision,
          reason: request.body.reason ?? null,
        });
        return present(db, caller, deps, await loadScoped(deps, caller, request.params.id, "unit.read"), new Map());
      },
    );
  }

  app.post(
    "/api/units/:id/confirm-uscc",
    {
      config: { ability: "unit.manage" },
      schema: {
        tags,
        summary: "确认校验位不符的统一社会信用代码 / confirm a code whose check digit mismatches (officer)",
        params: idParams,
        body: decisionRequest,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await loadScoped(deps, caller, request.params.id, "unit.manage");
      await confirmUscc(invocationOf(deps, request), {
        unitId: request.params.id,
        reason: request.body.reason ?? null,
      });
      return { ok: true as const };
    },
  );
}
