import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Ability } from "../../policy/access/abilities";
import type { App } from "../app";
import type { Agent, TestApp } from "./harness";

/**
 * What the security suites (server/routes/security) share: the operations of the OpenAPI document the app serves,
 * read once the same way, and a sender that gives every request its own address so that the per-address rate
 * limits never answer before the check under test.
 */

export type JsonSchema = {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: JsonSchema[];
  type?: string;
  enum?: string[];
};

export interface DocumentParameter {
  in?: string;
  name?: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface DocumentOperation {
  security?: unknown[];
  parameters?: DocumentParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  "x-abilities"?: Ability[];
  "x-any-signed-in"?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface DocumentedOperation {
  /** Upper case, as sent. */
  method: string;
  /** As documented: `/api/bases/{id}`. */
  path: string;
  /** `security: []`: open to anyone by design. */
  isPublic: boolean;
  /** `x-abilities`: the caller needs one of them. */
  abilities: Ability[];
  /** `x-any-signed-in`: open to every signed-in caller. */
  anySignedIn: boolean;
  parameters: DocumentParameter[];
  /** The JSON body's schema, when the operation takes one. */
  jsonBody: JsonSchema | null;
}

const methods = ["get", "post", "put", "patch", "delete"];
export const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function documentOf(app: App): OpenApiDocument {
  return app.swagger() as unknown as OpenApiDocument;
}

/** Every operation of the served document. */
export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        abilities: operation["x-abilities"] ?? [],
        anySignedIn: operation["x-any-signed-in"] === true,
        parameters: operation.parameters ?? [],
        jsonBody: operation.requestBody?.content?.["application/json"]?.schema ?? null,
      })),
  );
}

/** A sender whose every request comes from a new address (10.x.y.z), counting what it sent. Anonymous: `t.anonymous`. */
export function addressRotatingSender() {
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    send(agent: Agent, options: InjectOptions): Promise<LightMyRequestResponse> {
      sent += 1;
      return agent.request({
        ...options,
        remoteAddress: `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
      });
    },
  };
}

/** The three callers the probes send every request as: nobody, the department, and a host unit. */
export async function probeAgents(t: TestApp): Promise<Array<{ name: string; agent: Agent }>> {
  return [
    { name: "anonymous", agent: t.anonymous },
    { name: "officer", agent: await t.login("officer") },
    { name: "applicant", agent: await t.login("app.wuhan-ent") },
  ];
}
