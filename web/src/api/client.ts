import createClient, { type Middleware } from "openapi-fetch";
import { toApiError } from "./errors";
import type { components, paths } from "./schema";

/**
 * The web's only way to the API: an openapi-fetch client typed by the generated `paths` (schema.d.ts, written by
 * `npm run openapi` from docs/openapi.json). A call names a documented path template and gives its parameters and
 * body as the document types them, and answers what the document says the route answers; a route that changes and a
 * web that does not follow fail `npm run typecheck`.
 *
 *   api.get("/api/units/{id}", { path: { id } })          → Promise<Unit>
 *   api.get("/api/units", { query: { q, page } })          → Promise<UnitPage>
 *   api.post("/api/units/{id}/reject", { path: { id }, body: { reason } })
 *
 * Behaviour kept from the hand-written client: same-origin cookies, JSON, the `x-csrf-token` header on every write, a
 * 401 outside /api/auth/* tells the shell the session ended, and every failure is thrown as an ApiError (errors.ts).
 */

type Method = "get" | "put" | "post" | "delete" | "patch";

/** The documented paths that have an operation for `method`. */
export type PathsFor<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type ParametersOf<O> = O extends { parameters: infer X } ? X : never;
type PathParamsOf<O> = ParametersOf<O> extends { path: infer X } ? X : never;
type QueryOf<O> = ParametersOf<O> extends { query?: infer Q } ? Exclude<Q, undefined> : never;
type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } } ? B : never;
type ReplyOf<O> = O extends { responses: { 200: { content: { "application/json": infer R } } } }
  ? R
  : O extends { responses: { 201: { content: { "application/json": infer R } } } }
    ? R
    : never;

type PathPart<O> = [PathParamsOf<O>] extends [never] ? { path?: never } : { path: PathParamsOf<O> };
type QueryPart<O> = [QueryOf<O>] extends [never]
  ? { query?: never }
  : Record<string, never> extends QueryOf<O>
    ? { query?: QueryOf<O> }
    : { query: QueryOf<O> };
type BodyPart<O> = [BodyOf<O>] extends [never] ? { body?: never } : { body: BodyOf<O> };
type Init<O> = PathPart<O> & QueryPart<O> & BodyPart<O>;
/** The init argument: optional when the operation needs no parameter and no body. */
type InitArgs<O> = Record<string, never> extends Init<O> ? [init?: Init<O>] : [init: Init<O>];

/** An operation's JSON body (for the scenes' form types), e.g. `Body<"/api/units", "post">`. */
export type Body<P extends PathsFor<M>, M extends Method> = BodyOf<Operation<P, M>>;
/** What an operation answers on success (its 200 or 201 JSON). */
export type Reply<P extends PathsFor<M>, M extends Method = "get"> = ReplyOf<Operation<P, M>>;
/** An operation's query parameters, e.g. `Query<"/api/units">`. */
export type Query<P extends PathsFor<M>, M extends Method = "get"> = QueryOf<Operation<P, M>>;
/** A named component of the document, e.g. `Schema<"Unit">`. */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

type QueryValue = string | number | boolean | null | undefined;

/** The query string as the hand-written client wrote it: empty, null and undefined values are left out. */
function queryString(query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  return params.toString();
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token from /api/auth/me or the login response; it goes back in `x-csrf-token`. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when any request answers 401 (expired or missing session), so the shell can return to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler;
}

function csrfFromCookie(): string | null {
  const match = document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

const session: Middleware = {
  onRequest({ request }) {
    if (!unsafeMethods.has(request.method)) return;
    const token = csrfToken ?? csrfFromCookie();
    if (token) request.headers.set("x-csrf-token", token);
  },
  onResponse({ response, schemaPath }) {
    // /api/auth/* answers 401 as part of signing in or asking who is signed in: not a session that ended.
    if (response.status === 401 && !schemaPath.startsWith("/api/auth/")) onUnauthenticated?.();
  },
};

const client = createClient<paths>({
  credentials: "same-origin",
  headers: { accept: "application/json" },
  querySerializer: queryString,
});
client.use(session);

interface AnyInit {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

// The one untyped step: each public method below is typed by `paths`, and hands its checked arguments on here.
const request = client.request as unknown as (
  method: Method,
  path: string,
  init: { params: { path?: Record<string, unknown>; query?: Record<string, unknown> }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

async function send(method: Method, path: string, init: AnyInit = {}, body: unknown = init.body): Promise<unknown> {
  let result: Awaited<ReturnType<typeof request>>;
  try {
    result = await request(method, path, { params: { path: init.path, query: init.query }, body });
  } catch {
    throw toApiError(0, null);
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error ?? null);
  return result.data;
}

function method<M extends Method>(name: M) {
  return <P extends PathsFor<M>>(path: P, ...init: InitArgs<Operation<P, M>>) =>
    send(name, path, init[0] as AnyInit | undefined) as Promise<ReplyOf<Operation<P, M>>>;
}

type UploadInit<O> = PathPart<O> & {
  /** Form fields sent before the file, where the server reads them. */
  fields?: Record<string, string>;
  /** The file's field name (default `file`). */
  field?: string;
};
type UploadArgs<O> = Record<string, never> extends PathPart<O> ? [init?: UploadInit<O>] : [init: UploadInit<O>];

/** The typed API client (see above). */
export const api = {
  get: method("get"),
  post: method("post"),
  put: method("put"),
  patch: method("patch"),
  delete: method("delete"),
  /** A multipart upload to a documented POST route (the document does not describe multipart bodies). */
  upload: <P extends PathsFor<"post">>(path: P, file: File, ...init: UploadArgs<Operation<P, "post">>) => {
    const options = (init[0] ?? {}) as AnyInit & { fields?: Record<string, string>; field?: string };
    const form = new FormData();
    for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
    form.append(options.field ?? "file", file);
    return send("post", path, options, form) as Promise<ReplyOf<Operation<P, "post">>>;
  },
};

type HrefInit<O> = PathPart<O> & QueryPart<O>;
type HrefArgs<O> = Record<string, never> extends HrefInit<O> ? [init?: HrefInit<O>] : [init: HrefInit<O>];

/**
 * The URL of a documented GET route, for a plain link (a download, an export): the browser sends the session cookie.
 * `href("/api/units/{id}/dossier.zip", { path: { id } })`.
 */
export function href<P extends PathsFor<"get">>(path: P, ...init: HrefArgs<Operation<P, "get">>): string {
  const options = (init[0] ?? {}) as AnyInit;
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(options.path?.[name] ?? `{${name}}`)),
  );
  const search = queryString(options.query);
  return search ? `${url}?${search}` : url;
}

/** A document's bytes from a link `href` built (a Word file previewed in the page), with the reader's session. */
export async function fileBlob(url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw toApiError(0, null);
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  return response.blob();
}

interface Health {
  status: "ok";
  /** Present only when the platform runs on a demo clock (DEMO_CLOCK). */
  demoClock?: string;
}

/**
 * GET /healthz, the probe outside /api that the document leaves out (server/routes/health): its shape is declared
 * here, the one response the web reads that the generated types do not cover.
 */
export async function health(): Promise<Health> {
  let response: Response;
  try {
    response = await fetch("/healthz", { credentials: "same-origin", headers: { accept: "application/json" } });
  } catch {
    throw toApiError(0, null);
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, data);
  return data as Health;
}
