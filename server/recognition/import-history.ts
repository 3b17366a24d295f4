import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type ExcelJS from "exceljs";
import { liveBaseStates } from "../../policy/deadlines/deadlines";
import { type AllianceKind, allianceKinds } from "../../policy/reference/alliance-kinds";
import { revocationGrounds } from "../../policy/reference/revocation-grounds";
import type { Executor } from "../db/client";
import { allianceMembers, alliances, bases, revocations, units } from "../db/schema";

/** The registry import's extra sheets (issue 12): past revocations (Art. 20) and alliance memberships (Art. 27). */
export const revocationSheet = "撤销记录";
export const revocationColumns = [
  "依托单位",
  "统一社会信用代码",
  "基地名称",
  "撤销情形",
  "撤销日期",
  "撤销文号",
] as const;
export const allianceSheet = "联盟成员";
export const allianceColumns = [
  "联盟名称",
  "联盟类型",
  "基地名称",
  "统一社会信用代码",
  "加入日期",
  "退出日期",
  "牵头基地",
] as const;
/** Columns a sheet may leave out (older templates, optional facts). */
const optionalColumns = new Set<string>(["依托单位", "撤销文号", "统一社会信用代码", "退出日期", "牵头基地"]);

export interface SheetRowError {
  column: string;
  messageZh: string;
  messageEn: string;
}
export interface SheetRowReport {
  sheet: string;
  row: number;
  ok: boolean;
  baseName: string;
  errors: SheetRowError[];
}

/** A base the import can point at: in the registry already, or a row of this file's bases sheet. */
export interface KnownBase {
  id: string;
  name: string;
  unitId: string;
  status: string;
}

export type RevocationRow = Omit<typeof revocations.$inferInsert, "createdAt" | "createdBy">;
export type AllianceRow = Omit<typeof alliances.$inferInsert, "createdAt" | "createdBy">;
export type MemberRow = Omit<typeof allianceMembers.$inferInsert, "createdAt" | "createdBy">;

type Get = (name: string) => string;

/** The data rows of a sheet by header name; a required column missing is one error naming the sheet. */
export function readSheet(
  sheet: ExcelJS.Worksheet,
  columns: readonly string[],
  cellText: (value: ExcelJS.CellValue) => string,
): { rows: Array<{ row: number; get: Get }>; missing: string[] } {
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, index) => {
    header[index] = cellText(cell.value);
  });
  const missing = columns.filter((name) => !optionalColumns.has(name) && !header.includes(name));
  const rows: Array<{ row: number; get: Get }> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const get = (name: string) => {
      const index = header.indexOf(name);
      return index < 0 ? "" : cellText(row.getCell(index).value);
    };
    if (columns.every((name) => get(name) === "")) return;
    rows.push({ row: number, get });
  });
  return { rows, missing };
}

const groundOf = (text: string) => {
  const digits = text.replace(/^第|项$|[（()）]/g, "").trim();
  return revocationGrounds.find(
    (ground) => String(ground.ground) === digits || ground.article === digits || ground.nameZh === text,
  );
};

const kindOf = (text: string): AllianceKind | undefined =>
  allianceKinds.find(
    (kind) => kind.code === text.toLowerCase() || kind.nameZh === text || kind.nameZh.replace(/联盟$/, "") === text,
  )?.code;

interface Context {
  db: Executor;
  today: string;
  parseDate: (text: string) => string | null;
  /** Registry bases and this file's new bases. */
  known: KnownBase[];
}

/**
 * 撤销记录: one past revocation per row — the unit by its 统一社会信用代码, the ground 1–9 (Art. 20), the date and
 * the document number. The base is the registry's when it holds one of that name (it must be revoked or exited
 * already: a live base is revoked through the revocation case, not an import), else only named.
 */
