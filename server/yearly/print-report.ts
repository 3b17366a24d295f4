import { filedChangesOfYear } from "../changes/filed-changes";
import { chinaDate } from "../clock";
import type { CallerlessInvocation } from "../commands/command";
import { annualReportDocumentOf } from "../documents/annual-report";
import { renderAnnualReportDocx } from "../documents/annual-report-docx";
import { renderAnnualReportPdf } from "../documents/annual-report-pdf";
import { recordPrintedDocument } from "../documents/printed-register";
import { verificationOf } from "../documents/verification";
import { evidenceFilesOf } from "./evidence-files.repository";
import type { LoadedReport } from "./report-facts";

export interface PrintAnnualReportOptions {
  /** The report as the caller may read it (the route has checked the read scope). */
  loaded: LoadedReport;
  format: "docx" | "pdf";
  /** Where the QR code's check page lives. */
  publicBaseUrl: string;
}

/**
 * The 年度工作报告 as Word or PDF with its verification code (SPEC §6), registered in printed_documents so the
 * stamped paper copy the unit files can be checked against the record; audited as `document.generate`.
 */
export async function printAnnualReport(
  invocation: CallerlessInvocation,
  { loaded, format, publicBaseUrl }: PrintAnnualReportOptions,
): Promise<{ fileName: string; content: Buffer; code: string }> {
  const { report } = loaded;
  const document = annualReportDocumentOf({
    reportId: report.id,
    year: report.year,
    baseId: report.baseId,
    unitId: report.unitId,
    baseName: loaded.baseName,
    unitName: loaded.unitName,
    submittedOn: report.submittedAt ? chinaDate(report.submittedAt) : null,
    content: report.content,
    evidence: await evidenceFilesOf(invocation.deps.database.db, "annual-report", report.id),
    filedChanges: await filedChangesOfYear(invocation.deps.database.db, report.baseId, report.year),
  });
  const verification = verificationOf("annual-report", document.digestContent, publicBaseUrl);
  const content =
    format === "docx"
      ? await renderAnnualReportDocx(document, verification)
      : await renderAnnualReportPdf(document, verification);
  await recordPrintedDocument(invocation.deps, invocation.actor, {
    verification,
    subject: { type: "annual-report", id: report.id },
    title: `${loaded.baseName}${report.year}年度工作报告`,
    issuer: loaded.unitName,
  });
  return { fileName: `${loaded.unitName}-${report.year}年度工作报告.${format}`, content, code: verification.code };
}
