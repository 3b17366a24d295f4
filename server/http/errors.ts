import type { ApiErrorBody, FieldError } from "../../contracts/errors";
import type { Refusal } from "../../policy/refusal";
import { type RefusalKind, Refused } from "../domain/refused";

/** The one mapping of a domain refusal's kind to its HTTP status. */
export const statusOfKind = {
  "invalid-input": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "too-large": 413,
  "unsupported-type": 415,
  rule: 422,
  locked: 423,
} as const satisfies Record<RefusalKind, number>;

/** The statuses a refusal can have: exactly one per kind. */
export type RefusalStatus = (typeof statusOfKind)[RefusalKind];

const kindOfStatus = new Map(
  (Object.entries(statusOfKind) as Array<[RefusalKind, RefusalStatus]>).map(([kind, status]) => [status, kind]),
);

/**
 * A refusal raised at the HTTP edge (routes, request context) with its status chosen there; domain code throws
 * `Refused` instead. It is a `Refused` (its kind read back from the one mapping), so `execute` audits it as one.
 */
export class ApiError extends Refused {
  constructor(
    readonly status: RefusalStatus,
    readonly body: ApiErrorBody,
  ) {
    super(kindOfStatus.get(status)!, body);
    this.name = "ApiError";
  }
}

export function apiError(
  status: RefusalStatus,
  code: string,
  messageZh: string,
  messageEn: string,
  errors?: FieldError[],
) {
  return new ApiError(status, { code, messageZh, messageEn, ...(errors ? { errors } : {}) });
}

/** A policy refusal as an HTTP error: 409 for a state conflict, 422 for a rule not met. */
export function fromRefusal(refusal: Refusal, status: RefusalStatus = 422): ApiError {
  return new ApiError(status, {
    code: refusal.code,
    messageZh: refusal.messageZh,
    messageEn: refusal.messageEn,
    ...(refusal.article ? { article: refusal.article } : {}),
    ...(refusal.path
      ? { errors: [{ path: refusal.path, messageZh: refusal.messageZh, messageEn: refusal.messageEn }] }
      : {}),
  });
}

export const errors = {
  unauthenticated: () => apiError(401, "unauthenticated", "请先登录。", "Please sign in."),
  forbidden: (_ability: string) =>
    apiError(
      403,
      "forbidden",
      // In words only: the ability's code is for the logs, not for the person refused (issue 13 item 7).
      "您没有执行此操作的权限。",
      "You are not allowed to do this.",
    ),
  passwordChangeRequired: () =>
    apiError(
      403,
      "password-change-required",
      "请先修改初始密码，再使用本系统。",
      "Change your initial password before using the platform.",
    ),
  notFound: (what: string, whatZh: string) =>
    apiError(404, "not-found", `${whatZh}不存在或您无权查看。`, `${what} not found or not visible to you.`),
  staleVersion: () =>
    apiError(
      409,
      "stale-version",
      "该记录已被他人修改，请刷新后再保存。",
      "This record was changed by someone else; reload it before saving.",
    ),
  csrf: () =>
    apiError(
      403,
      "csrf",
      "请求缺少有效的 CSRF 令牌，请刷新页面后重试。",
      "Missing or invalid CSRF token; reload the page.",
    ),
  invalidToken: () =>
    apiError(
      401,
      "invalid-token",
      "API 令牌无效、已过期或已吊销，请向系统管理员申请新令牌。",
      "The API token is unknown, expired or revoked; ask the system administrator for a new one.",
    ),
  tokenNotAllowed: () =>
    apiError(
      403,
      "token-not-allowed",
      "该接口不接受 API 令牌，请查阅对接指南中服务账号可调用的接口。",
      "This endpoint does not take API tokens; see the integration guide for the endpoints a service account may call.",
    ),
};

/** A domain refusal as an HTTP error in the one error shape: a single `path` becomes the one field at fault. */
export function fromRefused(error: Refused): ApiError {
  const { errors, path, article, code, messageZh, messageEn, existingId } = error.refusal;
  const fields = errors ?? (path ? [{ path, messageZh, messageEn }] : undefined);
  return new ApiError(statusOfKind[error.kind], {
    code,
    messageZh,
    messageEn,
    ...(article ? { article } : {}),
    ...(fields ? { errors: fields } : {}),
    ...(existingId ? { existingId } : {}),
  });
}

/** ApiError as it is (it is already mapped), any other domain refusal mapped; anything else is not a refusal. */
export function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof Refused) return fromRefused(error);
  return null;
}
