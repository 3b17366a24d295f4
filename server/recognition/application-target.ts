import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { declaredAvoidance, declaredCollaboration } from "../../contracts/review";
import type { Rubric } from "../../policy/grading/rubric";
import { baseTypes } from "../../policy/reference/base-types";
import type { ProjectLevel } from "../../policy/reference/evidence-kinds";
import { regions } from "../../policy/reference/regions";
import { titles } from "../../policy/reference/titles";
import { accept, refuse } from "../../policy/refusal";
import type { Executor } from "../db/client";
import { applicationFiles, applications, calls, files, roleGrants, units } from "../db/schema";
import { type ApplicationJsonColumn, parseApplicationRow, parseStored } from "../db/stored-json";
import { countryList } from "../reference/countries";
import type { AwaitingReviewTarget, ReviewMaterials, ReviewTargetFacts, ReviewTargetProvider } from "../review/targets";
import { entries, entry, type FormEntry, stringOrNull } from "./form-values";
import { defaultMaterials } from "./materials";

/** The application with its unit's name and its call's rubric; the JSON columns the caller uses parsed. */
async function load(executor: Executor, id: string, columns: readonly ApplicationJsonColumn[] = []) {
  const [row] = await executor
    .select({ application: applications, unitName: units.name, rubric: calls.rubric })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, id));
  return row ? { ...row, application: parseApplicationRow(row.application, columns) } : null;
}

