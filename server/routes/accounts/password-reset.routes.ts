import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { passwordResetResponse } from "../../../contracts/security-policy";
import { authorize } from "../../access/scope";
import { resetAccountPassword } from "../../commands/reset-password";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["accounts"];

/**
 * Password resets: the system administrator for any business account, a unit's administrator for its own unit's
 * users. The one-time password is in the response only; administrators' accounts are reset at the console.
 */
export async function passwordResetRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.post(
    "/api/accounts/:id/reset-password",
    {
      config: { ability: "account.reset-password" },
      schema: {
        tags,
        summary: "重置密码 / reset a business account's password (system administrator)",
        params: idParams,
        response: { 200: passwordResetResponse, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "account.reset-password");
      return resetAccountPassword(invocationOf(deps, request), { accountId: request.params.id });
    },
  );

  app.post(
    "/api/units/:id/accounts/:accountId/reset-password",
    {
      config: { ability: "unit-account.manage" },
      schema: {
        tags,
        summary: "重置本单位用户密码 / reset a colleague's password (unit administrator)",
        params: idParams.extend({ accountId: z.string().min(1).max(64) }),
        response: { 200: passwordResetResponse, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "unit-account.manage");
      if (scope.scope !== "all" && caller.unitId !== request.params.id) throw errors.notFound("Unit", "单位");
      return resetAccountPassword(invocationOf(deps, request), {
        accountId: request.params.accountId,
        unitId: request.params.id,
      });
    },
  );
}
