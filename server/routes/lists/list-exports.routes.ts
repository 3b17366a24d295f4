import { errorResponses } from "../../../contracts/errors";
import {
  applicationExportQuery,
  baseExportQuery,
  expertExportQuery,
  expertStatusLabels,
  publicBaseExportQuery,
  unitExportQuery,
  unitStatusLabels,
} from "../../../contracts/list-exports";
import { authorize } from "../../access/scope";
import { chinaDate } from "../../clock";
import { allUnits } from "../../db/units.repository";
import { allPublicBases } from "../../decision/public-bases.repository";
import { errors } from "../../http/errors";
import { callerOf } from "../../http/request-context";
import { describeFilters, words } from "../../lists/labels";
import {
  applicationColumns,
  expertColumns,
  officerBaseColumns,
  publicBaseColumns,
  unitColumns,
} from "../../lists/list-exports";
import { sendListWorkbook } from "../../lists/xlsx-stream";
import { allApplications } from "../../recognition/applications.repository";
import { listCalls } from "../../recognition/calls";
import { allBases } from "../../registry/bases.repository";
import { allExperts } from "../../review/experts.repository";
import type { RouteDeps, TypedApp } from "../types";

const applicationSortWords = {
  updatedAt: "最近更新",
  submittedAt: "提交日期",
  unitName: "依托单位",
  state: "状态",
  standardName: "申报名称",
  priority: "推荐排序",
} as const;
const unitSortWords = {
  name: "单位名称",
  createdAt: "登记日期",
  status: "状态",
  division: "所在市州",
  type: "单位类型",
};
const expertSortWords = { name: "姓名", createdAt: "入库日期", title: "职称", status: "状态", unitName: "工作单位" };
const baseSortWords = {
  recognizedOn: "认定日期",
  standardName: "基地名称",
  unitName: "依托单位",
  status: "状态",
  type: "基地类型",
  field: "领域",
};
const publicSortWords = {
  recognizedOn: "认定日期",
  name: "基地名称",
  unit: "依托单位",
  type: "基地类型",
  field: "领域",
};

const sortWords = <Key extends string>(names: Record<Key, string>, sort: Key | undefined, order?: "asc" | "desc") =>
  sort ? `${names[sort]}（${words.order(order)}）` : null;

/** A file on success; the one error shape otherwise. */
const xlsxResponse = errorResponses;

/**
 * Excel exports of the lists (申报, 单位, 专家, 基地 and the public 名录): the list's own filters, sort and row scope —
 * the same where-clause as the page — over every page, streamed. Chinese headers, labels for codes, office dates.
 */