/** The avoidances and collaborations an applicant declared in the form, each one that is complete. */
function declared<T>(value: unknown, schema: z.ZodType<T>): T[] {
  return entries(value).flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

// What materials() shows. The form is read loosely (a draft may be partial); every value is office wording in Chinese,
// with country names in Chinese and English, since the section labels are bilingual.

type Section = ReviewMaterials["sections"][number];
type Item = Section["items"][number];

const countries = new Map(countryList.map((country) => [country.code, country]));
const projectLevelLabels: Record<ProjectLevel, string> = {
  national: "国家级",
  ministerial: "部级",
  provincial: "省级",
  municipal: "市级",
  other: "其他",
};
const eventRoleLabels: Record<string, string> = { host: "主办", "co-host": "联合承办", participant: "参加" };
const transferStatusLabels: Record<string, string> = { implemented: "已实施", ongoing: "实施中", planned: "计划中" };

const text = (value: unknown) =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
const yesNo = (value: unknown) => (value === true ? "是" : value === false ? "否" : "未填写");
const joined = (parts: string[], separator = "，") => parts.filter(Boolean).join(separator);

/** "俄罗斯" (or "Russian Federation" in English) from "RU"; anything not an ISO code is shown as written. */
function countryLabel(code: unknown, language: "zh" | "en" = "zh"): string {
  const value = text(code);
  const country = countries.get(value.toUpperCase());
  if (!country) return value;
  return language === "zh" ? country.nameZh : country.nameEn;
}
const countryLabels = (codes: unknown, language: "zh" | "en" = "zh") =>
  Array.isArray(codes)
    ? joined(
        codes.map((code) => countryLabel(code, language)),
        language === "zh" ? "、" : ", ",
      )
    : "";

/** A dated list as "3 项：标题（2024-07-01，省级）；…", the count first so an empty list reads as nothing. */
function datedList(value: unknown, unit: string, detail: (item: FormEntry) => string[] = () => []): string {
  const items = entries(value);
  if (items.length === 0) return "";
  const lines = items.map((item) => {
    const facts = joined([text(item.date) + (text(item.end) ? ` 至 ${text(item.end)}` : ""), ...detail(item)]);
    return text(item.title) ? `${text(item.title)}（${facts}）` : facts;
  });
  return `${items.length} ${unit}：${lines.join("；")}`;
}

function partnerItems(value: unknown): Item[] {
  const partners = entries(value);
  if (partners.length === 0) return [{ labelZh: "合作机构", labelEn: "Partners", value: "" }];
  return partners.map((partner, index) => {
    const agreement = entry(partner.agreement);
    const period = joined([text(agreement.start), text(agreement.end)], " 至 ");
    const name = joined([text(partner.name), text(partner.originalName)], " / ");
    return {
      labelZh: `合作机构 ${index + 1}`,
      labelEn: `Partner ${index + 1}`,
      value: joined(
        [
          name,
          `国家（地区）：${countryLabel(partner.country) || "未填写"}`,
          partner.isInternationalOrganization === true
            ? joined(
                [
                  "国际组织",
                  text(partner.headquartersCountry) ? `总部：${countryLabel(partner.headquartersCountry)}` : "",
                  text(partner.mainProjectCountry) ? `主要项目所在国：${countryLabel(partner.mainProjectCountry)}` : "",
                ],
                "，",
              )
            : "",
          text(partner.field) ? `领域：${text(partner.field)}` : "",
          `合作协议：${period || "未填写"}`,
        ],
        "；",
      ),
    };
  });
}

function financeText(value: unknown): string {
  const finance = entry(value);
  const unit = finance.amountUnit === "yuan" ? "元" : "万元";
  return entries(finance.years)
    .map((year) => {
      const revenue = Number(year.revenue);
      const rd = Number(year.rdExpense);
      const share = revenue > 0 && Number.isFinite(rd) ? `，占销售收入 ${((rd / revenue) * 100).toFixed(2)}%` : "";
      return `${text(year.year)}年：研发费用 ${text(year.rdExpense)} ${unit}，销售收入 ${text(year.revenue)} ${unit}${share}`;
    })
    .join("；");
}

/** The application's form as read-only sections for the expert (SPEC §5.1 step 5; Art. 6–13). */
function materialSections(application: typeof applications.$inferSelect, unitName: string): Section[] {
  const app = application.form.application ?? {};
  const director = application.form.director ?? {};
  const evidence = entry(app.evidence);
  const cooperation = entry(app.countries);
  const premises = entry(evidence.overseasPremises);
  const staff = entry(evidence.overseasStaff);
  const transferTeam = entry(evidence.transferServiceTeam);
  const type = baseTypes.find((t) => t.code === application.type);
  const region = regions.find((r) => r.code === application.region);
  const title = titles.find((t) => t.code === director.title);
  const basis =
    director.fullTimeBasis === "social-insurance"
      ? "（社保缴纳记录）"
      : director.fullTimeBasis === "employment-contract"
        ? "（人才聘用合同）"
        : "";
  const members = entries(entry(app.team).members).map((member) => {
    const notes = joined([text(member.role), member.hasInternationalExperience === true ? "有国际合作经历" : ""]);
    return notes ? `${text(member.name)}（${notes}）` : text(member.name);
  });
  const optional = (item: Item, shown: boolean): Item[] => (shown ? [item] : []);
  const trackRecord: Item[] = [
    {
      labelZh: "国际科技合作项目",
      labelEn: "International S&T projects",
      value: datedList(evidence.internationalProjects, "项", (p) => [
        projectLevelLabels[p.level as ProjectLevel] ?? "",
      ]),
    },
    { labelZh: "中外联合发表高水平论文", labelEn: "Joint papers", value: datedList(evidence.jointPapers, "篇") },
    {
      labelZh: "国际学术活动",
      labelEn: "International academic events",
      value: datedList(evidence.academicEvents, "次", (e) => [eventRoleLabels[text(e.role)] ?? ""]),
    },
    {
      labelZh: "自主知识产权",
      labelEn: "Own intellectual property",
      value: entries(evidence.ownIntellectualProperty)
        .map((ip) => (text(ip.kind) ? `${text(ip.title)}（${text(ip.kind)}）` : text(ip.title)))
        .join("；"),
    },
    {
      labelZh: "国际技术转移服务团队",
      labelEn: "Technology-transfer service team",
      value: text(transferTeam.size) ? joined([`${text(transferTeam.size)} 人`, text(transferTeam.description)]) : "",
    },
    {
      labelZh: "国际技术转移项目",
      labelEn: "Technology-transfer projects",
      value: datedList(evidence.transferProjects, "项", (p) => [transferStatusLabels[text(p.status)] ?? ""]),
    },
    {
      labelZh: "国际技术转移与科技交流活动",
      labelEn: "Technology-transfer and exchange events",
      value: datedList(evidence.transferEvents, "场"),
    },
    { labelZh: "研发投入（近3年）", labelEn: "R&D expense (3 years)", value: financeText(evidence.finance) },
    { labelZh: "合作成效与示范作用", labelEn: "Results", value: text(evidence.cooperationResults) },
    {
      labelZh: "境外固定场所",
      labelEn: "Premises abroad",
      value:
        premises.hasFixedPremises === true
          ? joined([
              "有",
              countryLabel(premises.country),
              text(premises.address),
              Array.isArray(premises.functions) ? premises.functions.map(text).join("、") : "",
            ])
          : premises.hasFixedPremises === false
            ? "无"
            : "",
    },
    {
      labelZh: "境外工作人员",
      labelEn: "Staff abroad",
      value: text(staff.count) ? joined([`${text(staff.count)} 人`, countryLabel(staff.country)]) : "",
    },
  ].filter((item) => item.value !== "");

  return [
    {
      headingZh: "基本情况",
      headingEn: "Basics",
      items: [
        { labelZh: "依托单位", labelEn: "Host unit", value: unitName },
        { labelZh: "基地类型", labelEn: "Base type", value: type?.nameZh ?? "", valueEn: type?.nameEn ?? "" },
        { labelZh: "领域", labelEn: "Field", value: application.field ?? "" },
        ...optional({ labelZh: "省重点国合基地", labelEn: "Key base", value: "是" }, application.isKey),
        ...optional(
          {
            labelZh: "离岸创新平台",
            labelEn: "Offshore platform",
            value: joined(["是", countryLabel(app.offshoreCountry)]),
          },
          application.isOffshore,
        ),
        ...optional(
          {
            labelZh: "港澳台合作",
            labelEn: "Hong Kong, Macao, Taiwan",
            value: region?.nameZh ?? "",
            valueEn: region?.nameEn ?? "",
          },
          !!region,
        ),
        ...optional(
          {
            labelZh: "与已有国家级平台的区别",
            labelEn: "Difference from the national platform",
            value: text(app.nationalPlatformDifference),
          },
          text(app.nationalPlatformDifference) !== "",
        ),
      ],
    },
    {
      headingZh: "合作国家（地区）",
      headingEn: "Cooperation countries (regions)",
      items: [
        {
          labelZh: "重点合作国家（地区）",
          labelEn: "Key countries",
          value: countryLabels(cooperation.key),
          valueEn: countryLabels(cooperation.key, "en"),
        },
        {
          labelZh: "主要合作国家（地区）",
          labelEn: "Main countries",
          value: countryLabels(cooperation.main),
          valueEn: countryLabels(cooperation.main, "en"),
        },
        {
          labelZh: "辐射合作国家（地区）",
          labelEn: "Radiating countries",
          value: countryLabels(cooperation.radiating),
          valueEn: countryLabels(cooperation.radiating, "en"),
        },
      ],
    },
    { headingZh: "合作机构与协议", headingEn: "Partners and agreements", items: partnerItems(app.partners) },
    {
      headingZh: "基地负责人与团队",
      headingEn: "Director and team",
      items: [
        { labelZh: "基地负责人", labelEn: "Director", value: text(director.name) },
        { labelZh: "职称", labelEn: "Title", value: title?.nameZh ?? "", valueEn: title?.nameEn ?? "" },
        { labelZh: "全职在岗", labelEn: "Full-time", value: `${yesNo(director.fullTime)}${basis}` },
        {
          labelZh: "科研工作负责人或主要团队牵头人",
          labelEn: "Research lead",
          value: yesNo(director.isResearchLead),
        },
        ...optional(
          { labelZh: "具有同等研究能力", labelEn: "Equivalent research ability", value: "是" },
          director.hasEquivalentAbility === true,
        ),
        { labelZh: "团队成员", labelEn: "Team members", value: members.join("；") },
      ],
    },
    {
      headingZh: "发展目标与运行机制",
      headingEn: "Goals and mechanism",
      items: [
        { labelZh: "发展目标", labelEn: "Goals", value: text(app.developmentGoals) },
        { labelZh: "运行机制", labelEn: "Mechanism", value: text(app.operatingMechanism) },
      ],
    },
    {
      headingZh: "合作基础与成效",
      headingEn: "Track record",
      items: trackRecord.length > 0 ? trackRecord : [{ labelZh: "合作基础与成效", labelEn: "Track record", value: "" }],
    },
  ];
}

/** An application as a review target: recognition's side of the contract in server/review/targets.ts. */
export const applicationTarget: ReviewTargetProvider = {
  kind: "application",

  async facts(executor, id): Promise<ReviewTargetFacts | null> {
    const row = await load(executor, id, ["form"]);
    if (!row) return null;
    const form = row.application.form;
    return {
      kind: "application",
      id,
      title: row.application.standardName ?? row.unitName,
      field: row.application.field ?? "",
      unitId: row.application.unitId,
      unitName: row.unitName,
      directorPersonId: row.application.directorPersonId,
      directorUnitId: stringOrNull(form.director?.unitId),
      declaredAvoidances: declared(form.application?.avoidances, declaredAvoidance),
      declaredCollaborations: declared(form.application?.collaborations, declaredCollaboration),
    };
  },

  async labels(executor, ids) {
    const labels = new Map<string, { title: string; unitName: string }>();
    for (let at = 0; at < ids.length; at += 5_000) {
      const rows = await executor
        .select({ id: applications.id, standardName: applications.standardName, unitName: units.name })
        .from(applications)
        .innerJoin(units, eq(units.id, applications.unitId))
        .where(inArray(applications.id, ids.slice(at, at + 5_000)));
      for (const row of rows) labels.set(row.id, { title: row.standardName ?? row.unitName, unitName: row.unitName });
    }
    return labels;
  },

  /**
   * What an expert reads after declaring no conflict: the form as labelled sections (country codes as names, the
   * director's title, partners with their agreements, the team and the track record), the uploaded files with
   * the call's slot labels, and the stored eligibility findings. No ID numbers or phones (the form holds none and
   * the director's person id is left out); the applicant's declared avoidances are left out too, since they may
   * name experts (ADR 0003: nothing here may name another expert).
   */
  async materials(executor, id): Promise<ReviewMaterials | null> {
    const row = await load(executor, id, ["form", "eligibility"]);
    if (!row) return null;
    const [call] = await executor
      .select({ materials: calls.materials })
      .from(calls)
      .where(eq(calls.id, row.application.callId));
    const callMaterials = call ? parseStored("calls.materials", call.materials, row.application.callId) : [];
    const slotLabels = new Map(
      [...defaultMaterials, ...callMaterials].map((material) => [material.slot as string, material]),
    );
    const slotOrder = (slot: string) => {
      const index = (callMaterials.length > 0 ? callMaterials : defaultMaterials).findIndex((m) => m.slot === slot);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    const attached = await executor
      .select({
        fileId: files.id,
        slot: applicationFiles.slot,
        name: files.name,
        mediaType: files.mediaType,
        size: files.size,
      })
      .from(applicationFiles)
      .innerJoin(files, eq(files.id, applicationFiles.fileId))
      .where(eq(applicationFiles.applicationId, id))
      .orderBy(asc(applicationFiles.createdAt), asc(applicationFiles.id));
    // The slot's label as the call names it, so the expert sees 申报书（签字盖章PDF）rather than a slot code.
    const labelled: Array<ReviewMaterials["files"][number] & { labelZh: string; labelEn: string }> = attached
      .map((file) => ({
        ...file,
        labelZh: slotLabels.get(file.slot)?.labelZh ?? file.slot,
        labelEn: slotLabels.get(file.slot)?.labelEn ?? file.slot,
      }))
      .sort((a, b) => slotOrder(a.slot) - slotOrder(b.slot));
    return {
      title: row.application.standardName ?? row.unitName,
      sections: materialSections(row.application, row.unitName),
      files: labelled,
      findings: row.application.eligibility?.findings ?? [],
    };
  },

  async canStartReview(executor, id) {
    const row = await load(executor, id);
    if (!row) {
      return refuse({ code: "not-found", messageZh: "申报不存在。", messageEn: "Application not found." });
    }
    if (row.application.state !== "in-expert-review") {
      return refuse({
        code: "not-in-expert-review",
        article: "14.2",
        messageZh: "该申报尚未进入专家评审阶段。",
        messageEn: "The application is not in expert review.",
      });
    }
    const [call] = await executor
      .select({ titleZh: calls.titleZh })
      .from(calls)
      .where(eq(calls.id, row.application.callId));
    return accept({ groupId: row.application.callId, groupTitle: call?.titleZh ?? row.application.callId });
  },

  /** Art. 14.2: applications the officers sent to expert review, oldest call and name first. */
  async awaiting(executor): Promise<AwaitingReviewTarget[]> {
    const rows = await executor
      .select({
        id: applications.id,
        standardName: applications.standardName,
        field: applications.field,
        unitName: units.name,
        callId: calls.id,
        callTitle: calls.titleZh,
      })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applications.state, "in-expert-review"))
      .orderBy(asc(calls.createdAt), asc(applications.standardName), asc(applications.id));
    return rows.map((row) => ({
      id: row.id,
      title: row.standardName ?? row.unitName,
      unitName: row.unitName,
      field: row.field ?? "",
      groupId: row.callId,
      groupTitle: row.callTitle,
    }));
  },

  async rubric(executor, id): Promise<Rubric | null> {
    const row = await load(executor, id);
    return row ? parseStored("calls.rubric", row.rubric, row.application.callId) : null;
  },

  /**
   * Recognition owns the application's state: the officers are told the panel is complete and move it on
   * ("complete-review") themselves, seeing the scores first.
   */
  async onReviewCompleted(context, id, result) {
    const officers = await context.tx
      .select({ id: roleGrants.accountId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, "officer"), eq(roleGrants.status, "approved")));
    const [row] = await context.tx
      .select({ name: applications.standardName })
      .from(applications)
      .where(eq(applications.id, id));
    await context.enqueue({
      kind: "notify",
      accountIds: officers.map((officer) => officer.id),
      titleZh: `专家评审已完成：${row?.name ?? id}（平均分 ${result.mean.toFixed(2)}）`,
      titleEn: `Expert review complete: ${row?.name ?? id} (mean ${result.mean.toFixed(2)})`,
      link: `/applications/${id}`,
    });
  },
};
