import { eq } from "drizzle-orm";
import { usccCheckDigit } from "../../policy/uscc";
import type { CommandDeps } from "../commands/command";
import { systemActor } from "../commands/command";
import { createAccount } from "../commands/create-account";
import { decideRoleGrant } from "../commands/role-grants";
import { createPerson } from "../commands/save-person";
import { createUnit } from "../commands/save-unit";
import { accounts, recommenders, roleGrants, units } from "../db/schema";
import { demoPassword } from "./demo-accounts";
import { demoInvocation } from "./demo-invocation";

/**
 * The demo round's other applicants (Art. 14.1: a unit files one application per call, so the round's stages are
 * held by several units, not by one enterprise with seven drafts). Each has its unit, its director and a unit
 * administrator account (not on the login page's list; the password is the demo's).
 */
export const demoApplicants = [
  {
    key: "zhuangbei",
    name: "武汉光谷智能装备有限公司",
    first17: "91420100MA4H1J2K3",
    recommender: "420100-DH",
    director: { name: "孙立", title: "senior" },
  },
  {
    key: "zhilian",
    name: "武汉光谷智联汽车电子有限公司",
    first17: "91420100MA4H4L5M6",
    recommender: "420100-DH",
    director: { name: "钱坤", title: "senior" },
  },
  {
    key: "zhineng",
    name: "武汉光谷人工智能研究院有限公司",
    first17: "91420100MA4H7N8P9",
    recommender: "420100-DH",
    director: { name: "周航", title: "senior" },
  },
  {
    key: "xinpian",
    name: "武汉光谷芯片设计有限公司",
    first17: "91420100MA4J1Q2R3",
    recommender: "420100-DH",
    director: { name: "吴芯", title: "senior" },
  },
  {
    key: "liangzi",
    name: "武汉光谷量子技术有限公司",
    first17: "91420100MA4J4R5T6",
    recommender: "420100-DH",
    director: { name: "郑源", title: "senior" },
  },
  {
    key: "nengyuan",
    name: "武汉光谷新型能源科技有限公司",
    first17: "91420100MA4J7U8W9",
    recommender: "420100-DH",
    director: { name: "冯远", title: "senior" },
  },
  {
    key: "xiling",
    name: "宜昌西陵新材料科技有限公司",
    first17: "91420500MA4K1X2Y3",
    recommender: "420500",
    director: { name: "黄岚", title: "senior" },
  },
] as const;
export type DemoApplicantKey = (typeof demoApplicants)[number]["key"];

export const demoApplicantUsername = (key: DemoApplicantKey) => `app.${key}`;

/**
 * Creates each demo applicant the way real ones come to be: the unit entered (confirmed), its director recorded by
 * the officer, its administrator's account created by the system administrator and approved by the security
 * administrator. Returns each one's username and director.
 */
export async function ensureDemoApplicants(deps: CommandDeps) {
  const db = deps.database.db;
  const officer = await demoInvocation(deps, "officer");
  const sysadmin = await demoInvocation(deps, "sysadmin");
  const secadmin = await demoInvocation(deps, "secadmin");
  const result = new Map<
    DemoApplicantKey,
    { username: string; director: { name: string; personId: string; title: string } }
  >();
  for (const spec of demoApplicants) {
    const uscc = spec.first17 + usccCheckDigit(spec.first17);
    const [recommender] = await db.select().from(recommenders).where(eq(recommenders.code, spec.recommender));
    let [unit] = await db.select({ id: units.id }).from(units).where(eq(units.uscc, uscc));
    if (!unit) {
      const id = await createUnit(
        { deps, actor: systemActor },
        {
          name: spec.name,
          uscc,
          type: "enterprise",
          divisionCode: spec.recommender.slice(0, 6),
          address: "",
          parentUnitId: null,
          college: null,
          directRecommending: false,
          recommenderId: recommender!.id,
          legalRepresentative: "演示",
          contactName: "国际合作部",
          contactPhone: "027-87000000",
        },
      );
      unit = { id };
    }
    const personId = await createPerson(officer, {
      name: spec.director.name,
      title: spec.director.title,
      unitId: unit.id,
      employerName: spec.name,
      email: null,
      phone: null,
      idNumber: null,
    });
    const username = demoApplicantUsername(spec.key);
    const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    if (!existing) {
      const accountId = await createAccount(sysadmin, {
        username,
        displayName: `${spec.name} 管理员`,
        initialPassword: demoPassword,
        unitId: unit.id,
        recommenderId: null,
        isUnitAdmin: true,
        roles: ["applicant"],
        isDemo: true,
      });
      const pending = await db
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(eq(roleGrants.accountId, accountId));
      for (const grant of pending) {
        await decideRoleGrant(secadmin, { grantId: grant.id, decision: "approve", reason: "演示数据" });
      }
    }
    result.set(spec.key, { username, director: { name: spec.director.name, personId, title: spec.director.title } });
  }
  return result;
}
