import { readFile } from "node:fs/promises";
import { z } from "zod";
import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  creditRecordInput,
  creditRecordSchema,
  importReport,
  nationalPlatformInput,
  nationalPlatformSchema,
  registryBaseSchema,
  registryListQuery,
  revocationInput,
  revocationSchema,
} from "../../../contracts/registry";
import { authorize } from "../../access/scope";
import { actorOf, callerOf } from "../../http/request-context";
import { baseImportTemplate, importBases } from "../../recognition/import-bases";
import {
  deleteRegistryFact,
  type FactKind,
  listRegistryFacts,
  recordCreditRecord,
  recordNationalPlatform,
  recordRevocation,
} from "../../recognition/registry-facts";
import type { FileStore } from "../../storage/files";
import { mediaTypes } from "../applications/application-documents.routes";
import { readUpload, sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["registry-facts"];
const created = z.object({ id: z.string() });

/** Registry facts (issue 4, 5a): officers record them; the eligibility panel reads them. */
export async function registryFactRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  app.get(
    "/api/registry-facts",
    {
      config: { ability: "registry-fact.read" },
      schema: {
        tags,
        summary: "登记册事实：信用记录、国家级平台、撤销记录、已认定基地 / the registry's facts in scope",
        querystring: registryListQuery,
        response: {
          200: z.object({
            creditRecords: z.array(creditRecordSchema),
            nationalPlatforms: z.array(nationalPlatformSchema),
            revocations: z.array(revocationSchema),
            bases: z.array(registryBaseSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listRegistryFacts(db, callerOf(request), request.query),
  );

  const create = <T extends z.ZodType>(
    path: string,
    body: T,
    summary: string,
    run: (input: z.infer<T>, request: Parameters<typeof actorOf>[0]) => Promise<string>,
  ) =>
    app.post(
      `/api/registry-facts/${path}`,
      {
        config: { ability: "registry-fact.manage" },
        schema: { tags, summary, body, response: { 201: created, ...errorResponses } },
      },
      async (request, reply) => {
        await authorize(db, callerOf(request), "registry-fact.manage");
        const id = await run(request.body as z.infer<T>, request);
        return reply.code(201).send({ id });
      },
    );
  create("credit-records", creditRecordInput, "录入不良信用/科研诚信记录 / record a credit record", (input, request) =>
    recordCreditRecord(deps, actorOf(request), input),
  );
  create("national-platforms", nationalPlatformInput, "录入国家级平台 / record a national platform", (input, request) =>
    recordNationalPlatform(deps, actorOf(request), input),
  );
  create("revocations", revocationInput, "录入撤销记录 / record a revocation", (input, request) =>
    recordRevocation(deps, actorOf(request), input),
  );

  for (const kind of ["credit-records", "national-platforms", "revocations"] as const satisfies FactKind[]) {
    app.delete(
      `/api/registry-facts/${kind}/:id`,
      {
        config: { ability: "registry-fact.manage" },
        schema: {
          tags,
          summary: `删除记录 / delete (${kind})`,
          params: idParams,
          response: { 200: okResponse, ...errorResponses },
        },
      },
      async (request) => {
        await deleteRegistryFact(deps, actorOf(request), callerOf(request), kind, request.params.id);
        return { ok: true as const };
      },
    );
  }

  app.post(
    "/api/registry-facts/bases/import",
    {
      config: { ability: "registry-fact.manage" },
      schema: {
        tags,
        summary: "从 Excel 导入已认定基地（逐行校验，全部成功才写入）/ import existing bases",
        response: { 201: importReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "registry-fact.manage");
      const upload = await readUpload(request, store, 10 * 1024 * 1024);
      // A workbook is parsed whole, so read back into memory: ≤ 10 MB, officers only.
      const content = await readFile(upload.content.path);
      return reply.code(201).send(await importBases(deps, actorOf(request), content));
    },
  );

  app.get(
    "/api/registry-facts/bases/import-template",
    {
      config: { ability: "registry-fact.manage" },
      schema: { tags, summary: "导入模板 / the import template", response: errorResponses },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "registry-fact.manage");
      return sendDownload(reply, {
        name: "基地登记册导入模板.xlsx",
        mediaType: mediaTypes.xlsx,
        content: await baseImportTemplate(),
      });
    },
  );
}
