import { type AnyColumn, and, asc, eq, sql } from "drizzle-orm";
import { applicationEventData } from "../../contracts/recognition";
import type { RubricIndicator } from "../../policy/grading/rubric";
import { formalReviewItems } from "../../policy/lifecycles/application.decide";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationLifecycle,
} from "../../policy/lifecycles/application.transitions";
import { editionById } from "../../policy/measures/editions";
import { type AssignmentState, assignmentLifecycle } from "../../policy/review/assignment.transitions";
import type { Executor } from "../db/client";
import {
  applicationEvents,
  approvals,
  experts,
  objections,
  onSiteVerifications,
  people,
  publicNotices,
  recognitionDocuments,
  recommendationOpinions,
  recommenders,
  reviewAssignments,
  reviewRounds,
} from "../db/schema";
import { parseRoundRow, parseStored } from "../db/stored-json";
import { roundAggregation } from "../review/round-aggregation";
import { officeDateTime, officeDay, type RecordDocument, type RecordSection } from "./render";

/** Who reads the review record: the department sees every sheet by name, an expert only their own, others the panel. */
export type ReviewView = { sheets: "all" } | { sheets: "own"; accountId: string } | { sheets: "panel" };

const roundStatusLabels: Record<string, string> = {
  drawing: "抽取专家中",
  "in-review": "评审中",
  completed: "评审完成",
  cancelled: "已撤销",
};

/** An article as the measures cite it: "14.2" → 第14条第2项, with the edition's document number. */
export function articleCitation(article: string | undefined, editionId: string): string {
  const edition = editionById(editionId);
  const number = edition?.documentNumber ?? editionId;
  if (!article) return number;
  const [main, item] = article.split(".");
  return `${item ? `第${main}条第${item}项` : `第${main}条`}（${number}）`;
}

