import type { Role } from "../../policy/roles";

/** One shared demo password: demo mode is for trying the platform, never for real data. */
export const demoPassword = "Demo@2025";

export interface DemoAccountSpec {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  label: string;
  labelEn: string;
  /** Natural keys resolved when loading: the unit's USCC, the recommender's code. */
  unitUscc?: string;
  recommenderCode?: string;
  isUnitAdmin?: boolean;
}

/** Creates a demo account (or finds it by username) with its roles approved; returns its id. */
export type DemoAccountMaker = (spec: DemoAccountSpec) => Promise<string>;

export const demoAccounts: DemoAccountSpec[] = [
  {
    username: "officer",
    password: demoPassword,
    displayName: "李处长",
    roles: ["officer"],
    label: "省科技厅 国际合作处",
    labelEn: "Department officer",
  },
  {
    username: "sysadmin",
    password: demoPassword,
    displayName: "系统管理员",
    roles: ["sysadmin"],
    label: "系统管理员",
    labelEn: "System administrator",
  },
  {
    username: "secadmin",
    password: demoPassword,
    displayName: "安全管理员",
    roles: ["secadmin"],
    label: "安全管理员",
    labelEn: "Security administrator",
  },
  {
    username: "auditor",
    password: demoPassword,
    displayName: "审计管理员",
    roles: ["auditor"],
    label: "审计管理员",
    labelEn: "Auditor",
  },
  {
    username: "expert",
    password: demoPassword,
    displayName: "王教授",
    roles: ["expert"],
    label: "评审专家",
    labelEn: "Expert",
  },
  {
    username: "evaluator",
    password: demoPassword,
    displayName: "第三方评估机构",
    roles: ["evaluator"],
    label: "第三方评估机构",
    labelEn: "Evaluator",
  },
  {
    username: "rec.wuhan",
    password: demoPassword,
    displayName: "武汉市科技局",
    roles: ["recommender"],
    recommenderCode: "420100",
    label: "推荐部门 · 武汉市科技局",
    labelEn: "Recommender · Wuhan",
  },
  {
    username: "rec.yichang",
    password: demoPassword,
    displayName: "宜昌市科技局",
    roles: ["recommender"],
    recommenderCode: "420500",
    label: "推荐部门 · 宜昌市科技局",
    labelEn: "Recommender · Yichang",
  },
  {
    username: "rec.donghu",
    password: demoPassword,
    displayName: "东湖高新区科创局",
    roles: ["recommender"],
    recommenderCode: "420100-DH",
    label: "推荐部门 · 东湖高新区（武汉下级）",
    labelEn: "Sub-recommender · East Lake zone (under Wuhan)",
  },
  {
    username: "app.hust",
    password: demoPassword,
    displayName: "华中科技大学 国际合作部",
    roles: ["applicant", "recommender"],
    unitUscc: "HUST",
    recommenderCode: "DIRECT-HUST",
    isUnitAdmin: true,
    label: "依托单位 · 华中科技大学（部属高校，直接推荐）",
    labelEn: "Host unit · HUST (ministry university, recommends directly)",
  },
  {
    username: "app.wuhan-ent",
    password: demoPassword,
    displayName: "光谷激光 国际部",
    roles: ["applicant"],
    unitUscc: "WUHAN-ENT",
    isUnitAdmin: true,
    label: "依托单位 · 武汉光谷激光科技有限公司",
    labelEn: "Host unit · Wuhan enterprise",
  },
  {
    username: "app.yichang",
    password: demoPassword,
    displayName: "三峡新材 科技部",
    roles: ["applicant"],
    unitUscc: "YICHANG-ENT",
    isUnitAdmin: true,
    label: "依托单位 · 宜昌三峡新材料股份有限公司",
    labelEn: "Host unit · Yichang enterprise",
  },
];
