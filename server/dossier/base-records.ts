import { asc, desc, eq } from "drizzle-orm";
import type { BaseDetail, BaseTimelineEntry } from "../../contracts/bases";
import type { BaseRevocationCases } from "../../contracts/revocations";
import { grades } from "../../policy/grading/grade";
import { changeReportLifecycle, majorChangeKinds } from "../../policy/lifecycles/change-report.transitions";
import { rectificationLifecycle } from "../../policy/lifecycles/rectification.transitions";
import { revocationCaseLifecycle } from "../../policy/lifecycles/revocation-case.transitions";
import { allianceKindOf } from "../../policy/reference/alliance-kinds";
import type { Executor } from "../db/client";
import { allianceMembers, alliances, changeReports, evaluationGrades, rectificationCases } from "../db/schema";
import { officeDay, type RecordDocument } from "./render";

const yes = (value: boolean) => (value ? "是" : "否");
const label = <S extends string>(labels: Partial<Record<S, { zh: string }>>, state: string) =>
  labels[state as S]?.zh ?? state;

/** A base's change reports, rectification cases and grades, oldest first: the rows the record prints and the dossier files. */
export async function baseRows(executor: Executor, baseId: string) {
  return {
    grades: await executor
      .select()
      .from(evaluationGrades)
      .where(eq(evaluationGrades.baseId, baseId))
      .orderBy(asc(evaluationGrades.year)),
    rectifications: await executor
      .select()
      .from(rectificationCases)
      .where(eq(rectificationCases.baseId, baseId))
      .orderBy(asc(rectificationCases.openedOn)),
    changes: await executor
      .select()
      .from(changeReports)
      .where(eq(changeReports.baseId, baseId))
      .orderBy(asc(changeReports.changedOn), asc(changeReports.createdAt)),
    memberships: await executor
      .select({ member: allianceMembers, name: alliances.name, kind: alliances.kind })
      .from(allianceMembers)
      .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
      .where(eq(allianceMembers.baseId, baseId))
      .orderBy(desc(allianceMembers.joinedOn)),
  };
}

export type BaseRows = Awaited<ReturnType<typeof baseRows>>;

const countries = (base: BaseDetail, codes: readonly string[]) =>
  codes.map((code) => base.countryNames[code]?.nameZh ?? code).join("、");

/**
 * 基地登记与管理记录: the registry record (Art. 16.3) with the recognition decision, then the yearly grades
 * (Art. 22), rectifications (Art. 24), major changes (Art. 18.5), revocation cases (Art. 20) and alliances (Art. 27).
 */
