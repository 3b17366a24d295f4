import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { addDays, type IsoDate, yearOf } from "../../policy/calendar/dates";
import { standardName } from "../../policy/names";
import type { BaseType } from "../../policy/reference/base-types";
import type { UnitType } from "../../policy/reference/unit-types";
import { addAllianceMember, createAlliance, recordAllianceActivity } from "../alliances/alliance-commands";
import { createChangeReport, fireChangeReportEvent } from "../changes/change-commands";
import { ManualClock } from "../clock";
import { type CommandDeps, execute, type Invocation, systemActor } from "../commands/command";
import { alliances, bases, changeReports, revocationCases, units } from "../db/schema";
import { exitOnUpgrade } from "../registry/national-status";
import { fireRevocationEvent, openRevocationCase } from "../revocation/revocation-commands";
import { demoInvocation } from "./demo-invocation";
import { ensureUnit } from "./load-decision-demo";

/** Bases that only this part of the demo needs: one revoked (ban running), one upgraded, one MOST base. */
const extraBases: Array<{
  key: "revoked" | "upgraded" | "national";
  unit: { name: string; first17: string; type: UnitType; division: string; recommender: string };
  type: BaseType;
  field: string;
  director: string;
  countries: { key: string[]; main: string[]; radiating: string[] };
  origin: "provincial-2022" | "most-international";
  edition: "2022" | "national";
  /** Days before today it was recognized (imported bases) — or a fixed national document for the MOST base. */
  recognizedDaysAgo: number;
}> = [
  {
    key: "revoked",
    unit: {
      name: "鄂州葛店光电材料有限公司",
      first17: "91420700MA4H2J3K4",
      type: "enterprise",
      division: "420700",
      recommender: "420700",
    },
    type: "joint-research",
    field: "高端芯片",
    director: "葛明",
    countries: { key: ["KR"], main: ["JP"], radiating: ["VN"] },
    origin: "provincial-2022",
    edition: "2022",
    recognizedDaysAgo: 1200,
  },
  {
    key: "upgraded",
    unit: {
      name: "黄冈大别山中药材研究院",
      first17: "12421100MB0P3Q4R5",
      type: "research-institute",
      division: "421100",
      recommender: "421100",
    },
    type: "characteristic",
    field: "生物医药",
    director: "黄岐",
    countries: { key: ["TH"], main: ["MY"], radiating: ["KH"] },
    origin: "provincial-2022",
    edition: "2022",
    recognizedDaysAgo: 1100,
  },
  {
    key: "national",
    unit: {
      name: "武汉东湖国际技术转移中心有限公司",
      first17: "91420100MA4L5M6N7",
      type: "enterprise",
      division: "420100",
      recommender: "420100",
    },
    type: "technology-transfer",
    field: "人工智能",
    director: "程远",
    countries: { key: ["DE"], main: ["FR"], radiating: ["BE"] },
    origin: "most-international",
    edition: "national",
    recognizedDaysAgo: 1500,
  },
];

/** An imported base of the registry, written the way the registry import writes it (Art. 21: MOST bases included). */
async function importBase(
  deps: CommandDeps,
  spec: (typeof extraBases)[number],
  unitId: string,
  recognizedOn: IsoDate,
): Promise<string> {
  const [existing] = await deps.database.db.select({ id: bases.id }).from(bases).where(eq(bases.unitId, unitId));
  if (existing) return existing.id;
  const name = standardName({ type: spec.type, field: spec.field });
  const id = randomUUID();
  const national = spec.origin === "most-international";
  await execute(deps, systemActor, "base.import", { type: "base", id }, async (context) => {
    const row = {
      id,
      standardName: national
        ? `${spec.field}科技部国际科技合作基地（${spec.unit.name}）`
        : name.ok
          ? name.value
          : spec.field,
      unitId,
      type: spec.type,
      field: spec.field,
      directorName: spec.director,
      countries: spec.countries,
      recognizedOn,
      documentNumber: national ? `国科外函〔${yearOf(recognizedOn)}〕8号` : `鄂科技函〔${yearOf(recognizedOn)}〕21号`,
      origin: spec.origin,
      edition: spec.edition,
      status: "active",
      statusChangedOn: recognizedOn,
    };
    await context.tx.insert(bases).values({ ...row, createdAt: context.clock.now() });
    await context.audit({ targetId: id, changes: { ...row, note: "演示数据：既有名录导入" } });
  });
  return id;
}

const baseOfUnit = async (deps: CommandDeps, unitName: string): Promise<string> => {
  const [row] = await deps.database.db
    .select({ id: bases.id })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(eq(units.name, unitName));
  if (!row) throw new Error(`demo base of ${unitName} missing`);
  return row.id;
};

/**
 * The life of a base after recognition, part 2 (Art. 18.5, 20, 21, 27): 荆门's director change filed on time, 咸宁's
 * work-plan change overdue at its recommender, a base revoked on Art. 20.3 with its ban running, one upgraded to a
 * national platform, a MOST base managed in the provincial system, and an alliance led by 荆门. Every step runs the
 * command its user would trigger on a clock standing at that day, relative to today, so it loads on any day.
 * Idempotent: skipped once the alliance exists.
 */
