import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ApiErrorBody, FieldError } from "../../contracts/errors";
import { type ApiError, apiError } from "./errors";

/** One method and pattern the app registered (`/api/applications/:id`, `/api/docs/static/*`). */
export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered after the input edge, as the router knows it: read by the security suites. */
    registeredRoutes: ReadonlyArray<RegisteredRoute>;
  }
}

/**
 * The input edge: bytes no column can hold (U+0000, unpaired UTF-16 surrogates) and control characters are refused
 * here, once for every route, before any validation or handler sees the request — never silently changed.
 *
 * Where each rule applies (docs/ARCHITECTURE.md, "The path of one request", between steps 2 and 3):
 * - path parameters and query parameters (keys and values): every C0 control (U+0000–U+001F), DEL (U+007F) and any
 *   unpaired surrogate; a percent-escape that is malformed or does not decode as UTF-8 (`%ZZ`, `%ED%A0%80` — a
 *   surrogate in CESU-8) is refused too instead of being kept as literal text;
 * - JSON and text bodies, and multipart text fields (keys and values, at any depth): U+0000, the other C0 controls
 *   except tab, line feed and carriage return (XML-based documents cannot carry them) and any unpaired surrogate;
 *   multipart file names: every C0 control.
 * The answer is one 400 `invalid-characters` naming every field at fault (`params.id`, `query.q`, `body.username`,
 * `body.partners.0.name`, …).
 *
 * Order: the session, CSRF and the route's ability are checked first (request-context.ts, `onRequest`), so a caller
 * without access gets its 401/403 before any 400, as with every other validation; the body is parsed, then this
 * `preValidation` hook runs before the route's own hooks, zod validation and the handler. A path whose escapes do
 * not decode is refused by the router itself, before everything (`frameworkErrors` below).
 *
 * Multipart bodies are read by the handler (`request.file()`); for them this edge refuses a content type without a
 * boundary, wraps `request.file()` and the reading of its file so a malformed body is a 400 (not the parser's bare
 * error, a 500), and checks the text fields and the file name when the part is handed over and again whenever the
 * route reads `part.fields`.
 */

/** Path ids and query parameters: C0 controls, DEL, unpaired surrogates (with `u`, a surrogate pair is one code point). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const strictForbidden = /[\u0000-\u001f\u007f\ud800-\udfff]/u;
/** Free text: tab, LF and CR are text; NUL, the other C0 controls and unpaired surrogates are not. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const textForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/u;

/** At most this many fields are listed; the message still counts them all. */
const maxListed = 20;

function hex(codePoint: number) {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describe(character: string): { zh: string; en: string } {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
    return { zh: `未配对的代理码元 ${hex(codePoint)}`, en: `unpaired surrogate ${hex(codePoint)}` };
  }
  return { zh: `控制字符 ${hex(codePoint)}`, en: `control character ${hex(codePoint)}` };
}

