import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  beltAndRoadEntry,
  beltAndRoadInput,
  countrySchema,
  fieldInput,
  referenceBundle,
} from "../../../contracts/reference";
import { hubeiDivisions } from "../../../policy/reference/divisions";
import { titles } from "../../../policy/reference/titles";
import { unitTypes } from "../../../policy/reference/unit-types";
import { roleLabels, roles } from "../../../policy/roles";
import { authorize } from "../../access/scope";
import { chinaDate } from "../../clock";
import { addBeltAndRoad, createField, updateField } from "../../commands/reference-data";
import { callerOf, invocationOf } from "../../http/request-context";
import { beltAndRoadOn, countryList } from "../../reference/countries";
import { listBeltAndRoad, listFields } from "../../reference/reference.repository";
import type { FileStore } from "../../storage/files";
import type { RouteDeps, TypedApp } from "../types";
import { holidayYearRoutes } from "./holiday-years.routes";

const tags = ["reference"];

export async function referenceRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  app.get(
    "/api/reference",
    {
      config: { ability: "reference.read" },
      schema: { tags, summary: "参考数据 / reference data", response: { 200: referenceBundle, ...errorResponses } },
    },
    async (request) => {
      await authorize(db, callerOf(request), "reference.read");
      return {
        divisions: hubeiDivisions.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
        unitTypes: unitTypes.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
        titles: titles.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
        roles: roles.map((code) => ({ code, nameZh: roleLabels[code].zh, nameEn: roleLabels[code].en })),
        fields: await listFields(db),
      };
    },
  );

  app.get(
    "/api/reference/countries",
    {
      config: { ability: "reference.read" },
      schema: {
        tags,
        summary: "国家和地区（含一带一路标记）/ countries and regions with the Belt and Road flag",
        querystring: z.object({
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
        response: { 200: z.array(countrySchema), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "reference.read");
      const bri = await beltAndRoadOn(db, request.query.date ?? chinaDate(deps.clock.now()));
      return countryList.map((country) => ({ ...country, isBri: bri.has(country.code) }));
    },
  );

  app.post(
    "/api/reference/fields",
    {
      config: { ability: "reference.manage" },
      schema: {
        tags,
        summary: "新增领域 / add a field (officer)",
        body: fieldInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "reference.manage");
      return reply.code(201).send({ id: await createField(invocationOf(deps, request), request.body) });
    },
  );

  app.patch(
    "/api/reference/fields/:id",
    {
      config: { ability: "reference.manage" },
      schema: {
        tags,
        summary: "修改领域 / edit a field (officer)",
        params: idParams,
        body: fieldInput.partial(),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "reference.manage");
      await updateField(invocationOf(deps, request), { fieldId: request.params.id, update: request.body });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/reference/belt-and-road",
    {
      config: { ability: "reference.read" },
      schema: {
        tags,
        summary: "一带一路共建国家名单 / Belt and Road list",
        response: { 200: z.array(beltAndRoadEntry), ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "reference.read");
      return listBeltAndRoad(db);
    },
  );

  app.post(
    "/api/reference/belt-and-road",
    {
      config: { ability: "reference.manage" },
      schema: {
        tags,
        summary: "登记一带一路共建国家 / flag a Belt and Road country (officer)",
        body: beltAndRoadInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "reference.manage");
      return reply.code(201).send({ id: await addBeltAndRoad(invocationOf(deps, request), request.body) });
    },
  );

  await holidayYearRoutes(app, deps, store);
}
