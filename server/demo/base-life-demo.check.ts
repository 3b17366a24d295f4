import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { IsoDate } from "../../policy/calendar/dates";
import { banEnd } from "../../policy/calendar/deadlines";
import type { Database } from "../db/client";
import { allianceActivities, allianceMembers, alliances, bases, changeReports, revocations, units } from "../db/schema";

/**
 * What the demo of the life of a base, part 2 (load-base-life-demo.ts) promises on the day it loads: shared by the
 * one-day test and the date sweep, so every loading day is held to the same states.
 */
export async function checkBaseLifeDemo(database: Database, today: IsoDate) {
  const db = database.db;
  const baseOf = async (unitName: string) =>
    (
      await db
        .select({ base: bases })
        .from(bases)
        .innerJoin(units, eq(units.id, bases.unitId))
        .where(eq(units.name, unitName))
    ).map((row) => row.base);

  const [jingmen] = await baseOf("荆门高新装备研究院");
  expect(jingmen!.directorName).toBe("门振宇");
  const jingmenChanges = await db.select().from(changeReports).where(eq(changeReports.baseId, jingmen!.id));
  expect(jingmenChanges.map((row) => [row.kind, row.state, row.filedLate])).toEqual([["director", "filed", false]]);
  expect(jingmenChanges[0]!.previous).toMatchObject({ directorName: "门杰" });

  const [xianning] = await baseOf("咸宁南山新能源有限公司");
  const [overdue] = await db.select().from(changeReports).where(eq(changeReports.baseId, xianning!.id));
  expect(overdue).toMatchObject({ kind: "work-plan", state: "submitted" });
  expect(overdue!.dueOn < today, "the work-plan change is past its 3-month window").toBe(true);

  const [revoked] = await baseOf("鄂州葛店光电材料有限公司");
  expect(revoked!.status).toBe("revoked");
  const [revocation] = await db.select().from(revocations).where(eq(revocations.baseId, revoked!.id));
  expect(revocation).toMatchObject({ ground: "3" });
  expect(banEnd(revocation!.revokedOn) > today, "the 3-year ban is running").toBe(true);

  const [upgraded] = await baseOf("黄冈大别山中药材研究院");
  expect(upgraded!.status).toBe("exited");
  expect(upgraded!.statusChangedOn! < today).toBe(true);
  expect(await db.select().from(revocations).where(eq(revocations.baseId, upgraded!.id))).toEqual([]);

  const [national] = await baseOf("武汉东湖国际技术转移中心有限公司");
  expect(national).toMatchObject({ origin: "most-international", status: "active" });

  const [alliance] = await db.select().from(alliances);
  expect(alliance).toMatchObject({ name: "湖北省高端装备国际科技合作联盟", leadBaseId: jingmen!.id });
  const members = await db.select().from(allianceMembers).where(eq(allianceMembers.allianceId, alliance!.id));
  expect(members.filter((member) => member.leftOn === null)).toHaveLength(3);
  expect(await db.select().from(allianceActivities)).toHaveLength(1);
}