function leaves(indicators: readonly RubricIndicator[]): RubricIndicator[] {
  return indicators.flatMap((indicator) => (indicator.children?.length ? leaves(indicator.children) : [indicator]));
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/**
 * 评审意见与评分: each review round of the application with the panel's opinion and score; the score sheets the
 * reader may see (the department: every expert by name; an expert: their own; the unit and the recommender: none —
 * the panel's result only, so no expert is named to the applicant).
 */
export async function reviewRecord(
  executor: Executor,
  applicationId: string,
  view: ReviewView,
  subtitle: string,
): Promise<RecordDocument> {
  const rounds = (
    await executor
      .select()
      .from(reviewRounds)
      .where(and(eq(reviewRounds.targetKind, "application"), eq(reviewRounds.targetId, applicationId)))
      .orderBy(asc(reviewRounds.createdAt))
  ).map((round) => parseRoundRow(round));
  const sections: RecordSection[] = [];
  for (const [index, round] of rounds.entries()) {
    const assigned = await executor
      .select({ assignment: reviewAssignments, name: people.name, accountId: experts.accountId })
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .innerJoin(people, eq(people.id, experts.personId))
      .where(eq(reviewAssignments.roundId, round.id))
      .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
    const sheets = assigned.filter((row) =>
      view.sheets === "all" ? true : view.sheets === "own" ? row.accountId === view.accountId : false,
    );
    const indicators = leaves(round.rubric.indicators);
    const fields: Array<readonly [string, string]> = [
      ["评审批次", round.groupTitle ?? ""],
      ["状态", roundStatusLabels[round.status] ?? round.status],
      ["评审指标", round.rubric.titleZh],
    ];
    if (view.sheets !== "own") {
      const aggregation = await roundAggregation(executor, round);
      fields.push(
        ["已提交评分", `${aggregation.submitted} / ${aggregation.panelSize} 位专家`],
        ["专家组评分", aggregation.score === null ? "尚未形成" : aggregation.score.toFixed(2)],
        ["专家组意见", round.panelOpinion ?? ""],
      );
    }
    sections.push({ heading: `第${index + 1}轮专家评审`, fields });
    if (view.sheets === "panel") continue;
    sections.push({
      heading: view.sheets === "own" ? "本人评分表" : "专家评分表",
      empty: "尚无评分。",
      table: {
        columns: [
          { header: "专家", width: 12 },
          { header: "状态", width: 12 },
          ...indicators.map((indicator) => ({
            header: `${indicator.labelZh}（${indicator.min}–${indicator.max}）`,
            width: 40 / Math.max(indicators.length, 1),
          })),
          { header: "总分", width: 8 },
          { header: "评审意见", width: 28 },
        ],
        rows: sheets.map(({ assignment, name }) => {
          const scores = parseStored("review_assignments.scores", assignment.scores, assignment.id) ?? {};
          const status = assignmentLifecycle.stateLabels[assignment.status as AssignmentState]?.zh ?? assignment.status;
          return [
            name,
            assignment.role === "leader" ? `${status}（组长）` : status,
            ...indicators.map((indicator) => score(scores[indicator.id])),
            assignment.total === null ? "" : (assignment.total / 100).toFixed(2),
            [assignment.opinion, assignment.recommendation].filter(Boolean).join("；"),
          ];
        }),
      },
    });
  }
  return {
    title: "专家评审意见与评分",
    subtitle,
    sections: sections.length > 0 ? sections : [{ heading: "专家评审", empty: "尚未组织专家评审。" }],
    landscape: true,
  };
}

async function eventsOf(executor: Executor, applicationId: string) {
  return executor
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

const stateLabel = (state: string) => applicationLifecycle.stateLabels[state as ApplicationState]?.zh ?? state;

/**
 * 办理历程: every transition of the application as a sentence — when, who, from which stage to which, why, and the
 * article and edition of the measures it rested on (SPEC §6: traceable to who, when and which rule version).
 */
export async function historyRecord(
  executor: Executor,
  applicationId: string,
  subtitle: string,
): Promise<RecordDocument> {
  const events = await eventsOf(executor, applicationId);
  return {
    title: "办理历程",
    subtitle,
    sections: [
      {
        heading: "申报办理记录",
        empty: "尚无办理记录。",
        table: {
          columns: [
            { header: "时间", width: 20 },
            { header: "办理人", width: 14 },
            { header: "办理事项", width: 38 },
            { header: "依据", width: 28 },
          ],
          rows: events.map((event) => {
            const rule =
              applicationLifecycle.table[event.fromState as ApplicationState]?.[event.event as ApplicationEvent];
            const sentence = `申报由“${stateLabel(event.fromState)}”转为“${stateLabel(event.toState)}”${
              event.reason ? `，理由：${event.reason}` : ""
            }`;
            return [
              officeDateTime(event.at),
              event.actorName ?? "系统",
              sentence,
              articleCitation(rule?.article, event.edition),
            ];
          }),
        },
      },
    ],
  };
}

const contains = (column: AnyColumn, id: string) => sql`${column} @> ${JSON.stringify([id])}::jsonb`;

const objectionStatusLabels: Record<string, string> = {
  received: "已受理",
  investigating: "调查核实中",
  upheld: "异议成立",
  dismissed: "异议不成立",
};

/**
 * 决定与核查记录: the formal review's checklist, the recommenders' opinions, the on-site visits, the comprehensive
 * evaluation, the 厅党组会, the 公示 with its objections (the department only; the objector's contact never) and the
 * recognition document — each as the step recorded it.
 */
export async function decisionRecord(
  executor: Executor,
  applicationId: string,
  options: { objections: boolean; subtitle: string },
): Promise<RecordDocument> {
  const events = await eventsOf(executor, applicationId);
  const formal = events.flatMap((event) => {
    const data = applicationEventData.safeParse(event.data);
    if (!data.success || !("checklist" in data.data)) return [];
    const checklist = data.data.checklist;
    const items = formalReviewItems.map((item) => `${item.labelZh}：${checklist[item.key] ? "符合" : "不符合"}`);
    return [
      `${officeDateTime(event.at)}，${event.actorName ?? "系统"}：${stateLabel(event.toState)}。${items.join("；")}。${
        event.reason ? `意见：${event.reason}` : ""
      }`,
    ];
  });
  const evaluations = events.flatMap((event) => {
    const data = applicationEventData.safeParse(event.data);
    if (!data.success || !("opinion" in data.data)) return [];
    const mean = data.data.mean === null ? "" : `（专家评审得分 ${data.data.mean.toFixed(2)}）`;
    return [`${officeDateTime(event.at)}，${event.actorName ?? "系统"}：${data.data.opinion}${mean}`];
  });
  const opinions = await executor
    .select({ opinion: recommendationOpinions, recommenderName: recommenders.nameZh })
    .from(recommendationOpinions)
    .innerJoin(recommenders, eq(recommenders.id, recommendationOpinions.recommenderId))
    .where(eq(recommendationOpinions.applicationId, applicationId))
    .orderBy(asc(recommendationOpinions.updatedAt));
  const visits = await executor
    .select()
    .from(onSiteVerifications)
    .where(eq(onSiteVerifications.applicationId, applicationId))
    .orderBy(asc(onSiteVerifications.visitedOn));
  const meetings = await executor
    .select()
    .from(approvals)
    .where(contains(approvals.applicationIds, applicationId))
    .orderBy(asc(approvals.meetingDate));
  const notices = await executor
    .select()
    .from(publicNotices)
    .where(contains(publicNotices.applicationIds, applicationId))
    .orderBy(asc(publicNotices.startOn));
  const documents = await executor
    .select()
    .from(recognitionDocuments)
    .where(contains(recognitionDocuments.applicationIds, applicationId))
    .orderBy(asc(recognitionDocuments.issuedOn));
  const objected = options.objections
    ? await executor
        .select()
        .from(objections)
        .where(eq(objections.applicationId, applicationId))
        .orderBy(asc(objections.receivedOn))
    : [];
  const sections: RecordSection[] = [
    { heading: "形式审查", lines: formal, empty: "尚未进行形式审查。" },
    {
      heading: "推荐意见",
      lines: opinions.map(
        ({ opinion, recommenderName }) =>
          `${recommenderName}（${opinion.updatedByName ?? ""}，${officeDateTime(opinion.updatedAt)}）：${opinion.opinion}`,
      ),
      empty: "推荐部门尚未填写推荐意见。",
    },
    {
      heading: "实地核查",
      lines: visits.map(
        (visit) =>
          `${officeDay(visit.visitedOn)}，核查组：${visit.team.join("、")}。结论：${
            visit.conclusion === "confirmed" ? "与申报材料一致" : "发现问题"
          }。${visit.findings}`,
      ),
      empty: "尚未实地核查。",
    },
    { heading: "综合评议", lines: evaluations, empty: "尚未综合评议。" },
    {
      heading: "厅党组会审议",
      lines: meetings.map(
        (meeting) =>
          `${officeDay(meeting.meetingDate)}，${meeting.minuteRef}${meeting.note ? `：${meeting.note}` : ""}`,
      ),
      empty: "尚未提交厅党组会审议。",
    },
    {
      heading: "公示",
      lines: notices.map(
        (notice) =>
          `${notice.title}：${officeDay(notice.startOn)}至${officeDay(notice.endOn)}（${notice.workingDays}个工作日）`,
      ),
      empty: "尚未公示。",
    },
  ];
  if (options.objections) {
    sections.push({
      heading: "异议",
      lines: objected.map(
        (objection) =>
          `${officeDay(objection.receivedOn)}受理${objection.objectorKind === "unit" ? `${objection.unitName ?? ""}` : "个人"}异议（${
            objectionStatusLabels[objection.status] ?? objection.status
          }）：${objection.content} 事实与依据：${objection.facts}${objection.resolution ? ` 处理结果：${objection.resolution}` : ""}`,
      ),
      empty: "公示期间未收到异议。",
    });
  }
  sections.push({
    heading: "认定发文",
    lines: documents.map(
      (document) => `${document.documentNumber}《${document.title}》，${officeDay(document.issuedOn)}印发`,
    ),
    empty: "尚未发文认定。",
  });
  return { title: "审核、核查与认定决定", subtitle: options.subtitle, sections };
}

/** The recognition documents that list the application (for the notice PDF in the dossier). */
export async function recognitionDocumentIdsOf(executor: Executor, applicationId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: recognitionDocuments.id })
    .from(recognitionDocuments)
    .where(contains(recognitionDocuments.applicationIds, applicationId));
  return rows.map((row) => row.id);
}

/** Stored on-site verification files (photos, minutes) of the application, by file id. */
export async function onSiteFileIds(executor: Executor, applicationId: string): Promise<string[]> {
  const visits = await executor
    .select({ fileIds: onSiteVerifications.fileIds })
    .from(onSiteVerifications)
    .where(eq(onSiteVerifications.applicationId, applicationId));
  return visits.flatMap((visit) => visit.fileIds);
}
