import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { OpenAPIV3 } from "openapi-types";
import { z } from "zod";
import { apiErrorSchema } from "../../contracts/errors";
import { sessionCookie } from "../auth/sessions";
import type { Config } from "../config/config";
import { routeAbilities } from "../http/request-context";
import { registerContractSchemas } from "./components";
import { operationIdOf } from "./operation-ids";

/**
 * The OpenAPI document served at /api/docs/json and written to docs/openapi.json (`npm run openapi`). The routes'
 * zod schemas are converted by fastify-type-provider-zod, with the contracts' schemas as named components
 * (components.ts); this module adds what every route has in common, in one place: its operationId
 * (operation-ids.ts), its security (the session cookie, and the CSRF header on writes; none on public routes), the
 * error responses in the one error shape, and a binary 2xx for the routes that send a file.
 */

export const securitySchemes = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: sessionCookie,
    description:
      "登录后的会话（POST /api/auth/login 设置）/ the session cookie set by POST /api/auth/login; expires after the security policy's idle timeout",
  },
  csrf: {
    type: "apiKey",
    in: "header",
    name: "x-csrf-token",
    description:
      "写操作须带登录响应中的 csrfToken / every POST, PUT, PATCH and DELETE carries the csrfToken the login returned",
  },
  bearer: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "gat_…",
    description:
      "服务账号的 API 令牌（系统管理员签发），无需 cookie 与 CSRF 令牌，仅限标明的接口 / a service account's API token " +
      "(issued by the system administrator): no cookie, no CSRF token; only on the operations that list it " +
      "(docs/integration.md)",
  },
} satisfies Record<string, OpenAPIV3.SecuritySchemeObject>;

/** The header a signed-in caller may send on a write so that a retry does not write twice (http/idempotency.ts). */
export const idempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "可选：重试写操作时带同一键，写操作只执行一次；24 小时内相同请求返回首次的响应（Idempotent-Replayed: true），" +
    "不同请求返回 422 / optional: retry a write with the same key and it runs once; for 24 hours the same request " +
    "gets the first response back (Idempotent-Replayed: true), a different one 422 (docs/integration.md)",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
} satisfies OpenAPIV3.ParameterObject;

/** The error responses, each the one error shape (contracts/errors.ts), by status. */
export const errorResponses: Record<string, OpenAPIV3.ResponseObject & { name: string }> = {
  400: {
    name: "BadRequest",
    description: "请求有误，errors 列出每个字段 / bad request; `errors` lists every field at fault",
  },
  401: { name: "Unauthorized", description: "未登录或会话已过期 / not signed in, or the session expired" },
  403: {
    name: "Forbidden",
    description:
      "无权操作、CSRF 令牌不符或须先修改初始密码 / not allowed, CSRF token missing, or the password must change",
  },
  404: { name: "NotFound", description: "不存在或无权查看 / not found, or not visible to the caller" },
  409: {
    name: "Conflict",
    description: "与当前状态冲突（版本、流转）/ conflicts with the current state (version, lifecycle)",
  },
  413: { name: "PayloadTooLarge", description: "文件过大 / the file is too large" },
  415: { name: "UnsupportedMediaType", description: "文件类型不符 / the file's type is not accepted" },
  422: {
    name: "UnprocessableEntity",
    description: "不符合办法规定（article 指明条款）/ a rule is not met; `article` names it",
  },
  423: { name: "Locked", description: "账号已锁定 / the account is locked" },
  429: { name: "TooManyRequests", description: "请求过于频繁 / too many requests; try again later" },
};

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const errorSchemaRef = "#/components/schemas/ApiError";
const idempotencyKeyRef = "#/components/parameters/IdempotencyKey";

