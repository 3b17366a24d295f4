import { z } from "zod";
import { errorResponses } from "../../../contracts/errors";
import { unitRegistration } from "../../../contracts/organisations";
import { registerUnit } from "../../commands/register-unit";
import { apiError } from "../../http/errors";
import { actorOf } from "../../http/request-context";
import type { FileStore } from "../../storage/files";
import type { RouteDeps, TypedApp } from "../types";

const storedFile = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  mediaType: z.string(),
});

/** Self-registration of host units: the only writes open to anonymous callers, rate-limited per IP. */
export async function publicRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  app.post(
    "/api/public/files",
    {
      config: { public: true, csrf: false, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["public"],
        summary: "上传授权书（PDF/图片，≤ 10 MB）/ upload an authorisation letter",
        response: { 201: storedFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw apiError(
          415,
          "unsupported-media-type",
          "请以 multipart/form-data 上传文件。",
          "Upload as multipart/form-data.",
        );
      }
      const part = await request.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!part)
        throw apiError(400, "invalid-input", "未收到文件。", "No file received.", [
          { path: "file", messageZh: "请选择文件", messageEn: "Choose a file" },
        ]);
      const content = await part.toBuffer().catch((error: unknown) => {
        // Only the size limit is the uploader's to fix; any other failure stays what it is.
        if ((error as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw error;
        throw apiError(413, "too-large", "文件超过 10 MB 上限。", "The file exceeds 10 MB.");
      });
      const saved = await deps.database.transaction((tx) =>
        store.save(
          tx,
          deps.clock,
          { name: part.filename, content, uploadedBy: null },
          ["pdf", "png", "jpeg"],
          10 * 1024 * 1024,
        ),
      );
      return reply.code(201).send(saved);
    },
  );

  app.post(
    "/api/public/unit-registrations",
    {
      config: { public: true, csrf: false, rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        tags: ["public"],
        summary: "依托单位自助注册 / a host unit registers itself",
        body: unitRegistration,
        response: { 201: z.object({ unitId: z.string(), status: z.literal("pending") }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { unitId } = await registerUnit({ deps, actor: actorOf(request) }, request.body);
      return reply.code(201).send({ unitId, status: "pending" as const });
    },
  );
}
