import type { FastifyReply, FastifyRequest } from "fastify";
import { type ApiError, apiError } from "../../http/errors";
import { stageRequestFile, uploadInterrupted } from "../../http/staged-uploads";
import { inUploadSlot } from "../../http/upload-slots";
import type { FileStore } from "../../storage/files";
import { removeStagedFile, type StagedFile } from "../../storage/staged-file";

/**
 * What a failure while reading the file part becomes: only the size limit is the uploader's 413; a body the client
 * cut short is its 400 (a malformed part is already a 400 `invalid-multipart` from the input edge); anything else is
 * not the client's doing and propagates as it is.
 */
export function uploadStreamError(error: unknown, tooLarge: () => ApiError): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return tooLarge();
  if (code === "FST_MP_PREMATURE_CLOSE") return uploadInterrupted();
  return error;
}

/**
 * Reads one multipart upload (fields before the file part included), streaming the file to the store's staging
 * directory: never whole in memory, its SHA-256 and head read off the written file on the digest thread
 * (storage/file-digest.ts; FileStore.save stores it by a rename), in one of the process's upload slots
 * (http/upload-slots.ts). Over the limit → 413 in the error shape. The
 * staging file goes when the response is over (http/staged-uploads.ts).
 */
export async function readUpload(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<{ name: string; content: StagedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw apiError(
      415,
      "unsupported-media-type",
      "请以 multipart/form-data 上传文件。",
      "Upload as multipart/form-data.",
    );
  }
  return inUploadSlot(() => readFilePart(request, store, maxBytes));
}

async function readFilePart(
  request: FastifyRequest,
  store: FileStore,
  maxBytes: number,
): Promise<{ name: string; content: StagedFile; fields: Record<string, string> }> {
  // A client that left while its upload waited for a slot sends nothing more; the parser would wait for it for ever.
  if (request.raw.destroyed) throw uploadInterrupted();
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) {
    throw apiError(400, "invalid-input", "未收到文件。", "No file received.", [
      { path: "file", messageZh: "请选择文件", messageEn: "Choose a file" },
    ]);
  }
  const tooLarge = () =>
    apiError(
      413,
      "too-large",
      `文件超过 ${maxBytes / 1024 / 1024} MB 上限。`,
      `The file exceeds ${maxBytes / 1024 / 1024} MB.`,
    );
  // The parser stops passing bytes on at the limit and marks the stream truncated: the staged file stays ≤ maxBytes.
  const content = await stageRequestFile(request, store.stagingPath(), part.file).catch((error: unknown) => {
    throw uploadStreamError(error, tooLarge);
  });
  if (part.file.truncated) {
    await removeStagedFile(content.path);
    throw tooLarge();
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === "field" && typeof field.value === "string") fields[key] = field.value;
  }
  return { name: part.filename, content, fields };
}

/**
 * Sends a generated or stored file as a download, its name encoded for browsers (RFC 6266 / 5987); `inline` (the
 * caller checked the type is safe to show: PDF, images) lets the browser show it in a frame instead.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { name: string; mediaType: string; content: Buffer },
  options: { inline?: boolean } = {},
) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const disposition = options.inline ? "inline" : "attachment";
  return reply
    .header("content-type", file.mediaType)
    .header(
      "content-disposition",
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header("cache-control", "private, no-store")
    .send(file.content);
}
