import { z } from "zod";
import { errorResponses } from "../../../contracts/errors";
import { unitRegistration } from "../../../contracts/organisations";
import { registerUnit } from "../../commands/register-unit";
import { anonymousWriteLimits } from "../../http/anonymous-write-limits";
import { actorOf } from "../../http/request-context";
import type { FileStore } from "../../storage/files";
import { readUpload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const maxUploadBytes = 10 * 1024 * 1024;

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
      // Unattached uploads are purged after a day (commands/purge-anonymous-uploads.ts).
      config: { public: true, csrf: false, rateLimit: anonymousWriteLimits.uploads },
      schema: {
        tags: ["public"],
        summary: "上传授权书（PDF/图片，≤ 10 MB）/ upload an authorisation letter",
        response: { 201: storedFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, store, maxUploadBytes);
      const saved = await deps.database.transaction((tx) =>
        store.save(
          tx,
          deps.clock,
          { name: upload.name, content: upload.content, uploadedBy: null },
          ["pdf", "png", "jpeg"],
          maxUploadBytes,
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
