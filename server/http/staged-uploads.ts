import type { FastifyReply, FastifyRequest } from "fastify";
import { removeStagedFile, type StagedFile, stageFile } from "../storage/staged-file";
import { apiError } from "./errors";

/** A body the client cut short: its 400, to upload again. */
export const uploadInterrupted = () =>
  apiError(
    400,
    "upload-interrupted",
    "上传未完成（连接中断），请重新上传。",
    "The upload ended before the file was complete; upload it again.",
  );

interface RequestStaging {
  /** The response is over (sent, or the connection dropped): nothing staged from now on may stay. */
  closed: boolean;
  paths: Set<string>;
}

const stagings = new WeakMap<FastifyRequest, RequestStaging>();

async function remove(request: FastifyRequest, path: string) {
  await removeStagedFile(path).catch((error: unknown) => request.log.warn({ err: error, path }, "staging file kept"));
}

/**
 * `preValidation` hook (a body is known to be multipart once parsed): the request's staging files are removed once its
 * response is over, whatever happened (refused, failed, stored — a file already renamed into the store is no longer
 * there to remove). On the response's `close`: it follows `finish`, and it also comes when the connection drops,
 * where `onResponse` never runs and `onRequestAbort` only does if the body was incomplete.
 */
export function removeStagedUploads(request: FastifyRequest, reply: FastifyReply, done: () => void) {
  if (request.isMultipart()) {
    const staging: RequestStaging = { closed: false, paths: new Set() };
    stagings.set(request, staging);
    reply.raw.once("close", () => {
      staging.closed = true;
      for (const path of staging.paths) void remove(request, path);
    });
  }
  done();
}

/**
 * Streams a request's file to `path` (`stageFile`), to be removed when the response is over. A connection that
 * dropped while the file was written leaves nothing behind: the file is removed and the request refused.
 */
export async function stageRequestFile(
  request: FastifyRequest,
  path: string,
  source: AsyncIterable<Uint8Array>,
): Promise<StagedFile> {
  const staging = stagings.get(request);
  staging?.paths.add(path);
  const staged = await stageFile(path, source);
  request.server.metrics?.uploadBytes.inc(staged.size);
  if (staging?.closed) {
    await remove(request, path);
    throw uploadInterrupted();
  }
  return staged;
}
