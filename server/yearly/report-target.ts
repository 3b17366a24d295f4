import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { FiledChange } from "../../contracts/change-reports";
import { defaultEvaluationRubric } from "../../policy/annual-report/evaluation-rubric";
import { officeDate } from "../../policy/calendar/dates";
import { type EvidenceSlot, evidenceSlotLabels } from "../../policy/evidence/evidence-files";
import type { Rubric } from "../../policy/grading/rubric";
import { accept, refuse } from "../../policy/refusal";
import { filedChangesOfYear } from "../changes/filed-changes";
import { chinaDate } from "../clock";
import type { Executor } from "../db/client";
import { annualReports, bases, evaluationRounds, roleGrants, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { type AnnualReportDocument, annualReportDocumentOf, noneText } from "../documents/annual-report";
import type { AwaitingReviewTarget, ReviewMaterials, ReviewTargetFacts, ReviewTargetProvider } from "../review/targets";
import { evidenceFilesOf } from "./evidence-files.repository";
import { type LoadedReport, readReport } from "./report-facts";

type Section = ReviewMaterials["sections"][number];
type Item = Section["items"][number];

/** 宜昌…基地2026年度工作报告: how a report is named on the review's screens, the ranking and the draw record. */
const reportTitle = (baseName: string, year: number) => `${baseName}${year}年度工作报告`;

/** The report with its base's draw facts (field, director), read once. */
async function load(executor: Executor, id: string) {
  const loaded = await readReport(executor, id);
  if (!loaded) return null;
  const [base] = await executor
    .select({ field: bases.field, directorPersonId: bases.directorPersonId })
    .from(bases)
    .where(eq(bases.id, loaded.report.baseId));
  return { loaded, field: base?.field ?? "", directorPersonId: base?.directorPersonId ?? null };
}

// English headings of the thirteen numbered sections (server/documents/annual-report.ts prints them in Chinese).
const headingsEn: Record<string, string> = {
  "一、基本情况": "1. Overview",
  "二、国际合作协议": "2. Cooperation agreements",
  "三、联合研发项目": "3. Joint R&D projects",
  "四、人员交流与国际会议": "4. Exchanges and conferences",
  "五、国际技术培训": "5. International training",
  "六、举办会议与期刊": "6. Conferences and journals hosted",
  "七、国际组织与联合机构、海外平台": "7. Organizations, joint institutions, platforms abroad",
  "八、合作成果": "8. Results",
  "九、基地管理": "9. Management",
  "十、配套支持": "10. Matching support",
  "十一、年度重大事项变化": "11. Major changes in the year",
  "十二、经验与问题": "12. Experience and problems",
  "十三、下一年度工作计划": "13. Next year's plan",
};

/**
 * One printed section as label/value items: paragraphs as one text, label/value rows as they are, each table row
 * as "第 n 项" with its cells named by their column; a subheading prefixes the labels under it.
 */
function sectionItems(section: AnnualReportDocument["sections"][number]): Item[] {
  const items: Item[] = [];
  let prefix = "";
  const label = (text: string) => (prefix ? `${prefix} ${text}` : text);
  for (const block of section.blocks) {
    if (block.kind === "subheading") prefix = block.text;
    else if (block.kind === "text") {
      const text = label("内容");
      items.push({ labelZh: text, labelEn: text, value: block.paragraphs.join("\n") });
    } else if (block.kind === "fields") {
      for (const [name, value] of block.rows) items.push({ labelZh: label(name), labelEn: label(name), value });
    } else {
      // The first column is the row number (序号); the others name the cells.
      const headers = block.columns.slice(1).map((column) => column.header);
      for (const [number, ...cells] of block.rows) {
        const text = label(`第 ${number} 项`);
        items.push({
          labelZh: text,
          labelEn: text,
          value: cells.map((cell, index) => `${headers[index] ?? ""}：${cell}`).join("\n"),
        });
      }
    }
  }
  return items.length > 0 ? items : [{ labelZh: "内容", labelEn: "Content", value: noneText }];
}

/** The report as the expert reads it: the base's facts, then the thirteen sections exactly as the report prints. */
function materialSections(loaded: LoadedReport, field: string, filedChanges: readonly FiledChange[]): Section[] {
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
    filedChanges,
  });
  return [
    {
      headingZh: "基地信息",
      headingEn: "The base",
      items: [
        { labelZh: "基地名称", labelEn: "Base", value: loaded.baseName },
        { labelZh: "依托单位", labelEn: "Host unit", value: loaded.unitName },
        { labelZh: "领域", labelEn: "Field", value: field },
        { labelZh: "报告年度", labelEn: "Year", value: `${report.year}年度` },
        { labelZh: "提交日期", labelEn: "Submitted on", value: document.submittedOn ?? "尚未提交" },
        { labelZh: "报告截止日期", labelEn: "Deadline", value: officeDate(loaded.round.reportDeadline) },
      ],
    },
    ...document.sections.map((section) => ({
      headingZh: section.heading,
      headingEn: headingsEn[section.heading] ?? section.heading,
      items: sectionItems(section),
    })),
  ];
}

/**
 * A base's annual report as a review target (Art. 22): the second kind after applications, the yearly cycle's side
 * of the contract in server/review/targets.ts. Review never writes the report's state; grading reads the panel's
 * score later (report-scores.ts).
 */
