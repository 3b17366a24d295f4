import { expertStatusLabels, unitStatusLabels } from "../../contracts/list-exports";
import type { PublicBase } from "../../contracts/public-registry";
import type { UnitRow } from "../db/units.repository";
import type { ExportedApplication } from "../recognition/applications.repository";
import type { LoadedBase } from "../registry/bases.repository";
import type { ExpertWithPerson } from "../review/experts.repository";
import { words } from "./labels";
import type { ExportColumn } from "./xlsx-stream";

/** The columns of each list's Excel export: Chinese headers, labels for codes, office dates. */

export const applicationColumns: ExportColumn<ExportedApplication>[] = [
  { header: "申报名称", width: 44, value: (r) => r.standardName ?? `${r.unitName}（名称未生成）` },
  { header: "依托单位", width: 32, value: (r) => r.unitName },
  { header: "所在市州", width: 12, value: (r) => words.prefecture(r.unitDivision) },
  { header: "基地类型", width: 10, value: (r) => words.baseType(r.type) },
  { header: "领域", width: 16, value: (r) => r.field ?? "" },
  { header: "认定批次", width: 40, value: (r) => r.callTitleZh },
  { header: "状态", width: 18, value: (r) => words.applicationState(r.state) },
  { header: "当前审核部门", width: 26, value: (r) => r.recommenderName },
  { header: "推荐排序", width: 10, value: (r) => r.priority },
  { header: "基地负责人", width: 12, value: (r) => r.directorName ?? "" },
  { header: "提交日期", width: 16, value: (r) => words.date(r.submittedAt) },
  { header: "最近更新", width: 16, value: (r) => words.date(r.updatedAt) },
];

export const unitColumns: ExportColumn<{ unit: UnitRow; recommenderName: string }>[] = [
  { header: "单位名称", width: 34, value: (r) => r.unit.name },
  { header: "统一社会信用代码", width: 22, value: (r) => r.unit.uscc },
  { header: "单位类型", width: 16, value: (r) => words.unitType(r.unit.type) },
  { header: "所在市州", width: 12, value: (r) => words.prefecture(r.unit.divisionCode) },
  { header: "推荐部门", width: 26, value: (r) => r.recommenderName },
  { header: "状态", width: 10, value: (r) => unitStatusLabels[r.unit.status].zh },
  { header: "法定代表人", width: 12, value: (r) => r.unit.legalRepresentative },
  { header: "联系人", width: 12, value: (r) => r.unit.contactName },
  { header: "登记日期", width: 16, value: (r) => words.date(r.unit.createdAt) },
];

/** The expert pool without phone or identity numbers (personal data stays in the system). */
export const expertColumns: ExportColumn<ExpertWithPerson>[] = [
  { header: "姓名", width: 12, value: (r) => r.name },
  { header: "职称", width: 10, value: (r) => words.title(r.expert.title) },
  { header: "工作单位", width: 32, value: (r) => r.expert.unitName },
  { header: "所在市州", width: 12, value: (r) => words.prefecture(r.expert.divisionCode) },
  { header: "领域", width: 36, value: (r) => r.expert.fields.join("、") },
  { header: "状态", width: 10, value: (r) => expertStatusLabels[r.expert.status].zh },
  { header: "入库日期", width: 16, value: (r) => words.date(r.expert.createdAt) },
];

/** The officer's view of the registry: every base in scope, any status, with its host unit and recommender. */
export const officerBaseColumns: ExportColumn<LoadedBase & { unitDivision: string }>[] = [
  { header: "基地名称", width: 44, value: (r) => r.base.standardName },
  { header: "依托单位", width: 32, value: (r) => r.unitName },
  { header: "所在市州", width: 12, value: (r) => words.prefecture(r.unitDivision) },
  { header: "推荐部门", width: 26, value: (r) => r.recommenderName },
  { header: "基地类型", width: 10, value: (r) => words.baseType(r.base.type) },
  { header: "重点基地", width: 10, value: (r) => (r.base.isKey ? "是" : "否") },
  { header: "领域", width: 16, value: (r) => r.base.field },
  { header: "基地负责人", width: 12, value: (r) => r.base.directorName },
  { header: "状态", width: 12, value: (r) => words.baseState(r.base.status) },
  { header: "认定日期", width: 16, value: (r) => words.date(r.base.recognizedOn) },
  { header: "认定文号", width: 26, value: (r) => r.base.documentNumber },
];

const countryNames = (list: PublicBase["countries"]["key"]) => list.map((country) => country.nameZh).join("、");

/** The public view: exactly the columns the public registry shows (open data), nothing more. */
export const publicBaseColumns: ExportColumn<PublicBase>[] = [
  { header: "基地名称", width: 44, value: (r) => r.name },
  { header: "依托单位", width: 32, value: (r) => r.unit },
  { header: "所在市州", width: 12, value: (r) => r.divisionZh },
  { header: "基地类型", width: 10, value: (r) => r.typeZh },
  { header: "领域", width: 16, value: (r) => r.field },
  { header: "重点合作国家（地区）", width: 22, value: (r) => countryNames(r.countries.key) },
  { header: "主要合作国家（地区）", width: 22, value: (r) => countryNames(r.countries.main) },
  { header: "辐射合作国家（地区）", width: 22, value: (r) => countryNames(r.countries.radiating) },
  { header: "基地负责人", width: 12, value: (r) => r.director },
  { header: "认定日期", width: 16, value: (r) => words.date(r.recognizedOn) },
  { header: "认定文号", width: 26, value: (r) => r.documentNumber },
  { header: "状态", width: 10, value: (r) => r.statusZh },
];
