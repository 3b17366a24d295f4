import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { personInput, personListQuery, personPage, personSchema, personUpdate } from "../../../contracts/organisations";
import type { Ability } from "../../../policy/access/abilities";
import type { Caller } from "../../access/caller";
import { abilitiesOn, authorize, type ResolvedScope } from "../../access/scope";
import { piiCipher } from "../../commands/command";
import { createPerson, updatePerson } from "../../commands/save-person";
import { listPeople, loadPerson, type PersonRow, presentPerson } from "../../db/people.repository";
import { apiError, errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["people"];

export async function peopleRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;
  const pii = piiCipher(deps.keys);

  const present = async (
    caller: Caller,
    row: { person: PersonRow; unitName: string | null; recommenderId: string | null },
    cache: Map<Ability, ResolvedScope | null>,
  ) =>
    presentPerson(
      row,
      pii,
      await abilitiesOn(
        db,
        caller,
        "person",
        { unitId: row.person.unitId, recommenderId: row.recommenderId },
        () => true,
        cache,
      ),
    );

  const loadScoped = async (caller: Caller, id: string, ability: Ability) => {
    const row = await loadPerson(db, await authorize(db, caller, ability), id);
    if (!row) throw errors.notFound("Person", "人员");
    return row;
  };

  /** A unit-scoped editor may only place people in its own unit. */
  const assertUnitInScope = (scope: ResolvedScope, unitId: string | null | undefined) => {
    if (scope.scope === "all" || unitId === undefined) return;
    if (unitId !== scope.caller.unitId) {
      throw apiError(403, "forbidden", "只能登记本单位人员。", "You may only record people of your own unit.", [
        { path: "unitId", messageZh: "只能选择本单位", messageEn: "Own unit only" },
      ]);
    }
  };

  app.get(
    "/api/people",
    {
      config: { ability: "person.read" },
      schema: {
        tags,
        summary: "人员列表 / people in scope",
        querystring: personListQuery,
        response: { 200: personPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "person.read");
      const { rows, total } = await listPeople(db, scope, pii, request.query);
      const cache = new Map<Ability, ResolvedScope | null>([["person.read", scope]]);
      const items = [];
      for (const row of rows) items.push(await present(caller, row, cache));
      return { items, total };
    },
  );

  app.get(
    "/api/people/:id",
    {
      config: { ability: "person.read" },
      schema: {
        tags,
        summary: "人员 / one person",
        params: idParams,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return present(caller, await loadScoped(caller, request.params.id, "person.read"), new Map());
    },
  );

  app.post(
    "/api/people",
    {
      config: { ability: "person.manage" },
      schema: {
        tags,
        summary: "登记人员 / record a person",
        body: personInput,
        response: { 201: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "person.manage");
      const unitId = scope.scope === "all" ? request.body.unitId : (request.body.unitId ?? caller.unitId);
      assertUnitInScope(scope, unitId);
      const id = await createPerson(invocationOf(deps, request), { ...request.body, unitId });
      return reply.code(201).send(await present(caller, await loadScoped(caller, id, "person.read"), new Map()));
    },
  );

  app.patch(
    "/api/people/:id",
    {
      config: { ability: "person.manage" },
      schema: {
        tags,
        summary: "修改人员 / edit a person",
        params: idParams,
        body: personUpdate,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await loadScoped(caller, request.params.id, "person.manage");
      assertUnitInScope(await authorize(db, caller, "person.manage"), request.body.unitId);
      await updatePerson(invocationOf(deps, request), { personId: request.params.id, update: request.body });
      return present(caller, await loadScoped(caller, request.params.id, "person.read"), new Map());
    },
  );
}