export const annualReportTarget: ReviewTargetProvider = {
  kind: "annual-report",

  /** The base's unit, field and director for the exclusion rules; a report declares no avoidances of its own. */
  async facts(executor, id): Promise<ReviewTargetFacts | null> {
    const row = await load(executor, id);
    if (!row) return null;
    const { loaded } = row;
    return {
      kind: "annual-report",
      id,
      title: reportTitle(loaded.baseName, loaded.report.year),
      field: row.field,
      unitId: loaded.report.unitId,
      unitName: loaded.unitName,
      directorPersonId: row.directorPersonId,
      directorUnitId: null,
      declaredAvoidances: [],
      declaredCollaborations: [],
    };
  },

  async labels(executor, ids) {
    const labels = new Map<string, { title: string; unitName: string }>();
    for (let at = 0; at < ids.length; at += 5_000) {
      const rows = await executor
        .select({ id: annualReports.id, year: annualReports.year, baseName: bases.standardName, unitName: units.name })
        .from(annualReports)
        .innerJoin(bases, eq(bases.id, annualReports.baseId))
        .innerJoin(units, eq(units.id, annualReports.unitId))
        .where(inArray(annualReports.id, ids.slice(at, at + 5_000)));
      for (const row of rows)
        labels.set(row.id, { title: reportTitle(row.baseName, row.year), unitName: row.unitName });
    }
    return labels;
  },

  /**
   * The report's content as the 年度工作报告 prints it (server/documents/annual-report.ts), section by section, and
   * the evidence files the unit attached (opened through the review's audited file route). No rule findings: it
   * reached the department complete (Art. 22).
   */
  async materials(executor, id): Promise<ReviewMaterials | null> {
    const row = await load(executor, id);
    if (!row) return null;
    return {
      title: reportTitle(row.loaded.baseName, row.loaded.report.year),
      sections: materialSections(
        row.loaded,
        row.field,
        await filedChangesOfYear(executor, row.loaded.report.baseId, row.loaded.report.year),
      ),
      files: (await evidenceFilesOf(executor, "annual-report", id)).map((file) => {
        const label = evidenceSlotLabels[file.slot as EvidenceSlot] ?? { zh: file.slot, en: file.slot };
        return {
          fileId: file.fileId,
          slot: file.slot,
          name: file.name,
          mediaType: file.mediaType,
          size: file.size,
          labelZh: label.zh,
          labelEn: label.en,
        };
      }),
      findings: [],
    };
  },

  /** The year's rubric stored when the round opened, or the default one for a round opened before it was stored. */
  async rubric(executor, id): Promise<Rubric | null> {
    const loaded = await readReport(executor, id);
    if (!loaded) return null;
    const { round } = loaded;
    return parseStored("evaluation_rounds.rubric", round.rubric, round.id) ?? defaultEvaluationRubric(round.year);
  },

  /** Art. 22: experts review a report the department has put under evaluation; the year's round is the batch. */
  async canStartReview(executor, id) {
    const loaded = await readReport(executor, id);
    if (!loaded) {
      return refuse({ code: "not-found", messageZh: "年度工作报告不存在。", messageEn: "Annual report not found." });
    }
    if (loaded.report.state !== "under-evaluation") {
      return refuse({
        code: "not-under-evaluation",
        article: "22",
        messageZh: "该年度工作报告尚未进入考核评审。",
        messageEn: "The annual report is not under evaluation.",
      });
    }
    return accept({ groupId: loaded.round.id, groupTitle: loaded.round.title });
  },

  /** Reports under evaluation, the latest year first, then by base name. */
  async awaiting(executor): Promise<AwaitingReviewTarget[]> {
    const rows = await executor
      .select({
        id: annualReports.id,
        year: annualReports.year,
        baseName: bases.standardName,
        field: bases.field,
        unitName: units.name,
        roundId: evaluationRounds.id,
        roundTitle: evaluationRounds.title,
      })
      .from(annualReports)
      .innerJoin(bases, eq(bases.id, annualReports.baseId))
      .innerJoin(units, eq(units.id, annualReports.unitId))
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
      .where(eq(annualReports.state, "under-evaluation"))
      .orderBy(desc(annualReports.year), asc(bases.standardName), asc(annualReports.id));
    return rows.map((row) => ({
      id: row.id,
      title: reportTitle(row.baseName, row.year),
      unitName: row.unitName,
      field: row.field,
      groupId: row.roundId,
      groupTitle: row.roundTitle,
    }));
  },

  /**
   * The officers are told the panel is done; the report stays under evaluation, since grading the cohort reads
   * every panel's score at once (Art. 22).
   */
  async onReviewCompleted(context, id, result) {
    const officers = await context.tx
      .select({ id: roleGrants.accountId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, "officer"), eq(roleGrants.status, "approved")));
    const loaded = await readReport(context.tx, id);
    const title = loaded ? reportTitle(loaded.baseName, loaded.report.year) : id;
    await context.enqueue({
      kind: "notify",
      accountIds: officers.map((officer) => officer.id),
      titleZh: `专家评审已完成：${title}（平均分 ${result.mean.toFixed(2)}）`,
      titleEn: `Expert review complete: ${title} (mean ${result.mean.toFixed(2)})`,
      link: `/annual-reports/${id}`,
    });
  },
};
