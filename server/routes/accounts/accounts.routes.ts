import { z } from "zod";
import {
  type Account,
  accountInput,
  accountListQuery,
  accountPage,
  expertLinkRequest,
  expertOptionList,
  expertOptionsQuery,
  grantListQuery,
  grantPage,
  grantRequest,
  revocationRequest,
  unitAccountInput,
} from "../../../contracts/accounts";
import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { decisionRequest, rejectionRequest } from "../../../contracts/organisations";
import { accountOffer, decidePasswordReset, grantDecisionsOffered } from "../../../policy/access/separation";
import { authorize } from "../../access/scope";
import { setAccountDisabled, unlockAccount } from "../../commands/account-status";
import type { Invocation } from "../../commands/command";
import { createAccount } from "../../commands/create-account";
import { createUnitAccount } from "../../commands/create-unit-account";
import { linkExpertAccount } from "../../commands/link-expert-account";
import {
  accountActorOf,
  decideRoleGrant,
  loadAccountFacts,
  requestRoleGrant,
  requestRoleRevocation,
} from "../../commands/role-grants";
import { expertOptions, listAccounts, listRoleGrants, unitOptions } from "../../db/accounts.repository";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["accounts"];

export async function accountRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/accounts",
    {
      config: { ability: "account.read" },
      schema: {
        tags,
        summary: "账号列表 / accounts (system administrator)",
        querystring: accountListQuery,
        response: { 200: accountPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "account.read");
      const now = deps.clock.now();
      const page = await listAccounts(db, scope, request.query, now);
      // Per row, what the 三员 rules would allow now (policy/access/separation.ts): disable or enable (not one's own
      // account), unlock (when locked), request a role, link to the expert pool (where the expert role is in play),
      // revoke a grant — none of it on an administrator's account.
      const facts = await loadAccountFacts(
        db,
        page.items.map((item) => item.id),
        now,
      );
      const actor = accountActorOf(caller);
      const withOffer = (item: Account): Account => {
        const account = facts.get(item.id);
        if (!account) return item;
        const offer = accountOffer(account, actor);
        const revokes = new Map(account.grants.map((grant) => [grant.id, grant.revokes]));
        return {
          ...item,
          grants: item.grants.map((grant) => ({
            ...grant,
            revokes: revokes.get(grant.id) ?? null,
            revocable: offer.revocableGrants.includes(grant.id),
          })),
          requestableRoles: offer.requestableRoles,
          abilities: offer.abilities,
        };
      };
      return { ...page, items: page.items.map(withOffer) };
    },
  );

  /** Units to attach an account to: the system administrator may search names without reading unit records. */
  app.get(
    "/api/accounts/unit-options",
    {
      config: { ability: "account.create" },
      schema: {
        tags,
        summary: "可选单位 / units to attach an account to (system administrator)",
        querystring: z.object({ q: z.string().trim().max(100).default("") }),
        response: { 200: z.array(z.object({ id: z.string(), name: z.string(), uscc: z.string() })), ...errorResponses },
      },
    },
    async (request) => unitOptions(db, request.query.q),
  );

  /**
   * Pool experts an expert account can sign in for: only those without an account. Names, units, titles and
   * fields suffice to tell them apart; phones and ID numbers stay with the officers (`expert.read`).
   */
  app.get(
    "/api/accounts/expert-options",
    {
      config: { ability: "account.create" },
      schema: {
        tags,
        summary: "可关联的专家 / pool experts without an account (system administrator)",
        querystring: expertOptionsQuery,
        response: { 200: expertOptionList, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "account.create");
      return expertOptions(db, request.query.q);
    },
  );

  app.post(
    "/api/accounts",
    {
      config: { ability: "account.create" },
      schema: {
        tags,
        summary: "新建账号 / create an account",
        body: accountInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "account.create");
      const id = await createAccount(invocationOf(deps, request), request.body);
      return reply.code(201).send({ id });
    },
  );

  for (const [path, ability, summary, run] of [
    [
      "unlock",
      "account.unlock",
      "解锁账号 / unlock an account (system administrator)",
      (invocation: Invocation, accountId: string) => unlockAccount(invocation, { accountId }),
    ],
    [
      "disable",
      "account.update",
      "停用账号 / disable an account (system administrator)",
      (invocation: Invocation, accountId: string) => setAccountDisabled(invocation, { accountId, disabled: true }),
    ],
    [
      "enable",
      "account.update",
      "启用账号 / enable an account again (system administrator)",
      (invocation: Invocation, accountId: string) => setAccountDisabled(invocation, { accountId, disabled: false }),
    ],
  ] as const) {
    app.post(
      `/api/accounts/:id/${path}`,
      {
        config: { ability },
        schema: { tags, summary, params: idParams, response: { 200: okResponse, ...errorResponses } },
      },
      async (request) => {
        await authorize(db, callerOf(request), ability);
        await run(invocationOf(deps, request), request.params.id);
        return { ok: true as const };
      },
    );
  }

  app.post(
    "/api/accounts/:id/expert",
    {
      config: { ability: "account.create" },
      schema: {
        tags,
        summary: "关联专家库人员 / link the account to its expert-pool record",
        params: idParams,
        body: expertLinkRequest,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "account.create");
      await linkExpertAccount(invocationOf(deps, request), {
        accountId: request.params.id,
        expertId: request.body.expertId,
      });
      return { ok: true as const };
    },
  );

  app.post(
    "/api/accounts/:id/grants",
    {
      config: { ability: "role-grant.request" },
      schema: {
        tags,
        summary: "申请角色授权 / request a role",
        params: idParams,
        body: grantRequest,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "role-grant.request");
      const id = await requestRoleGrant(invocationOf(deps, request), {
        accountId: request.params.id,
        role: request.body.role,
      });
      return reply.code(201).send({ id });
    },
  );

  app.get(
    "/api/role-grants",
    {
      config: { ability: "role-grant.approve" },
      schema: {
        tags,
        summary: "角色授权申请 / role grants (security administrator)",
        querystring: grantListQuery,
        response: { 200: grantPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "role-grant.approve");
      const page = await listRoleGrants(db, request.query);
      const facts = await loadAccountFacts(
        db,
        page.items.map((item) => item.accountId),
        deps.clock.now(),
      );
      const actor = accountActorOf(caller);
      return {
        ...page,
        items: page.items.map((item) => {
          const account = facts.get(item.accountId);
          return { ...item, decisions: account ? grantDecisionsOffered(account, actor, item.id) : [] };
        }),
      };
    },
  );

  app.post(
    "/api/role-grants/:id/revoke",
    {
      config: { ability: "role-grant.request" },
      schema: {
        tags,
        summary: "申请撤销角色 / request the revocation of an approved role (system administrator)",
        params: idParams,
        body: revocationRequest,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "role-grant.request");
      const id = await requestRoleRevocation(invocationOf(deps, request), {
        grantId: request.params.id,
        reason: request.body.reason,
      });
      return reply.code(201).send({ id });
    },
  );

  for (const decision of ["approve", "reject"] as const) {
    app.post(
      `/api/role-grants/:id/${decision}`,
      {
        config: { ability: "role-grant.approve" },
        schema: {
          tags,
          summary:
            decision === "approve"
              ? "批准角色授权申请 / approve a role grant (security administrator)"
              : "驳回角色授权申请 / reject a role grant (security administrator)",
          params: idParams,
          body: decision === "approve" ? decisionRequest : rejectionRequest,
          response: { 200: okResponse, ...errorResponses },
        },
      },
      async (request) => {
        await authorize(db, callerOf(request), "role-grant.approve");
        await decideRoleGrant(invocationOf(deps, request), {
          grantId: request.params.id,
          decision,
          reason: request.body.reason ?? null,
        });
        return { ok: true as const };
      },
    );
  }

  app.get(
    "/api/units/:id/accounts",
    {
      config: { ability: "unit-account.manage" },
      schema: {
        tags,
        summary: "本单位用户 / the unit's accounts (unit administrator)",
        params: idParams,
        response: { 200: accountPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "unit-account.manage");
      if (scope.scope !== "all" && caller.unitId !== request.params.id) throw errors.notFound("Unit", "单位");
      const now = deps.clock.now();
      const page = await listAccounts(db, scope, { unitId: request.params.id, page: 1, pageSize: 200 }, now);
      // Per row, whether the unit administrator may reset the colleague's password (not its own).
      const facts = await loadAccountFacts(
        db,
        page.items.map((item) => item.id),
        now,
      );
      const actor = accountActorOf(caller);
      return {
        ...page,
        items: page.items.map((item) => {
          const account = facts.get(item.id);
          const resettable = account && decidePasswordReset(account, actor, "unit-account.manage").ok;
          return { ...item, abilities: resettable ? ["account.reset-password"] : [] };
        }),
      };
    },
  );

  app.post(
    "/api/units/:id/accounts",
    {
      config: { ability: "unit-account.manage" },
      schema: {
        tags,
        summary: "添加本单位用户 / add a colleague",
        params: idParams,
        body: unitAccountInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "unit-account.manage");
      if (scope.scope !== "all" && caller.unitId !== request.params.id) throw errors.notFound("Unit", "单位");
      const id = await createUnitAccount(invocationOf(deps, request), { unitId: request.params.id, ...request.body });
      return reply.code(201).send({ id });
    },
  );
}