export async function checkRevocations(
  context: Context,
  rows: Array<{ row: number; get: Get }>,
): Promise<{ reports: SheetRowReport[]; values: RevocationRow[] }> {
  const reports: SheetRowReport[] = [];
  const values: RevocationRow[] = [];
  const usccs = [...new Set(rows.map((r) => r.get("统一社会信用代码").toUpperCase()).filter(Boolean))];
  const knownUnits = usccs.length === 0 ? [] : await context.db.select().from(units).where(inArray(units.uscc, usccs));
  const existing = await context.db
    .select({ unitId: revocations.unitId, baseName: revocations.baseName, revokedOn: revocations.revokedOn })
    .from(revocations);
  const seen = new Set(existing.map((r) => `${r.unitId}|${r.baseName}|${r.revokedOn}`));
  for (const { row, get } of rows) {
    const errors: SheetRowError[] = [];
    const fail = (column: string, messageZh: string, messageEn: string) =>
      errors.push({ column, messageZh, messageEn });
    const uscc = get("统一社会信用代码").toUpperCase();
    const unit = knownUnits.find((u) => u.uscc === uscc);
    if (!uscc) fail("统一社会信用代码", "统一社会信用代码不能为空", "The USCC is required");
    else if (!unit)
      fail("统一社会信用代码", `平台中没有统一社会信用代码为“${uscc}”的单位`, `No unit with USCC "${uscc}"`);
    const baseName = get("基地名称");
    if (!baseName) fail("基地名称", "基地名称不能为空", "The base's name is required");
    const groundText = get("撤销情形");
    const ground = groundOf(groundText);
    if (!ground)
      fail(
        "撤销情形",
        `撤销情形“${groundText}”无效，应为第二十条第1至9项之一（填 1–9）`,
        `Unknown ground "${groundText}": one of Art. 20's items 1–9`,
      );
    const revokedOn = context.parseDate(get("撤销日期"));
    if (!revokedOn) fail("撤销日期", "撤销日期应为 YYYY-MM-DD", "The revocation date must be YYYY-MM-DD");
    else if (revokedOn > context.today)
      fail("撤销日期", "撤销日期不能晚于今天（只导入已撤销的记录）", "The revocation date cannot be in the future");
    const base = unit ? context.known.find((b) => b.unitId === unit.id && b.name === baseName) : undefined;
    if (base && liveBaseStates.includes(base.status))
      fail(
        "基地名称",
        "该基地在登记册中仍为有效状态，撤销须按撤销程序办理，不能导入",
        "The base is live in the registry: revoke it through a revocation case, not an import",
      );
    if (unit && baseName && revokedOn) {
      const key = `${unit.id}|${baseName}|${revokedOn}`;
      if (seen.has(key))
        fail("基地名称", "该撤销记录已在平台中（或在文件中重复）", "Already recorded or repeated in the file");
      seen.add(key);
    }
    reports.push({ sheet: revocationSheet, row, ok: errors.length === 0, baseName, errors });
    if (errors.length === 0 && unit && ground && revokedOn) {
      values.push({
        id: randomUUID(),
        unitId: unit.id,
        baseId: base?.id ?? null,
        baseName,
        ground: String(ground.ground),
        revokedOn,
        documentNumber: get("撤销文号") || null,
      });
    }
  }
  return { reports, values };
}

/**
 * 联盟成员: one dated membership per row (Art. 27). The alliance is found by name or created (its kind from the row,
 * its lead the row marked 牵头基地 or else its first member, founded on its earliest joining date); the base by name
 * (and 统一社会信用代码 when two units hold the name). A base is a member on `joinedOn` and every day before `leftOn`;
 * two periods of the same base in the same alliance may not overlap.
 */
