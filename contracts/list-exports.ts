import { baseListQuery } from "./bases";
import { unitListQuery } from "./organisations";
import { publicBaseQuery } from "./public-registry";
import { applicationListQuery } from "./recognition";
import { expertListQuery } from "./review";

/**
 * The Excel export of each list takes the list's own filters and sort without the page: the file holds exactly what
 * the list shows, every page of it (GET …/export).
 */
export const applicationExportQuery = applicationListQuery.omit({ page: true, pageSize: true });
export const unitExportQuery = unitListQuery.omit({ page: true, pageSize: true });
export const expertExportQuery = expertListQuery.omit({ page: true, pageSize: true });
export const baseExportQuery = baseListQuery.omit({ page: true, pageSize: true });
export const publicBaseExportQuery = publicBaseQuery.omit({ page: true, pageSize: true });

/** Statuses of host units and experts in words, for exports and print (the one list of these labels). */
export const unitStatusLabels = {
  pending: { zh: "待确认", en: "Pending" },
  confirmed: { zh: "已确认", en: "Confirmed" },
  rejected: { zh: "已退回", en: "Returned" },
} as const;
export const expertStatusLabels = {
  active: { zh: "可抽取", en: "Drawable" },
  suspended: { zh: "暂停", en: "Suspended" },
  retired: { zh: "退出", en: "Retired" },
} as const;

/** The sort directions in words (the export's 筛选条件 sheet). */
export const sortOrderLabels = { asc: "升序", desc: "降序" } as const;