export async function listExportRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;
  const today = () => words.date(chinaDate(deps.clock.now()));

  app.get(
    "/api/applications/export",
    {
      config: { ability: "application.read" },
      schema: {
        tags: ["applications"],
        summary: "导出申报列表（Excel，按当前筛选）/ export the filtered applications as .xlsx",
        querystring: applicationExportQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "application.read");
      const { held, ...filter } = request.query;
      if (held && !caller.recommenderId) throw errors.forbidden("application.recommend");
      const call = filter.callId
        ? (await listCalls(db, caller)).find((visible) => visible.id === filter.callId)
        : undefined;
      return sendListWorkbook(reply, {
        fileName: `申报列表-${chinaDate(deps.clock.now())}.xlsx`,
        sheetName: "申报列表",
        columns: applicationColumns,
        batches: allApplications(db, scope, {
          ...filter,
          heldBy: held ? (caller.recommenderId ?? undefined) : undefined,
        }),
        exportedOn: today(),
        filters: describeFilters([
          ["认定批次", call?.titleZh],
          ["状态", filter.state && words.applicationState(filter.state)],
          ["所在市州", filter.division && words.prefectureCode(filter.division)],
          ["基地类型", filter.type && words.baseType(filter.type)],
          ["领域", filter.field],
          ["搜索", filter.q],
          ["待本部门审核", held ? "是" : null],
          ["待出具推荐函", filter.letter === "missing" ? "是" : null],
          ["排序", sortWords(applicationSortWords, filter.sort, filter.order)],
        ]),
      });
    },
  );

  app.get(
    "/api/units/export",
    {
      config: { ability: "unit.read" },
      schema: {
        tags: ["units"],
        summary: "导出依托单位列表（Excel，按当前筛选）/ export the filtered host units as .xlsx",
        querystring: unitExportQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) => {
      const scope = await authorize(db, callerOf(request), "unit.read");
      const filter = request.query;
      return sendListWorkbook(reply, {
        fileName: `依托单位-${chinaDate(deps.clock.now())}.xlsx`,
        sheetName: "依托单位",
        columns: unitColumns,
        batches: allUnits(db, scope, filter),
        exportedOn: today(),
        filters: describeFilters([
          ["状态", filter.status && unitStatusLabels[filter.status].zh],
          ["所在市州", filter.division && words.prefectureCode(filter.division)],
          ["单位类型", filter.type && words.unitType(filter.type)],
          ["搜索", filter.q],
          ["排序", sortWords(unitSortWords, filter.sort, filter.order)],
        ]),
      });
    },
  );

  app.get(
    "/api/experts/export",
    {
      config: { ability: "expert.read" },
      schema: {
        tags: ["experts"],
        summary: "导出专家库（Excel，按当前筛选，不含电话和证件号）/ export the filtered expert pool as .xlsx",
        querystring: expertExportQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "expert.read");
      const filter = request.query;
      return sendListWorkbook(reply, {
        fileName: `专家库-${chinaDate(deps.clock.now())}.xlsx`,
        sheetName: "专家库",
        columns: expertColumns,
        batches: allExperts(db, filter),
        exportedOn: today(),
        filters: describeFilters([
          ["领域", filter.field],
          ["职称", filter.title && words.title(filter.title)],
          ["状态", filter.status && expertStatusLabels[filter.status].zh],
          ["搜索", filter.q],
          ["排序", sortWords(expertSortWords, filter.sort, filter.order)],
        ]),
      });
    },
  );

  app.get(
    "/api/bases/export",
    {
      config: { ability: "base.read" },
      schema: {
        tags: ["bases"],
        summary: "导出基地登记册（Excel，管理视图，按当前筛选）/ export the filtered registry, officer view",
        querystring: baseExportQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) => {
      const scope = await authorize(db, callerOf(request), "base.read");
      const filter = request.query;
      return sendListWorkbook(reply, {
        fileName: `基地登记册-${chinaDate(deps.clock.now())}.xlsx`,
        sheetName: "基地登记册",
        columns: officerBaseColumns,
        batches: allBases(db, scope, filter),
        exportedOn: today(),
        filters: describeFilters(baseFilterWords(filter)),
      });
    },
  );

  app.get(
    "/api/public/bases/export",
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["public"],
        summary: "导出省国合基地名录（公开，Excel）/ export the public registry as .xlsx",
        querystring: publicBaseExportQuery,
        response: xlsxResponse,
      },
    },
    async (request, reply) => {
      const filter = request.query;
      return sendListWorkbook(reply, {
        fileName: `湖北省国际科技合作基地名录-${chinaDate(deps.clock.now())}.xlsx`,
        sheetName: "基地名录",
        columns: publicBaseColumns,
        batches: allPublicBases(db, filter),
        exportedOn: today(),
        filters: describeFilters([
          ["基地类型", filter.type && words.baseType(filter.type)],
          ["领域", filter.field],
          ["所在市州", filter.division && words.prefectureCode(filter.division)],
          ["合作国家（地区）", filter.country],
          ["认定年度", filter.year ? `${filter.year}年` : null],
          ["搜索", filter.q],
          ["排序", sortWords(publicSortWords, filter.sort, filter.order)],
        ]),
      });
    },
  );
}

function baseFilterWords(filter: {
  status?: string | undefined;
  type?: string | undefined;
  division?: string | undefined;
  field?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
  sort?: keyof typeof baseSortWords | undefined;
  order?: "asc" | "desc" | undefined;
}): Array<[string, string | null | undefined | false]> {
  return [
    ["状态", filter.status && words.baseState(filter.status)],
    ["基地类型", filter.type && words.baseType(filter.type)],
    ["所在市州", filter.division && words.prefectureCode(filter.division)],
    ["领域", filter.field],
    ["认定年度", filter.year ? `${filter.year}年` : null],
    ["搜索", filter.q],
    ["排序", sortWords(baseSortWords, filter.sort, filter.order)],
  ];
}
