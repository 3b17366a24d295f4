import type { Caller } from "../access/caller";
import { chinaDate } from "../clock";
import type { Actor } from "../commands/command";
import type { Config } from "../config/config";
import { loadRecognitionDocument } from "../decision/notices.repository";
import { renderApplicationFormPdf } from "../documents/application-form-pdf";
import { recordPrintedDocument } from "../documents/printed-register";
import { noticeVerification, recognitionNoticeOf, recognitionNoticePdf } from "../documents/recognition-notice";
import { letterTitle, renderLetterPdf, renderSummaryPdf, summaryTitle } from "../documents/recommendation";
import { revocationNoticeOf, revocationNoticePdf, revocationNoticeVerification } from "../documents/revocation-notice";
import { verificationOf } from "../documents/verification";
import { Refused } from "../domain/refused";
import type { JoinedApplication } from "../recognition/applications.repository";
import { applicationFormData, recommendationData } from "../recognition/document-data";
import { loadRecommendation } from "../recognition/recommendations";
import type { RouteDeps } from "../routes/types";
import type { DossierEntry } from "./dossier";

/**
 * The printed documents of a dossier, rendered by the renderers in server/documents/ with their verification code
 * and registered in printed_documents exactly as the single downloads are (audited `document.generate`), so every
 * code in a dossier resolves at /verify/:code.
 */
export interface PrintContext {
  deps: RouteDeps & { config: Config };
  actor: Actor;
  caller: Caller;
}

const publicUrl = (context: PrintContext) => context.deps.config.publicBaseUrl;

/** 申报书 with its 承诺书 (the same digest as GET /api/applications/:id/application-form/pdf). */
export async function printApplicationForm(context: PrintContext, row: JoinedApplication, path: string) {
  const data = await applicationFormData(context.deps.database.db, row);
  const verification = verificationOf("application-form", data.digestContent, publicUrl(context));
  const content = await renderApplicationFormPdf(data, verification);
  await recordPrintedDocument(context.deps, context.actor, {
    verification,
    subject: { type: "application", id: data.applicationId },
    title: data.standardName,
    issuer: data.unitName,
  });
  return {
    path,
    kind: "generated",
    titleZh: "申报书",
    source: { content },
    verificationCode: verification.code,
  } satisfies DossierEntry;
}

/**
 * The 推荐函 and 汇总表 of the recommender that recommended the application, when the caller may read that
 * recommender's list (the department, the recommender's own tree) and the list holds the application; with the
 * stamped copy's file id when one was uploaded. The digest is the one the recommendation routes print.
 */
export async function printRecommendation(
  context: PrintContext,
  row: JoinedApplication,
  folder: string,
): Promise<{ entries: DossierEntry[]; stampedFileId: string | null }> {
  const { callId, recommenderId } = row.application;
  const db = context.deps.database.db;
  let loaded: Awaited<ReturnType<typeof loadRecommendation>>;
  try {
    loaded = await loadRecommendation(db, context.caller, callId, recommenderId);
  } catch (error) {
    if (error instanceof Refused) return { entries: [], stampedFileId: null };
    throw error;
  }
  if (!loaded.items.some((item) => item.application.id === row.application.id)) {
    return { entries: [], stampedFileId: null };
  }
  const data = recommendationData(loaded, chinaDate(context.deps.clock.now()));
  const verification = recommendationVerification(
    callId,
    recommenderId,
    loaded.items.map((item) => ({
      id: item.application.id,
      priority: item.application.priority,
      opinion: loaded.opinions.get(item.application.id) ?? "",
    })),
    publicUrl(context),
  );
  await recordPrintedDocument(context.deps, context.actor, {
    verification,
    subject: { type: "recommendation", id: `${callId}/${recommenderId}` },
    title: letterTitle(data),
    issuer: data.recommenderName,
  });
  const entries: DossierEntry[] = [
    {
      path: `${folder}/推荐函.pdf`,
      kind: "generated",
      titleZh: letterTitle(data),
      source: { content: await renderLetterPdf(data, verification) },
      verificationCode: verification.code,
    },
    {
      path: `${folder}/推荐汇总表.pdf`,
      kind: "generated",
      titleZh: summaryTitle(data),
      source: { content: await renderSummaryPdf(data, verification) },
      verificationCode: verification.code,
    },
  ];
  return { entries, stampedFileId: loaded.stamped?.fileId ?? null };
}

/**
 * The verification of a recommender's list, with the same content as GET
 * /api/calls/:id/recommendations/:recommenderId/letter digests (the ranked ids, priorities and 推荐意见), so the
 * letter in a dossier carries the code of the letter downloaded on its own (dossiers.test.ts compares them).
 */
export function recommendationVerification(
  callId: string,
  recommenderId: string,
  items: ReadonlyArray<{ id: string; priority: number | null; opinion: string }>,
  publicBaseUrl: string,
) {
  return verificationOf("recommendation", { callId, recommenderId, items }, publicBaseUrl);
}

/** The recognition notice (GB/T 9704) of a recognition document, as GET …/recognitions/:id/notice/pdf prints it. */
export async function printRecognitionNotice(
  context: PrintContext,
  documentId: string,
  path: string,
): Promise<DossierEntry | null> {
  const found = await loadRecognitionDocument(context.deps.database.db, documentId);
  if (!found) return null;
  const notice = recognitionNoticeOf({ ...found.document, bases: found.bases, roundYear: found.roundYear });
  const verification = noticeVerification(notice, publicUrl(context));
  const content = await recognitionNoticePdf(notice, verification);
  await recordPrintedDocument(context.deps, context.actor, {
    verification,
    subject: { type: "recognition-document", id: documentId },
    title: `${notice.title}（${notice.documentNumber}）`,
    issuer: notice.issuer,
  });
  return {
    path,
    kind: "generated",
    titleZh: `认定通知（${notice.documentNumber}）`,
    source: { content },
    verificationCode: verification.code,
  };
}

/** The revocation notice of a revoked case, as GET /api/revocations/:id/notice.pdf prints it. */
export async function printRevocationNotice(
  context: PrintContext,
  found: {
    id: string;
    documentNumber: string;
    baseName: string;
    unitName: string;
    ground: number;
    groundZh: string;
    article: string;
    meetingDate: string | null;
    revokedOn: string;
    banEndsOn: string;
  },
  path: string,
): Promise<DossierEntry> {
  const notice = revocationNoticeOf({ ...found, meetingDate: found.meetingDate ?? found.revokedOn });
  const verification = revocationNoticeVerification(notice, publicUrl(context));
  const content = await revocationNoticePdf(notice, verification);
  await recordPrintedDocument(context.deps, context.actor, {
    verification,
    subject: { type: "revocation-case", id: found.id },
    title: `${notice.title}（${notice.documentNumber}）`,
    issuer: notice.issuer,
  });
  return {
    path,
    kind: "generated",
    titleZh: `取消资格通知（${notice.documentNumber}）`,
    source: { content },
    verificationCode: verification.code,
  };
}
