import { toApiError } from "./errors";

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
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

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined || unsafeMethods.has(method)) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body ?? {});
  }
  if (unsafeMethods.has(method)) {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers["x-csrf-token"] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: "same-origin" });
  } catch {
    throw toApiError(0, null);
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, data);
    // /api/auth/* answers 401 as part of signing in or asking who is signed in: not a session that ended.
    if (response.status === 401 && !path.startsWith("/api/auth/")) onUnauthenticated?.();
    throw error;
  }
  return data as T;
}

/** The typed fetch wrapper every endpoint module goes through: same-origin cookies, JSON, CSRF, one error shape. */
export const http = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: <T>(path: string) => request<T>("DELETE", path),
  upload: <T>(path: string, file: File, field = "file") => {
    const form = new FormData();
    form.append(field, file);
    return request<T>("POST", path, { form });
  },
  /** A DELETE carrying a JSON body (the reason recorded in the audit log). */
  deleteWith: <T>(path: string, body: unknown) => request<T>("DELETE", path, { body }),
  /** Multipart upload with form fields; they go before the file, where the server reads them. */
  uploadWithFields: <T>(path: string, file: File, fields: Record<string, string>, field = "file") => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append(field, file);
    return request<T>("POST", path, { form });
  },
};