interface RouteSchema {
  hide?: boolean;
  operationId?: string;
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Per route: the zod conversion, then operationId, security and the error responses it may give. */
export const routeTransform: SwaggerTransform = (input) => {
  const { route, url } = input;
  const schema = (input.schema ?? {}) as RouteSchema;
  if (schema.hide) return jsonSchemaTransform(input);
  const method = String(route.method);
  const config = route.config ?? {};
  // The standard refusals every route can give; a signed-in caller's routes also 401 and 403; a rate-limited one 429.
  const statuses = [400, ...(config.public ? [] : [401, 403]), 404, 409, 422, ...(config.rateLimit ? [429] : [])];
  const response = {
    ...Object.fromEntries(statuses.map((status) => [status, apiErrorSchema])),
    ...schema.response,
  };
  // Parameters are listed one by one, never a reference: a named schema used as params, query or headers is
  // converted as an unnamed copy of itself (its properties may still refer to components).
  const inline = (part: unknown) =>
    part instanceof z.ZodType && z.globalRegistry.get(part)?.id ? part.clone(part._zod.def) : part;
  const converted = jsonSchemaTransform({
    ...input,
    schema: {
      ...schema,
      params: inline(schema.params),
      querystring: inline(schema.querystring),
      headers: inline(schema.headers),
      response,
    },
  });
  const out = converted.schema as RouteSchema;
  out.operationId = operationIdOf(method, url, schema.operationId);
  // What the caller needs (any one of them), for integrators and the authorization matrix test.
  const abilities = routeAbilities(config.ability);
  if (abilities.length > 0) out["x-abilities"] = [...abilities];
  if (config.anySignedIn) out["x-any-signed-in"] = true;
  const writes = unsafeMethods.has(method);
  // A service account's token is another way in, on the routes open to it (http/bearer-routes.ts).
  out.security = config.public
    ? []
    : [
        writes && config.csrf !== false ? { session: [], csrf: [] } : { session: [] },
        ...(config.bearer ? [{ bearer: [] }] : []),
      ];

  // A route that declares no 2xx sends a file (a download, an export, a generated document).
  if (!Object.keys(out.response ?? {}).some((status) => status.startsWith("2"))) {
    out.response = {
      200: {
        description: "文件 / the file",
        content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      },
      ...out.response,
    };
  }
  return converted;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every `$ref` in `value`, rewritten by `rename` (which returns the ref itself when it keeps it). */
function mapRefs<T extends Json>(value: T, rename: (ref: string) => string): T {
  return JSON.parse(JSON.stringify(value), (key, inner) =>
    key === "$ref" && typeof inner === "string" ? rename(inner) : inner,
  );
}

const schemaRef = (name: string) => `#/components/schemas/${name}`;
const refName = (ref: string) => (ref.startsWith("#/components/schemas/") ? ref.slice(21) : null);

/** The names of the component schemas reachable from the paths. */
function reachable(paths: Json, schemas: Record<string, Json>): Set<string> {
  const seen = new Set<string>();
  const visit = (value: Json) => {
    JSON.stringify(value, (key, inner) => {
      const name = key === "$ref" && typeof inner === "string" ? refName(inner) : null;
      if (name && !seen.has(name) && schemas[name] !== undefined) {
        seen.add(name);
        visit(schemas[name]);
      }
      return inner;
    });
  };
  visit(paths);
  return seen;
}

/**
 * fastify-type-provider-zod emits every named schema twice, as read (`X`) and as written (`XInput`). Keep one
 * component where both read the same (`XInput` folded into `X`, found as the greatest fixed point, so mutually
 * referring pairs fold together), drop what no route uses, and name a schema only ever written `X`.
 */
function tidySchemas(document: JsonObject): void {
  const components = document.components as JsonObject;
  let schemas = components.schemas as Record<string, Json>;
  const pairs = new Set(Object.keys(schemas).filter((name) => schemas[`${name}Input`] !== undefined));
  for (let changed = true; changed; ) {
    changed = false;
    const fold = (ref: string) => {
      const name = refName(ref);
      return name?.endsWith("Input") && pairs.has(name.slice(0, -5)) ? schemaRef(name.slice(0, -5)) : ref;
    };
    for (const name of pairs) {
      const read = JSON.stringify(mapRefs(schemas[name]!, fold));
      const written = JSON.stringify(mapRefs(schemas[`${name}Input`]!, fold));
      if (read !== written) {
        pairs.delete(name);
        changed = true;
      }
    }
  }
  const folded = (ref: string) => {
    const name = refName(ref);
    return name?.endsWith("Input") && pairs.has(name.slice(0, -5)) ? schemaRef(name.slice(0, -5)) : ref;
  };
  for (const name of pairs) delete schemas[`${name}Input`];
  document.paths = mapRefs(document.paths as Json, folded);
  schemas = mapRefs(schemas as JsonObject, folded);

  const used = reachable(document.paths, schemas);
  const renamed = new Map<string, string>();
  for (const name of used) {
    const base = name.endsWith("Input") ? name.slice(0, -5) : null;
    if (base && !used.has(base)) renamed.set(name, base);
  }
  const rename = (ref: string) => {
    const name = refName(ref);
    return name && renamed.has(name) ? schemaRef(renamed.get(name)!) : ref;
  };
  document.paths = mapRefs(document.paths as Json, rename);
  components.schemas = Object.fromEntries(
    [...used]
      .map((name) => [renamed.get(name) ?? name, mapRefs(schemas[name]!, rename)] as const)
      .sort(([a], [b]) => a.localeCompare(b, "en")),
  );
}

const methodOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * The error responses as references to the shared ones, success descriptions in both languages, paths, methods and
 * statuses in a stable order (docs/openapi.json is compared with the served document byte for byte).
 */
function tidyOperations(document: JsonObject): void {
  const usedErrors = new Set<string>();
  const paths = document.paths as Record<string, JsonObject>;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const responses = operation.responses;
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        const content = isObject(response.content) ? response.content["application/json"] : undefined;
        const schema = isObject(content) ? content.schema : undefined;
        if (errorResponses[status] && isObject(schema) && schema.$ref === errorSchemaRef) {
          responses[status] = { $ref: `#/components/responses/${errorResponses[status].name}` };
          usedErrors.add(status);
        } else if (response.description === "Default Response") {
          response.description = status === "201" ? "已创建 / created" : "成功 / OK";
        }
      }
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  document.paths = Object.fromEntries(
    Object.entries(paths)
      .sort(([a], [b]) => a.localeCompare(b, "en"))
      .map(([path, operations]) => [
        path,
        Object.fromEntries(
          Object.entries(operations).sort(([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b)),
        ),
      ]),
  );
  const components = document.components as JsonObject;
  components.responses = Object.fromEntries(
    [...usedErrors]
      .sort()
      .map((status) => {
        const { name, description } = errorResponses[status]!;
        return [name, { description, content: { "application/json": { schema: { $ref: errorSchemaRef } } } }] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b, "en")),
  );
}

/** Every signed-in write takes an Idempotency-Key header (server/http/idempotency.ts); public writes do not. */
function addIdempotencyKey(document: JsonObject): void {
  for (const operations of Object.values(document.paths as Record<string, JsonObject>)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!unsafeMethods.has(method.toUpperCase()) || !isObject(operation)) continue;
      if (!Array.isArray(operation.security) || operation.security.length === 0) continue;
      operation.parameters = [
        ...(Array.isArray(operation.parameters) ? operation.parameters : []),
        { $ref: idempotencyKeyRef },
      ];
    }
  }
}

