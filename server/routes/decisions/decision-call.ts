import type { FastifyRequest } from "fastify";
import type { DecisionCall } from "../../decision/decision-command";
import { invocationOf } from "../../http/request-context";
import type { RouteDeps } from "../types";

/** The caller, the audit actor and the command dependencies of one request. */
export function decisionCall(deps: RouteDeps, request: FastifyRequest): DecisionCall {
  return invocationOf(deps, request);
}
