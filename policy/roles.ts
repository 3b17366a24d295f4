/**
 * The eight role codes of SPEC §1, and `integration`: the role of a service account through which an outside system
 * reads the registry with an API token (issue 18; docs/integration.md). 三员 (sysadmin/secadmin/auditor) never see
 * business data.
 */
export const roles = [
  "applicant",
  "recommender",
  "officer",
  "expert",
  "evaluator",
  "sysadmin",
  "secadmin",
  "auditor",
  "integration",
] as const;

export type Role = (typeof roles)[number];

export const roleLabels = {
  applicant: { zh: "依托单位", en: "Host unit" },
  recommender: { zh: "推荐部门", en: "Recommender" },
  officer: { zh: "省科技厅", en: "Department officer" },
  expert: { zh: "评审专家", en: "Expert" },
  evaluator: { zh: "第三方评估机构", en: "Evaluator" },
  sysadmin: { zh: "系统管理员", en: "System administrator" },
  secadmin: { zh: "安全管理员", en: "Security administrator" },
  auditor: { zh: "审计管理员", en: "Auditor" },
  integration: { zh: "外部系统对接", en: "Integration (service account)" },
} as const satisfies Record<Role, { zh: string; en: string }>;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