export async function checkAllianceMembers(
  context: Context,
  rows: Array<{ row: number; get: Get }>,
): Promise<{ reports: SheetRowReport[]; alliances: AllianceRow[]; members: MemberRow[] }> {
  const reports: SheetRowReport[] = [];
  const created = new Map<string, AllianceRow>();
  const members: MemberRow[] = [];
  if (rows.length === 0) return { reports, alliances: [], members };
  const existingAlliances = await context.db.select().from(alliances);
  const periods = (await context.db.select().from(allianceMembers)).map((m) => ({
    allianceId: m.allianceId,
    baseId: m.baseId,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
  }));
  const unitIds = new Map(
    (await context.db.select({ id: units.id, uscc: units.uscc }).from(units)).map((u) => [u.uscc, u.id]),
  );
  const leads = new Map<string, string>();
  for (const { row, get } of rows) {
    const errors: SheetRowError[] = [];
    const fail = (column: string, messageZh: string, messageEn: string) =>
      errors.push({ column, messageZh, messageEn });
    const name = get("联盟名称");
    if (!name) fail("联盟名称", "联盟名称不能为空", "The alliance's name is required");
    const kindText = get("联盟类型");
    const kind = kindOf(kindText);
    if (!kind)
      fail(
        "联盟类型",
        `联盟类型“${kindText}”无效，应为区域性、产业性、领域性或学术性`,
        `Unknown alliance kind "${kindText}": regional, industry, field or academic`,
      );
    const existing = existingAlliances.find((a) => a.name === name);
    const alliance = existing ?? created.get(name);
    if (alliance && kind && alliance.kind !== kind)
      fail("联盟类型", "与该联盟已有的类型不一致", "Differs from the alliance's recorded kind");
    const baseName = get("基地名称");
    const uscc = get("统一社会信用代码").toUpperCase();
    const unitId = uscc ? unitIds.get(uscc) : undefined;
    if (uscc && !unitId)
      fail("统一社会信用代码", `平台中没有统一社会信用代码为“${uscc}”的单位`, `No unit with USCC "${uscc}"`);
    const candidates = context.known.filter((b) => b.name === baseName && (!unitId || b.unitId === unitId));
    if (!baseName) fail("基地名称", "基地名称不能为空", "The base's name is required");
    else if (candidates.length === 0)
      fail("基地名称", `登记册中没有名为“${baseName}”的基地`, `No base named "${baseName}" in the registry`);
    else if (candidates.length > 1)
      fail(
        "统一社会信用代码",
        "有多个同名基地，请填写依托单位的统一社会信用代码",
        "Several bases share the name: give the USCC",
      );
    const base = candidates.length === 1 ? candidates[0] : undefined;
    const joinedOn = context.parseDate(get("加入日期"));
    if (!joinedOn) fail("加入日期", "加入日期应为 YYYY-MM-DD", "The joining date must be YYYY-MM-DD");
    const leftText = get("退出日期");
    const leftOn = leftText ? context.parseDate(leftText) : null;
    if (leftText && !leftOn) fail("退出日期", "退出日期应为 YYYY-MM-DD", "The leaving date must be YYYY-MM-DD");
    else if (leftOn && joinedOn && leftOn <= joinedOn)
      fail("退出日期", "退出日期应晚于加入日期", "The leaving date must be after the joining date");
    if (existing?.dissolvedOn && joinedOn && joinedOn >= existing.dissolvedOn)
      fail(
        "加入日期",
        `该联盟已于 ${existing.dissolvedOn} 解散`,
        `The alliance was dissolved on ${existing.dissolvedOn}`,
      );
    const isLead = ["是", "牵头", "y", "yes", "true", "1"].includes(get("牵头基地").toLowerCase());
    if (isLead && existing && base && existing.leadBaseId !== base.id)
      fail("牵头基地", "该联盟已有牵头基地，不能在导入中更改", "The alliance already has a lead base");
    const allianceId = alliance?.id ?? (name && kind ? randomUUID() : undefined);
    if (allianceId && base && joinedOn && !(leftText && !leftOn)) {
      // Member on joinedOn and every day before leftOn: [joinedOn, leftOn) periods must not overlap.
      const overlapping = periods.some(
        (p) =>
          p.allianceId === allianceId &&
          p.baseId === base.id &&
          joinedOn < (p.leftOn ?? "9999-12-31") &&
          p.joinedOn < (leftOn ?? "9999-12-31"),
      );
      if (overlapping)
        fail("加入日期", "该基地在此期间已是该联盟成员（或在文件中重复）", "Already a member for part of this period");
    }
    reports.push({ sheet: allianceSheet, row, ok: errors.length === 0, baseName, errors });
    if (errors.length > 0 || !allianceId || !base || !joinedOn || !kind) continue;
    if (!alliance) {
      created.set(name, {
        id: allianceId,
        name,
        kind,
        leadBaseId: base.id,
        foundedOn: joinedOn,
        description: "",
      });
    } else if (created.has(name) && joinedOn < (alliance.foundedOn ?? joinedOn)) {
      alliance.foundedOn = joinedOn;
    }
    if (isLead && created.has(name)) {
      if (leads.has(name) && leads.get(name) !== base.id) {
        const report = reports.at(-1)!;
        report.ok = false;
        report.errors.push({
          column: "牵头基地",
          messageZh: "一个联盟只能有一个牵头基地",
          messageEn: "An alliance has one lead base",
        });
        continue;
      }
      leads.set(name, base.id);
      created.get(name)!.leadBaseId = base.id;
    }
    periods.push({ allianceId, baseId: base.id, joinedOn, leftOn });
    members.push({ id: randomUUID(), allianceId, baseId: base.id, joinedOn, leftOn });
  }
  return { reports, alliances: [...created.values()], members };
}

/** Registry bases the extra sheets may name (any status: a revoked base keeps its history). */
export async function registryBases(db: Executor): Promise<KnownBase[]> {
  return db.select({ id: bases.id, name: bases.standardName, unitId: bases.unitId, status: bases.status }).from(bases);
}
