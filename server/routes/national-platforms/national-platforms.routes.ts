import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { baseNationalStatus, nationalRevocationInput, upgradeExitInput } from "../../../contracts/national-platforms";
import { authorize } from "../../access/scope";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import { loadBase } from "../../registry/bases.repository";
import {
  exitOnUpgrade,
  presentNationalStatus,
  recordBaseNationalRevocation,
  recordPlatformNationalRevocation,
} from "../../registry/national-status";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["bases"];

/**
 * A base's national side (Art. 21, 23, 24): the series it belongs to, the exit on upgrade to a national platform
 * (recorded from the national document), and a MOST base's national revocation. Another's base is a 404.
 */
export async function nationalPlatformRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  const status = async (request: Parameters<typeof callerOf>[0], id: string) => {
    const caller = callerOf(request);
    const loaded = await loadBase(db, await authorize(db, caller, "base.read"), id);
    if (!loaded) throw errors.notFound("Base", "基地");
    return presentNationalStatus(db, caller, loaded);
  };

  app.get(
    "/api/bases/:id/national-status",
    {
      config: { ability: "base.read" },
      schema: {
        tags,
        summary: "基地的国家级平台情况 / the base's series and national platform (Art. 21, 24)",
        params: idParams,
        response: { 200: baseNationalStatus, ...errorResponses },
      },
    },
    async (request) => status(request, request.params.id),
  );

  app.post(
    "/api/bases/:id/upgrade-exit",
    {
      config: { ability: "base.exit" },
      schema: {
        tags,
        summary: "录入国家级平台发文，自发文之日起退出省国合基地序列 / record the upgrade exit (Art. 21)",
        params: idParams,
        body: upgradeExitInput,
        response: { 200: baseNationalStatus, ...errorResponses },
      },
    },
    async (request) => {
      await exitOnUpgrade(invocationOf(deps, request), request.params.id, request.body);
      return status(request, request.params.id);
    },
  );

  app.post(
    "/api/bases/:id/national-revocation",
    {
      config: { ability: "base.exit" },
      schema: {
        tags,
        summary: "登记科技部取消国际科技合作基地资格 / MOST revoked the base's national status (Art. 24)",
        params: idParams,
        body: nationalRevocationInput,
        response: { 200: baseNationalStatus, ...errorResponses },
      },
    },
    async (request) => {
      await recordBaseNationalRevocation(invocationOf(deps, request), request.params.id, request.body);
      return status(request, request.params.id);
    },
  );

  app.post(
    "/api/registry-facts/national-platforms/:id/revocation",
    {
      config: { ability: "registry-fact.manage" },
      schema: {
        tags: ["registry-facts"],
        summary: "登记国家级平台被取消 / record a national platform's revocation (Art. 24)",
        params: idParams,
        body: nationalRevocationInput,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await recordPlatformNationalRevocation(invocationOf(deps, request), request.params.id, request.body);
      return { ok: true as const };
    },
  );
}
