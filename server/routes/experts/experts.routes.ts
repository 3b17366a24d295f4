import { readFile } from "node:fs/promises";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  expertHistory as expertHistorySchema,
  expertInput,
  expertListQuery,
  expertPage,
  expertSchema,
  expertUpdate,
  importReport,
} from "../../../contracts/review";
import type { Ability } from "../../../policy/access/abilities";
import { abilitiesOf } from "../../../policy/access/abilities";
import { abilityKey, type Caller } from "../../access/caller";
import { authorize } from "../../access/scope";
import { piiCipher } from "../../commands/command";
import { readKey } from "../../db/read-cache";
import { sendCachedPage } from "../../http/cached-page";
import { errors } from "../../http/errors";
import { actorOf, callerOf } from "../../http/request-context";
import { createExpert } from "../../review/create-expert";
import { expertHistory } from "../../review/expert-history";
import { type ExpertWithPerson, listExperts, loadExpert, presentExpert } from "../../review/experts.repository";
import { expertImportTemplate, importExperts } from "../../review/import-experts";
import { updateExpert } from "../../review/update-expert";
import type { FileStore } from "../../storage/files";
import { readUpload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["experts"];

/** 专家库 (expert pool): officers only. Experts, applicants and recommenders never list the pool. */
export async function expertRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  const pii = piiCipher(deps.keys);
  const expertAbilities = (caller: Caller) =>
    abilitiesOf(caller.roles).filter((a): a is Ability => a.startsWith("expert."));
  const present = (caller: Caller, row: ExpertWithPerson) => presentExpert(row, pii, expertAbilities(caller));
  const load = async (id: string) => {
    const row = await loadExpert(db, id);
    if (!row) throw errors.notFound("Expert", "专家");
    return row;
  };

  app.get(
    "/api/experts",
    {
      config: { ability: "expert.read" },
      schema: {
        tags,
        summary: "专家库 / the expert pool",
        querystring: expertListQuery,
        response: { 200: expertPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "expert.read");
      return sendCachedPage(reply, db, readKey("expert-list-page", abilityKey(caller), request.query), async () => {
        const { items, total } = await listExperts(db, pii, request.query);
        const abilities = expertAbilities(caller);
        return { items: items.map((item) => ({ ...item, abilities })), total };
      });
    },
  );

  app.post(
    "/api/experts",
    {
      config: { ability: "expert.manage" },
      schema: {
        tags,
        summary: "新增专家 / add an expert",
        body: expertInput,
        response: { 201: expertSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "expert.manage");
      const id = await createExpert(deps, actorOf(request), request.body);
      return reply.code(201).send(present(caller, await load(id)));
    },
  );

  app.post(
    "/api/experts/import",
    {
      config: { ability: "expert.manage" },
      schema: {
        tags,
        summary: "从 Excel 导入专家（逐行校验，有错则全部不导入）/ import experts from .xlsx (all or nothing)",
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "expert.manage");
      const upload = await readUpload(request, store, 5 * 1024 * 1024);
      // A workbook is parsed whole, so read back into memory: ≤ 5 MB, officers only.
      return importExperts(deps, actorOf(request), await readFile(upload.content.path));
    },
  );

  app.get(
    "/api/experts/import-template.xlsx",
    {
      config: { ability: "expert.manage" },
      schema: { tags, summary: "专家导入模板（Excel）/ the import template as .xlsx" },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "expert.manage");
      const content = await expertImportTemplate(db);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("专家库导入模板.xlsx")}`)
        .send(content);
    },
  );

  app.get(
    "/api/experts/:id",
    {
      config: { ability: "expert.read" },
      schema: {
        tags,
        summary: "专家 / one expert",
        params: idParams,
        response: { 200: expertSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "expert.read");
      return present(caller, await load(request.params.id));
    },
  );

  app.patch(
    "/api/experts/:id",
    {
      config: { ability: "expert.manage" },
      schema: {
        tags,
        summary: "修改专家信息 / edit an expert",
        params: idParams,
        body: expertUpdate,
        response: { 200: expertSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "expert.manage");
      await load(request.params.id);
      await updateExpert(deps, actorOf(request), request.params.id, request.body);
      return present(caller, await load(request.params.id));
    },
  );

  app.get(
    "/api/experts/:id/history",
    {
      config: { ability: "expert.read" },
      schema: {
        tags,
        summary: "专家的抽取与评审记录 / an expert's draws and reviews",
        params: idParams,
        response: { 200: expertHistorySchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "expert.read");
      await load(request.params.id);
      return expertHistory(db, request.params.id);
    },
  );
}
