import { eq } from "drizzle-orm";
import type { EvidenceSubject } from "../../policy/evidence/evidence-files";
import { recognitionDocuments } from "../db/schema";
import { presentBaseDetail } from "../registry/base-detail";
import type { LoadedBase } from "../registry/bases.repository";
import { baseRevocations } from "../revocation/revocation.repository";
import { evidenceFilesOf } from "../yearly/evidence-files.repository";
import { printAnnualReport } from "../yearly/print-report";
import { readReport } from "../yearly/report-facts";
import { baseHistoryRecord, baseRecord, baseRows } from "./base-records";
import { type Dossier, type DossierEntry, safeName, uniquePaths } from "./dossier";
import { type PrintContext, printRecognitionNotice, printRevocationNotice } from "./generated";
import { renderRecordPdf } from "./render";

const folders = {
  record: "01-登记与认定",
  reports: "02-年度工作报告",
  rectifications: "03-整改",
  changes: "04-重大事项变更",
  revocation: "05-取消资格",
  history: "06-基地动态",
} as const;

/**
 * Everything of one base the reader may see (the route loaded it through the reader's `base.read` scope): the
 * registry record with its recognition decision and notice, each submitted annual report as printed (with its
 * code) and its evidence, the grades, rectifications, change reports and revocation cases with their evidence and
 * notice, the alliances, and the base's timeline.
 */
export async function collectBaseDossier(context: PrintContext, loaded: LoadedBase): Promise<Dossier> {
  const db = context.deps.database.db;
  const detail = await presentBaseDetail(db, context.caller, loaded);
  const rows = await baseRows(db, detail.id);
  const revocations = await baseRevocations(db, context.caller, detail.id);
  const entries: DossierEntry[] = [];
  const evidence = async (subject: EvidenceSubject, id: string, folder: string, titleZh: string) => {
    for (const file of await evidenceFilesOf(db, subject, id)) {
      entries.push({
        path: `${folder}/${safeName(file.name)}`,
        kind: "uploaded",
        titleZh,
        source: { storageKey: file.storageKey },
      });
    }
  };

  entries.push({
    path: `${folders.record}/基地登记与管理记录.pdf`,
    kind: "record",
    titleZh: "基地登记与管理记录",
    source: { content: await renderRecordPdf(baseRecord(detail, rows, revocations)) },
  });
  const documents = await db
    .select({ id: recognitionDocuments.id })
    .from(recognitionDocuments)
    .where(eq(recognitionDocuments.documentNumber, loaded.base.documentNumber));
  for (const document of documents) {
    const notice = await printRecognitionNotice(context, document.id, `${folders.record}/认定通知.pdf`);
    if (notice) entries.push(notice);
  }

  // The reports the reader may read (presentBaseDetail's `annual-report.read` scope), once submitted: a draft is not
  // yet a record.
  for (const summary of [...detail.annualReports].reverse()) {
    const report = await readReport(db, summary.id);
    if (!report?.report.submittedAt) continue;
    const printed = await printAnnualReport(
      { deps: context.deps, actor: context.actor },
      { loaded: report, format: "pdf", publicBaseUrl: context.deps.config.publicBaseUrl },
    );
    entries.push({
      path: `${folders.reports}/${report.report.year}年度工作报告.pdf`,
      kind: "generated",
      titleZh: `${report.report.year}年度工作报告`,
      source: { content: printed.content },
      verificationCode: printed.code,
    });
    await evidence(
      "annual-report",
      report.report.id,
      `${folders.reports}/${report.report.year}年度佐证材料`,
      "年度报告佐证材料",
    );
  }

  for (const item of rows.rectifications) {
    await evidence("rectification", item.id, `${folders.rectifications}/${item.year}年度整改材料`, "整改材料");
  }
  for (const change of rows.changes) {
    await evidence("change-report", change.id, `${folders.changes}/${change.changedOn}变更材料`, "重大事项变更材料");
  }
  for (const item of revocations.items) {
    await evidence("revocation-case", item.id, `${folders.revocation}/证据材料`, "取消资格证据材料");
    if (item.state === "revoked" && item.documentNumber && item.revokedOn && item.banEndsOn) {
      entries.push(
        await printRevocationNotice(
          context,
          {
            id: item.id,
            documentNumber: item.documentNumber,
            baseName: item.baseName,
            unitName: item.unitName,
            ground: item.ground,
            groundZh: item.groundZh,
            article: item.article,
            meetingDate: item.meetingDate,
            revokedOn: item.revokedOn,
            banEndsOn: item.banEndsOn,
          },
          `${folders.revocation}/取消资格通知.pdf`,
        ),
      );
    }
  }

  entries.push({
    path: `${folders.history}/基地动态.pdf`,
    kind: "record",
    titleZh: "基地动态",
    source: { content: await renderRecordPdf(baseHistoryRecord(detail)) },
  });

  return {
    subject: { type: "base", id: detail.id },
    titleZh: `${detail.standardName}档案`,
    unitName: detail.unitName,
    entries: uniquePaths(entries),
    notes: loaded.base.applicationId ? ["基地认定时的申报材料、评审与决定，见该申报的档案。"] : [],
  };
}
