import type { Language } from "../i18n/define";
import type { components } from "./schema";

/** The server's one error shape, as the OpenAPI document names it (contracts/errors.ts on the server side). */
type ApiErrorBody = components["schemas"]["ApiError"];
type FieldError = components["schemas"]["FieldError"];

/** A failed API call, carrying the server's one error shape (contracts/errors.ts) in both languages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly article: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The record a conflict is about (the unit's standing application in a call), when the server names it. */
  readonly existingId: string | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.messageEn);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.messageZh = body.messageZh;
    this.messageEn = body.messageEn;
    this.article = body.article;
    this.fieldErrors = body.errors ?? [];
    this.existingId = body.existingId;
  }

  /** The message in the current UI language. */
  localized(language: Language): string {
    return language === "zh" ? this.messageZh : this.messageEn;
  }
}

/** Guards a JSON body before trusting it as the error shape; anything else gets a generic message per status. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body);
  return new ApiError(status, genericError(status));
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== "object" || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.code === "string" &&
    typeof candidate.messageZh === "string" &&
    typeof candidate.messageEn === "string"
  );
}

function genericError(status: number): ApiErrorBody {
  if (status === 0)
    return {
      code: "network",
      messageZh: "无法连接服务器，请检查网络后重试。",
      messageEn: "Cannot reach the server; check the network and retry.",
    };
  if (status === 429)
    return {
      code: "rate-limited",
      messageZh: "请求过于频繁，请稍后再试。",
      messageEn: "Too many requests; try again later.",
    };
  if (status >= 500)
    return {
      code: "server-error",
      messageZh: `服务器出错（${status}），请稍后再试。`,
      messageEn: `Server error (${status}); try again later.`,
    };
  return {
    code: "http-error",
    messageZh: `请求失败（${status}）。`,
    messageEn: `The request failed (${status}).`,
  };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any thrown value as a message in the current language. */
export function errorMessage(error: unknown, language: Language): string {
  if (error instanceof ApiError) return error.localized(language);
  if (error instanceof Error) return error.message;
  return String(error);
}