/** The whole document: the components the library emits, tidied; the security schemes; a stable order. */
export const documentTransform: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as unknown as JsonObject;
  tidySchemas(document);
  tidyOperations(document);
  addIdempotencyKey(document);
  const components = document.components as JsonObject;
  const ordered: JsonObject = {
    openapi: document.openapi!,
    info: document.info!,
    servers: document.servers!,
    tags: document.tags ?? [],
    paths: document.paths!,
    components: {
      securitySchemes: securitySchemes as unknown as Json,
      parameters: { IdempotencyKey: idempotencyKeyParameter as unknown as Json },
      responses: components.responses!,
      schemas: components.schemas!,
    },
  };
  if (!(ordered.tags as Json[]).length) delete ordered.tags;
  return ordered as ReturnType<SwaggerTransformObject>;
};

/** @fastify/swagger's options: the document's head, and the two transforms. */
export function openApiOptions(config: Config): FastifyDynamicSwaggerOptions {
  registerContractSchemas();
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "国合基地管理平台 API",
        description:
          "湖北省国际科技合作基地管理平台的接口（鄂科技规〔2025〕6号）。登录：POST /api/auth/login 设置会话 cookie，并返回写操作须带的 csrfToken（x-csrf-token 头）。所有错误为同一形状（ApiError）。\n\n" +
          "The API of the Hubei international S&T cooperation base platform. Sign in with POST /api/auth/login: it sets " +
          "the session cookie and returns the csrfToken that every write carries in the x-csrf-token header. Every " +
          "error has one shape (ApiError).",
        version: "0.1.0",
      },
      servers: [{ url: config.publicBaseUrl, description: "本平台 / this platform (PUBLIC_BASE_URL)" }],
      // Here already: @fastify/swagger reads the schemes a route's `security` names.
      components: { securitySchemes },
    },
    transform: routeTransform,
    transformObject: documentTransform,
  };
}

/** docs/openapi.json's text: the served document as it is ordered, two-space indented, ending in a newline. */
export function openApiText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Where `npm run openapi` writes the versioned copy. */
export const openApiPath = "docs/openapi.json";
