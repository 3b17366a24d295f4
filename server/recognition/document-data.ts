import { eq } from "drizzle-orm";
import { type BaseType, baseTypeOf } from "../../policy/reference/base-types";
import { type Region, regionOf } from "../../policy/reference/regions";
import { titles } from "../../policy/reference/titles";
import { unitTypes } from "../../policy/reference/unit-types";
import type { Executor } from "../db/client";
import { calls, units } from "../db/schema";
import type { ApplicationFormData } from "../documents/application-form";
import type { RecommendationData } from "../documents/recommendation";
import { countryList } from "../reference/countries";
import { filesOf } from "./application-files";
import type { JoinedApplication } from "./applications.repository";
import { entries, entry } from "./form-values";

const countryNames = new Map(countryList.map((country) => [country.code, country.nameZh]));
export const countryName = (code: unknown) =>
  typeof code === "string" ? (countryNames.get(code.toUpperCase()) ?? code) : "";
export const countriesText = (codes: unknown) =>
  Array.isArray(codes) ? codes.map(countryName).filter(Boolean).join("、") : "";

const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const yesNo = (value: unknown) => (value === true ? "是" : value === false ? "否" : "未填写");

/** Everything the 申报书 prints, read from the application (its form, unit, call, files). */
export async function applicationFormData(executor: Executor, row: JoinedApplication): Promise<ApplicationFormData> {
  const app = row.application;
  const a = app.form.application ?? {};
  const director = app.form.director ?? {};
  const evidence = entry(a.evidence);
  const countries = entry(a.countries);
  const [unit] = await executor.select().from(units).where(eq(units.id, app.unitId));
  const [call] = await executor.select().from(calls).where(eq(calls.id, app.callId));
  const attached = await filesOf(executor, app.id);
  const unitType = unitTypes.find((t) => t.code === unit?.type)?.nameZh ?? unit?.type ?? "";
  const title = titles.find((t) => t.code === director.title)?.nameZh ?? "未填写";
  const premises = entry(evidence.overseasPremises);
  const staff = entry(evidence.overseasStaff);
  const finance = entries(entry(evidence.finance).years);
  const systems = attached.filter((f) => f.slot.startsWith("system-")).map((f) => f.name);

  const sections: ApplicationFormData["sections"] = [
    {
      heading: "（一）依托单位",
      rows: [
        ["单位名称", row.unitName],
        ["统一社会信用代码", unit?.uscc ?? ""],
        ["单位类型", unitType],
        ["注册地址", unit?.address ?? ""],
        ["法定代表人", unit?.legalRepresentative ?? ""],
        ["联系人", unit?.contactName ?? ""],
        ["推荐部门", row.recommenderName],
      ],
    },
    {
      heading: "（二）基地概况（第六条、第十三条、第二十九至三十条）",
      rows: [
        ["基地标准名称", app.standardName ?? "（待选择类型和领域）"],
        ["基地类型", app.type ? baseTypeOf(app.type as BaseType).nameZh : "未选择"],
        ["领域", app.field ?? ""],
        ["省重点国合基地（离岸中心）", app.isKey ? "是" : "否"],
        ["离岸创新平台", app.isOffshore ? `是（${countryName(a.offshoreCountry) || "所在国未填写"}）` : "否"],
        ["港澳台合作", app.region ? regionOf(app.region as Region).nameZh : "否"],
        ["重点合作国家（地区）", countriesText(countries.key)],
        ["主要合作国家（地区）", countriesText(countries.main)],
        ["辐射合作国家（地区）", countriesText(countries.radiating)],
      ],
    },
    {
      heading: "（三）基地负责人（第十二条）",
      rows: [
        ["姓名", text(director.name)],
        ["职称", title],
        [
          "全职在岗",
          `${yesNo(director.fullTime)}${director.fullTimeBasis === "employment-contract" ? "（人才聘用合同）" : director.fullTimeBasis === "social-insurance" ? "（社保缴纳记录）" : ""}`,
        ],
        ["科研工作负责人或主要团队牵头人", yesNo(director.isResearchLead)],
      ],
    },
    {
      heading: "（四）发展目标与运行机制（第七条第3项）",
      rows: [
        ["发展目标", text(a.developmentGoals)],
        ["运行机制", text(a.operatingMechanism)],
      ],
    },
    {
      heading: "（五）合作基础与成效（第八至十一条）",
      rows: [
        [
          "国际科技合作项目",
          entries(evidence.internationalProjects)
            .map((p) => `${text(p.title)}（${text(p.date)}）`)
            .join("；"),
        ],
        ["中外联合发表论文", `${entries(evidence.jointPapers).length} 篇`],
        ["联合承办国际学术活动", `${entries(evidence.academicEvents).length} 次`],
        ["国际技术转移项目", `${entries(evidence.transferProjects).length} 项`],
        ["国际技术转移活动", `${entries(evidence.transferEvents).length} 场`],
        [
          "研发投入（近3年）",
          finance.map((y) => `${text(y.year)}年 研发 ${text(y.rdExpense)} / 收入 ${text(y.revenue)}`).join("；"),
        ],
        ["合作成效", text(evidence.cooperationResults)],
        [
          "境外场所与人员",
          app.isOffshore
            ? `场所：${premises.hasFixedPremises === true ? text(premises.address) || "有" : "未填写"}；人员：${text(staff.count) || "未填写"} 人`
            : "不适用",
        ],
      ],
    },
    {
      heading: "（六）管理制度（第七条第4项）",
      rows: [["已上传制度文件", systems.length > 0 ? systems.join("；") : "未上传"]],
    },
  ];
  const partners = entries(a.partners).map((p) => {
    const agreement = entry(p.agreement);
    return {
      name: text(p.name),
      originalName: text(p.originalName),
      country: countryName(p.country),
      organization:
        p.isInternationalOrganization === true ? `国际组织，总部：${countryName(p.headquartersCountry)}` : "否",
      field: text(p.field),
      agreement: [text(agreement.start), text(agreement.end)].filter(Boolean).join(" 至 "),
    };
  });
  const team = entries(entry(a.team).members).map((m) => ({
    name: text(m.name),
    role: text(m.role),
    international: m.hasInternationalExperience === true ? "有" : "—",
  }));
  return {
    applicationId: app.id,
    version: app.version,
    callTitle: call?.titleZh ?? row.callTitleZh,
    year: call?.year ?? 0,
    standardName: app.standardName ?? "（待选择类型和领域）",
    unitName: row.unitName,
    recommenderName: row.recommenderName,
    sections,
    partners,
    team,
    // The printed content only: uploading the stamped scan or submitting does not change the code on paper.
    digestContent: { applicationId: app.id, unitId: app.unitId, standardName: app.standardName, form: app.form },
  };
}

/** The 推荐函 / 汇总表 content of one recommender's list. */
export function recommendationData(
  loaded: {
    call: typeof calls.$inferSelect;
    recommender: { nameZh: string };
    items: JoinedApplication[];
    quota: number | null;
    /** The recommender's 推荐意见 by application id; an application without one prints none. */
    opinions?: ReadonlyMap<string, string>;
  },
  date: string,
): RecommendationData {
  return {
    callTitle: loaded.call.titleZh,
    year: loaded.call.year,
    recommenderName: loaded.recommender.nameZh,
    date,
    quota: loaded.quota,
    items: loaded.items.map((row, index) => {
      const form = row.application.form;
      const countries = entry(form.application?.countries);
      return {
        priority: row.application.priority ?? index + 1,
        unitName: row.unitName,
        standardName: row.application.standardName ?? "",
        type: row.application.type ? baseTypeOf(row.application.type as BaseType).nameZh : "",
        field: row.application.field ?? "",
        director: text(form.director?.name),
        keyCountries: countriesText(countries.key),
        mainCountries: countriesText(countries.main),
        opinion: loaded.opinions?.get(row.application.id) ?? "",
      };
    }),
  };
}
