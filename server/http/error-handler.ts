import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { ApiErrorBody } from "../../contracts/errors";
import { auditOutcome, type CommandDeps } from "../commands/command";
import type { Refused } from "../domain/refused";
import { type ApiError, asApiError } from "./errors";
import { actorOf } from "./request-context";

const statusCodes: Record<number, { code: string; zh: string; en: string }> = {
  400: { code: "bad-request", zh: "请求格式有误。", en: "The request is malformed." },
  413: { code: "too-large", zh: "上传内容过大。", en: "The upload is too large." },
  415: { code: "unsupported-media-type", zh: "不支持的内容类型。", en: "Unsupported content type." },
  429: { code: "rate-limited", zh: "请求过于频繁，请稍后再试。", en: "Too many requests; try again later." },
};

/**
 * Framework and plugin errors whose own status is not the one this API answers: the multipart plugin calls a
 * non-multipart request and a multipart JSON field that does not parse "406 Not Acceptable", which is about the
 * response's type; they are about the request's (415) and its syntax (400).
 */
const statusOfFrameworkCode: Record<string, number> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: 415,
  FST_INVALID_JSON_FIELD_ERROR: 400,
  FST_PROTO_VIOLATION: 400,
};

/** One place maps every error to the one error shape; bad input never becomes a 500. */
export function errorHandler(deps: CommandDeps) {
  return async (error: FastifyError | ApiError | Refused, request: FastifyRequest, reply: FastifyReply) => {
    const refusal = asApiError(error);
    if (refusal) {
      // 403s are refusals worth an audit line; 401s are not attributable, 4xx validation noise is not a refusal.
      if (refusal.status === 403 && request.caller) {
        await auditOutcome(
          deps,
          actorOf(request),
          `${request.method} ${request.routeOptions.url ?? request.url}`,
          null,
          "refused",
          refusal,
        );
      }
      return reply.code(refusal.status).send(refusal.body);
    }
    const framework = error as FastifyError;
    const status = statusOfFrameworkCode[framework.code] ?? framework.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = statusCodes[status] ?? statusCodes[400]!;
      const body: ApiErrorBody = { code: known.code, messageZh: known.zh, messageEn: known.en };
      if (framework.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") body.code = "unsupported-media-type";
      if (status === 400 && framework.message) body.messageEn = `${known.en} ${framework.message}`;
      return reply.code(status).send(body);
    }
    request.log.error({ err: error }, "unhandled error");
    if (request.caller) {
      await auditOutcome(
        deps,
        actorOf(request),
        `${request.method} ${request.routeOptions.url ?? request.url}`,
        null,
        "failed",
        error,
      );
    }
    return reply.code(500).send({
      code: "internal",
      messageZh: `服务器内部错误，请稍后重试（请求编号 ${request.id}）。`,
      messageEn: `Internal error; please try again (request ${request.id}).`,
    });
  };
}