export function baseRecord(base: BaseDetail, rows: BaseRows, revocations: BaseRevocationCases): RecordDocument {
  return {
    title: "基地登记与管理记录",
    subtitle: `${base.unitName} · ${base.standardName}`,
    landscape: true,
    sections: [
      {
        heading: "登记信息",
        fields: [
          ["基地名称", base.standardName],
          ["依托单位", base.unitName],
          ["推荐部门", base.recommenderName],
          ["基地类型", base.typeZh],
          ["重点基地", yes(base.isKey)],
          ["领域", base.field],
          ["离岸基地", yes(base.isOffshore)],
          ["负责人", base.directorName],
          ["重点合作国家（地区）", countries(base, base.countries.key)],
          ["主要合作国家（地区）", countries(base, base.countries.main)],
          ["辐射合作国家（地区）", countries(base, base.countries.radiating)],
          ["状态", `${base.statusZh}${base.statusChangedOn ? `（${officeDay(base.statusChangedOn)}起）` : ""}`],
        ],
      },
      {
        heading: "认定决定",
        fields: [
          ["认定日期", officeDay(base.recognizedOn)],
          ["认定文号", base.documentNumber],
          ["来源", base.originZh],
          ["适用办法", base.editionZh],
        ],
      },
      {
        heading: "年度评估等级",
        empty: "尚无评估等级。",
        table: {
          columns: [
            { header: "年度", width: 8 },
            { header: "等级", width: 10 },
            { header: "得分", width: 8 },
            { header: "依据与理由", width: 50 },
            { header: "经费（元）", width: 12 },
            { header: "确认日期", width: 12 },
          ],
          rows: rows.grades.map((grade) => [
            String(grade.year),
            grades.find((entry) => entry.code === grade.grade)?.nameZh ?? grade.grade,
            grade.score === null ? "" : grade.score.toFixed(2),
            `第${grade.article}条：${grade.reasonZh}`,
            grade.fundingYuan === null ? "" : String(grade.fundingYuan),
            officeDay(grade.confirmedAt.toISOString().slice(0, 10)),
          ]),
        },
      },
      {
        heading: "整改",
        empty: "无整改记录。",
        lines: rows.rectifications.map(
          (item) =>
            `${item.year}年度评估不合格，整改自${officeDay(item.openedOn)}至${officeDay(item.dueOn)}：${label(
              rectificationLifecycle.stateLabels,
              item.state,
            )}${item.decisionReason ? `。${item.decisionReason}` : ""}${item.decidedOn ? `（${officeDay(item.decidedOn)}）` : ""}`,
        ),
      },
      {
        heading: "重大事项变更",
        empty: "无重大事项变更报告。",
        lines: rows.changes.map((change) => {
          const kind = majorChangeKinds.find((entry) => entry.code === change.kind)?.nameZh ?? change.kind;
          const filed = change.filedOn
            ? `，${officeDay(change.filedOn)}备案${change.filedLate ? "（逾期报告）" : ""}`
            : "";
          return `${kind}：${officeDay(change.changedOn)}发生，报告期限${officeDay(change.dueOn)}，${label(
            changeReportLifecycle.stateLabels,
            change.state,
          )}${filed}。${change.description}`;
        }),
      },
      {
        heading: "取消资格",
        empty: "无取消资格事项。",
        lines: revocations.items.map(
          (item) =>
            `第二十条第${item.ground}项“${item.groundZh}”：${label(revocationCaseLifecycle.stateLabels, item.state)}${
              item.documentNumber ? `，${item.documentNumber}` : ""
            }${item.revokedOn ? `，${officeDay(item.revokedOn)}起取消` : ""}${
              item.banEndsOn ? `，${officeDay(item.banEndsOn)}前不得重新申报` : ""
            }${item.evidence ? `。事实：${item.evidence}` : ""}`,
        ),
      },
      {
        heading: "联盟",
        empty: "未加入联盟。",
        lines: rows.memberships.map(
          ({ member, name, kind }) =>
            `${name}（${allianceKindOf(kind).nameZh}）：${officeDay(member.joinedOn)}加入${
              member.leftOn ? `，${officeDay(member.leftOn)}退出` : ""
            }`,
        ),
      },
    ],
  };
}

/** One timeline entry in words: its label and what it carries (year, grade, document number, old → new value …). */
function timelineSentence(entry: BaseTimelineEntry): string {
  const data = entry.data;
  const details = [
    data.year === undefined ? "" : `${data.year}年度`,
    data.grade ? (grades.find((grade) => grade.code === data.grade)?.nameZh ?? "") : "",
    data.score === undefined ? "" : `得分 ${data.score}`,
    data.documentNumber ?? "",
    data.previousValue || data.newValue ? `${data.previousValue ?? ""} → ${data.newValue ?? ""}` : "",
    data.late ? "逾期报告" : "",
    data.allianceName ?? "",
    data.platformName ?? "",
    data.dueOn ? `期限 ${officeDay(data.dueOn)}` : "",
    data.reason ?? "",
  ].filter(Boolean);
  return details.length > 0 ? `${entry.labelZh}（${details.join("，")}）` : entry.labelZh;
}

/** 基地动态: the base's timeline (跟踪监测, Art. 16.3) as dated sentences. */
export function baseHistoryRecord(base: BaseDetail): RecordDocument {
  return {
    title: "基地动态",
    subtitle: `${base.unitName} · ${base.standardName}`,
    sections: [
      {
        heading: "动态记录",
        empty: "尚无动态。",
        table: {
          columns: [
            { header: "日期", width: 18 },
            { header: "事项", width: 62 },
            { header: "办理人", width: 20 },
          ],
          rows: base.timeline.map((entry) => [officeDay(entry.on), timelineSentence(entry), entry.actorName ?? ""]),
        },
      },
    ],
  };
}
