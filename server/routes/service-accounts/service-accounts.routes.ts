import { z } from "zod";
import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  apiTokenInput,
  issuedApiToken,
  serviceAccountInput,
  serviceAccountListQuery,
  serviceAccountPage,
} from "../../../contracts/service-accounts";
import { authorize } from "../../access/scope";
import { createServiceAccount, issueApiToken, revokeApiToken } from "../../commands/service-accounts";
import { listServiceAccounts } from "../../db/service-accounts.repository";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["service-accounts"];

/**
 * Service accounts and API tokens (系统管理员; docs/integration.md): create the account, issue a token (shown once),
 * list and revoke. The integration role is approved by the security administrator on the role-grants page.
 */
export async function serviceAccountRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/service-accounts",
    {
      config: { ability: "api-token.manage" },
      schema: {
        tags,
        summary: "服务账号与 API 令牌 / service accounts and their API tokens (system administrator)",
        querystring: serviceAccountListQuery,
        response: { 200: serviceAccountPage, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "api-token.manage");
      const page = await listServiceAccounts(db, request.query, deps.clock.now());
      // Tokens are issued to an enabled account; a live token is revoked whatever the account's state.
      return {
        ...page,
        items: page.items.map((item) => ({ ...item, abilities: item.disabled ? [] : ["api-token.manage"] })),
      };
    },
  );

  app.post(
    "/api/service-accounts",
    {
      config: { ability: "api-token.manage" },
      schema: {
        tags,
        summary: "新建服务账号 / create a service account for an outside system",
        body: serviceAccountInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createServiceAccount(invocationOf(deps, request), request.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    "/api/service-accounts/:id/tokens",
    {
      config: { ability: "api-token.manage" },
      schema: {
        tags,
        summary: "签发 API 令牌（仅此一次显示）/ issue an API token, shown this once",
        params: idParams,
        body: apiTokenInput,
        response: { 201: issuedApiToken, ...errorResponses },
      },
    },
    async (request, reply) => {
      const issued = await issueApiToken(invocationOf(deps, request), {
        accountId: request.params.id,
        ...request.body,
      });
      // The token is in this response only: no cache, no intermediary keeps it.
      return reply.code(201).header("cache-control", "no-store").send(issued);
    },
  );

  app.post(
    "/api/api-tokens/:id/revoke",
    {
      config: { ability: "api-token.manage" },
      schema: {
        tags,
        summary: "吊销 API 令牌 / revoke an API token",
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await revokeApiToken(invocationOf(deps, request), { tokenId: request.params.id });
      return { ok: true as const };
    },
  );
}