/** A key that cannot be shown as it is, printed with its offending characters escaped. */
function printable(key: string, forbidden: RegExp) {
  if (!forbidden.test(key)) return key;
  const all = new RegExp(forbidden.source, "gu");
  return key.replace(all, (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}

class Findings {
  readonly listed: FieldError[] = [];
  count = 0;

  add(error: FieldError) {
    this.count += 1;
    if (this.listed.length < maxListed) this.listed.push(error);
  }

  character(path: string, character: string, ofKey = false) {
    const what = describe(character);
    this.add({
      path,
      messageZh: `${ofKey ? "字段名" : ""}含有不允许的字符（${what.zh}）`,
      messageEn: `${ofKey ? "The field name contains" : "Contains"} a character that is not allowed (${what.en})`,
    });
  }

  /** Every string in `value` (object keys too, at any depth), walked without recursion: nesting cannot overflow. */
  scan(value: unknown, prefix: string, forbidden: RegExp) {
    // Children are pushed in reverse, so they are visited (and listed) in document order.
    const stack: Array<{ value: unknown; path: string; key?: string }> = [{ value, path: prefix }];
    while (stack.length > 0) {
      const { value: current, path, key } = stack.pop()!;
      const badKey = key === undefined ? null : forbidden.exec(key);
      if (badKey) {
        this.character(path, badKey[0], true);
      } else if (typeof current === "string") {
        const found = forbidden.exec(current);
        if (found) this.character(path, found[0]);
      } else if (Array.isArray(current)) {
        for (let index = current.length - 1; index >= 0; index -= 1) {
          stack.push({ value: current[index], path: `${path}.${index}` });
        }
      } else if (current !== null && typeof current === "object" && !Buffer.isBuffer(current)) {
        const entries = Object.entries(current);
        for (let index = entries.length - 1; index >= 0; index -= 1) {
          const [name, child] = entries[index]!;
          stack.push({ value: child, path: `${path}.${printable(name, forbidden)}`, key: name });
        }
      }
    }
  }

  refusal(): ApiError | null {
    if (this.count === 0) return null;
    return invalidCharacters(this.listed, this.count);
  }
}

export function invalidCharacters(errors: FieldError[], count = errors.length): ApiError {
  const first = errors[0];
  return apiError(
    400,
    "invalid-characters",
    `输入含有不允许的字符：${first ? `${first.path} — ${first.messageZh}` : "请检查填写内容"}（共 ${count} 处）`,
    `Input contains characters that are not allowed: ${first ? `${first.path} — ${first.messageEn}` : "check the form"} (${count} in all)`,
    errors,
  );
}

const malformedEscape = {
  messageZh: "百分号编码无效或不是 UTF-8 编码",
  messageEn: "Malformed percent-encoding or not UTF-8",
};

/** Keys of the parsed query whose key or value had an escape that does not decode, kept by `parseQuerystring`. */
const malformedKeys = Symbol("malformed query keys");

function decodeComponent(text: string): string | null {
  const spaced = text.includes("+") ? text.replaceAll("+", " ") : text;
  if (!spaced.includes("%")) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

/**
 * The query string parser (the router's default is lenient: an escape that does not decode stays literal text).
 * Same result otherwise — `+` is a space, a repeated key an array, a key without `=` an empty string; the keys
 * whose escapes do not decode are remembered so the edge refuses them.
 */
export function parseQuerystring(raw: string): Record<string, unknown> {
  const result: Record<string, string | string[]> = Object.create(null);
  const malformed: string[] = [];
  for (const pair of raw.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? "" : pair.slice(equals + 1);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    const name = key ?? rawKey;
    if (key === null || value === null) malformed.push(name);
    const text = value ?? rawValue;
    const existing = result[name];
    if (existing === undefined) result[name] = text;
    else if (Array.isArray(existing)) existing.push(text);
    else result[name] = [existing, text];
  }
  if (malformed.length > 0) Object.defineProperty(result, malformedKeys, { value: malformed, enumerable: false });
  return result;
}

function malformedMultipart(detailZh: string, detailEn: string): ApiError {
  return apiError(
    400,
    "invalid-multipart",
    `上传内容（multipart/form-data）格式有误：${detailZh}。`,
    `The multipart/form-data body is malformed: ${detailEn}.`,
  );
}

/** The parser's own errors carry a status (413 limits, …); a bare error from it means the body is malformed. */
function asMultipartError(error: unknown): unknown {
  if (typeof (error as { statusCode?: unknown } | null)?.statusCode === "number") return error;
  if (error instanceof Error && error.name === "ApiError") return error;
  return malformedMultipart("无法解析", error instanceof Error ? error.message : "cannot be parsed");
}

/** The boundary parameter of a multipart content type (RFC 2046: 1–70 characters), or null. */
function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? "";
  return boundary.length >= 1 && boundary.length <= 70 ? boundary : null;
}

interface MultipartValue {
  type: "field" | "file";
  fieldname: string;
  value?: unknown;
  filename?: string;
}

function checkFields(fields: Record<string, MultipartValue | MultipartValue[] | undefined>) {
  const findings = new Findings();
  for (const [name, entry] of Object.entries(fields)) {
    const found = textForbidden.exec(name);
    if (found) {
      findings.character(`body.${printable(name, textForbidden)}`, found[0], true);
      continue;
    }
    for (const value of Array.isArray(entry) ? entry : entry ? [entry] : []) {
      if (value.type === "field") findings.scan(value.value, `body.${name}`, textForbidden);
      else if (typeof value.filename === "string")
        findings.scan(value.filename, `body.${name}.filename`, strictForbidden);
    }
  }
  const refusal = findings.refusal();
  if (refusal) throw refusal;
}

type FileMethod = FastifyRequest["file"];
type Part = NonNullable<Awaited<ReturnType<FileMethod>>>;

/** Checks the file part's name and the fields before it; `part.fields` is checked again whenever it is read. */
function guardPart(part: Part): Part {
  const fields = part.fields as unknown as Record<string, MultipartValue | MultipartValue[] | undefined>;
  checkFields(fields);
  // Reading the file (streamed to disk by readUpload, or through `toBuffer`, which iterates it too) fails the same way.
  const file = part.file;
  const chunks = file[Symbol.asyncIterator].bind(file);
  file[Symbol.asyncIterator] = async function* () {
    try {
      yield* chunks();
    } catch (error) {
      throw asMultipartError(error);
    }
  };
  Object.defineProperty(part, "fields", {
    configurable: true,
    enumerable: true,
    get() {
      checkFields(fields);
      return fields;
    },
  });
  return part;
}

function guardMultipart(request: FastifyRequest) {
  if (!boundaryOf(request.headers["content-type"] ?? "")) {
    throw malformedMultipart("缺少 boundary 参数", "the content type has no boundary");
  }
  const file = request.file.bind(request);
  request.file = (async (options?: Parameters<FileMethod>[0]) => {
    let part: Part | undefined;
    try {
      part = await file(options);
    } catch (error) {
      throw asMultipartError(error);
    }
    return part ? guardPart(part) : part;
  }) as FileMethod;
}

/** The edge check for every route: params and query strictly, bodies as text, multipart through its reader. */
export const inputEdge = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const findings = new Findings();
    findings.scan(request.params, "params", strictForbidden);
    const query = request.query as Record<string | symbol, unknown> | undefined;
    for (const key of (query?.[malformedKeys] as string[] | undefined) ?? []) {
      findings.add({ path: `query.${printable(key, strictForbidden)}`, ...malformedEscape });
    }
    findings.scan(query, "query", strictForbidden);
    if (typeof request.isMultipart === "function" && request.isMultipart()) {
      const refusal = findings.refusal();
      if (refusal) throw refusal;
      guardMultipart(request);
      return;
    }
    findings.scan(request.body, "body", textForbidden);
    const refusal = findings.refusal();
    if (refusal) throw refusal;
  });
});

