import { z } from "zod";
import { errorResponses } from "../../../contracts/errors";
import { documentFormat } from "../../../contracts/recognition";
import { renderApplicationFormDocx } from "../../documents/application-form-docx";
import { renderApplicationFormPdf } from "../../documents/application-form-pdf";
import { recordPrintedDocument } from "../../documents/printed-register";
import { verificationOf } from "../../documents/verification";
import { actorOf, callerOf } from "../../http/request-context";
import { applicationFormData } from "../../recognition/document-data";
import type { RouteDeps, TypedApp } from "../types";
import { loadScopedApplication } from "./scoped";
import { sendDownload } from "./transfer";

export const mediaTypes = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The 申报书 (with its 承诺书) filled from the form, for the applicant to print, sign and stamp. */
export async function applicationDocumentRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;
  app.get(
    "/api/applications/:id/application-form/:format",
    {
      config: { ability: "application.read" },
      schema: {
        tags: ["applications"],
        summary: "生成申报书（含承诺书，Word/PDF，带验证码）/ the filled application form",
        params: z.object({ id: z.string().min(1) }).extend(documentFormat.shape),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const row = await loadScopedApplication(db, caller, request.params.id);
      const data = await applicationFormData(db, row);
      const verification = verificationOf("application-form", data.digestContent, deps.config.publicBaseUrl);
      const format = request.params.format;
      const content =
        format === "docx"
          ? await renderApplicationFormDocx(data, verification)
          : await renderApplicationFormPdf(data, verification);
      await recordPrintedDocument(deps, actorOf(request), {
        verification,
        subject: { type: "application", id: data.applicationId },
        title: data.standardName,
        issuer: data.unitName,
      });
      reply.header("x-verification-code", verification.code);
      return sendDownload(reply, { name: `${data.unitName}-申报书.${format}`, mediaType: mediaTypes[format], content });
    },
  );
}