export async function loadBaseLifeDemo(deps: CommandDeps, today: IsoDate): Promise<void> {
  const db = deps.database.db;
  const allianceName = "湖北省高端装备国际科技合作联盟";
  const [done] = await db.select({ id: alliances.id }).from(alliances).where(eq(alliances.name, allianceName));
  if (done) return;

  const on = (days: number): CommandDeps => ({
    ...deps,
    clock: new ManualClock(`${addDays(today, days)}T10:00:00+08:00`),
  });
  const as = async (username: string, days: number): Promise<Invocation> => ({
    ...(await demoInvocation(deps, username)),
    deps: on(days),
  });

  const extra = new Map<string, string>();
  for (const spec of extraBases) {
    const unitId = await ensureUnit(on(-spec.recognizedDaysAgo - 30), spec.unit);
    const recognizedOn = addDays(today, -spec.recognizedDaysAgo);
    extra.set(
      spec.key,
      await importBase(on(spec.key === "national" ? -30 : -spec.recognizedDaysAgo), spec, unitId, recognizedOn),
    );
  }

  // Art. 20.3: research misconduct found by the department; revoked after the 厅党组会, the 3-year ban running.
  const revokedBase = extra.get("revoked")!;
  const { caseId } = await openRevocationCase(await as("officer", -420), {
    baseId: revokedBase,
    ground: 3,
    evidence: "经调查核实，该基地负责人在国际合作项目结题材料中存在数据造假行为（调查报告见附件）。",
  });
  const [opened] = await db.select().from(revocationCases).where(eq(revocationCases.id, caseId));
  await fireRevocationEvent(await as("officer", -400), {
    caseId,
    input: {
      event: "revoke",
      meetingDate: addDays(today, -402),
      minuteRef: `厅党组会纪要〔${yearOf(addDays(today, -402))}〕15号`,
      documentPrefix: "鄂科技函",
      documentNumber: 91,
      expectedVersion: opened!.version,
    },
  });

  // Art. 21: upgraded to a national Belt and Road joint laboratory; exits on the national document's day.
  await exitOnUpgrade(await as("officer", -320), extra.get("upgraded")!, {
    kind: "bri-joint-laboratory",
    name: "中国—东盟中药材国际联合实验室",
    documentNumber: `国科发外〔${yearOf(addDays(today, -330))}〕36号`,
    documentDate: addDays(today, -330),
  });

  // Art. 18.5: 荆门's new director, reported, approved and filed within three months.
  const jingmen = await baseOfUnit(deps, "荆门高新装备研究院");
  const directorChange = await createChangeReport(await as("app.jingmen", -68), {
    baseId: jingmen,
    kind: "director",
    changedOn: addDays(today, -70),
    description: "原负责人门杰调任，经研究院党委会研究，由门振宇同志担任基地负责人。",
    proposed: { directorName: "门振宇" },
  });
  const version = async (id: string) =>
    (await db.select({ version: changeReports.version }).from(changeReports).where(eq(changeReports.id, id)))[0]!
      .version;
  await fireChangeReportEvent(await as("app.jingmen", -68), {
    id: directorChange,
    event: "submit",
    expectedVersion: await version(directorChange),
  });
  await fireChangeReportEvent(await as("rec.jingmen", -63), {
    id: directorChange,
    event: "approve",
    expectedVersion: await version(directorChange),
  });
  await fireChangeReportEvent(await as("officer", -58), {
    id: directorChange,
    event: "file",
    expectedVersion: await version(directorChange),
  });

  // 咸宁's new work plan changed four months ago and only now reported: overdue at its recommender.
  const xianning = await baseOfUnit(deps, "咸宁南山新能源有限公司");
  const planChange = await createChangeReport(await as("app.xianning", -6), {
    baseId: xianning,
    kind: "work-plan",
    changedOn: addDays(today, -120),
    description: "根据与巴基斯坦合作方新签订的合作备忘录，调整基地建设工作方案。",
    proposed: { workPlanSummary: "新增光伏储能联合实验室建设任务，合作国别扩展至泰国。" },
  });
  await fireChangeReportEvent(await as("app.xianning", -5), {
    id: planChange,
    event: "submit",
    expectedVersion: await version(planChange),
  });

  // Art. 27: an industry alliance led by 荆门, its lead a member from the founding day, 咸宁 and 仙桃 joining and one meeting held.
  const allianceId = await createAlliance(await as("officer", -90), {
    name: allianceName,
    kind: "industry",
    leadBaseId: jingmen,
    foundedOn: addDays(today, -90),
    description: "由荆门高新装备研究院牵头，联合省内装备与能源领域国合基地，共享海外合作资源。",
  });
  await addAllianceMember(await as("officer", -80), allianceId, { baseId: xianning, joinedOn: addDays(today, -80) });
  await addAllianceMember(await as("officer", -80), allianceId, {
    baseId: await baseOfUnit(deps, "仙桃非织造材料研究院"),
    joinedOn: addDays(today, -80),
  });
  await recordAllianceActivity(await as("officer", -30), allianceId, {
    heldOn: addDays(today, -30),
    title: "联盟第一次成员大会暨中德装备制造合作对接会",
    summary: "审议联盟章程，发布海外合作资源清单。",
  });
}