function decodes(segment: string) {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The parameters whose raw path segment does not decode, of the route the router matched (a pattern without a
 * wildcard before one with: find-my-way prefers static and parametric nodes), or null if no pattern matches.
 */
function undecodableParams(routes: ReadonlyArray<RegisteredRoute>, method: string, path: string) {
  const segments = path.split("/");
  const ordered = [...routes.filter((r) => !r.url.includes("*")), ...routes.filter((r) => r.url.includes("*"))];
  for (const route of ordered) {
    if (route.method !== method && !(method === "HEAD" && route.method === "GET")) continue;
    const pattern = route.url.split("/");
    const names: string[] = [];
    let matches = pattern.length === segments.length || pattern.at(-1) === "*";
    for (let index = 0; matches && index < pattern.length; index += 1) {
      const part = pattern[index]!;
      const segment = segments[index];
      if (part === "*") {
        if (!decodes(segments.slice(index).join("/"))) names.push("*");
        break;
      }
      if (segment === undefined) matches = false;
      else if (part.startsWith(":")) {
        if (!decodes(segment)) names.push(part.slice(1).replace(/\(.*$/, ""));
      } else if (part !== segment) matches = false;
    }
    if (matches && names.length > 0) return names;
  }
  return null;
}

/**
 * The router's own refusals (options `frameworkErrors`): a path whose escapes do not decode (`%ED%A0%80`, `%ZZ`) is a
 * 400 `invalid-characters` naming the parameter, a parameter over the router's length limit a 414, in the one shape.
 * They are answered before any hook runs: the route is not known yet, so neither is its session requirement.
 */
export function routerErrors() {
  const routes: RegisteredRoute[] = [];
  return {
    /** Registered before the routes: remembers every route's pattern to name the parameter at fault. */
    collectRoutes: fp(async (app: FastifyInstance) => {
      app.decorate("registeredRoutes", routes);
      app.addHook("onRoute", (route) => {
        for (const method of [route.method].flat()) routes.push({ method, url: route.url });
      });
    }),
    frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
      const path = (request.raw.url ?? "").split("?")[0] ?? "";
      if (error.code === "FST_ERR_BAD_URL") {
        const names = undecodableParams(routes, request.raw.method ?? "GET", path) ?? [];
        const fields = names.length > 0 ? names.map((name) => `params.${name}`) : ["url"];
        return reply
          .code(400)
          .send(invalidCharacters(fields.map((field) => ({ path: field, ...malformedEscape }))).body);
      }
      if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
        const body: ApiErrorBody = {
          code: "uri-too-long",
          messageZh: "请求地址中的参数过长。",
          messageEn: "A parameter in the request path is too long.",
        };
        return reply.code(414).send(body);
      }
      request.log.error({ err: error }, "router error");
      const body: ApiErrorBody = {
        code: "internal",
        messageZh: `服务器内部错误，请稍后重试（请求编号 ${request.id}）。`,
        messageEn: `Internal error; please try again (request ${request.id}).`,
      };
      return reply.code(500).send(body);
    },
  };
}
