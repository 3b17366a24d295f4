import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { usccCheckDigit } from "../../policy/uscc";
import { bootstrapAdministrators } from "../commands/bootstrap-administrators";
import { type CommandDeps, execute, systemActor } from "../commands/command";
import { createAccount } from "../commands/create-account";
import { decideUnit } from "../commands/decide-unit";
import { addBeltAndRoad } from "../commands/reference-data";
import { registerUnit } from "../commands/register-unit";
import { decideRoleGrant } from "../commands/role-grants";
import { createPerson } from "../commands/save-person";
import { createUnit } from "../commands/save-unit";
import type { Db } from "../db/client";
import { accounts, recommenders, roleGrants, schemaVersion, units } from "../db/schema";
import { dispatchOutbox } from "../outbox/outbox";
import { registerReviewTargets } from "../review/register-targets";
import { fileStoreFor, type StorageSettings } from "../storage/files";
import { type DemoAccountMaker, demoAccounts, demoPassword } from "./demo-accounts";
import { recordDemoHolidayYears } from "./demo-holiday-years";
import { demoInvocation } from "./demo-invocation";
import { demoTimeline } from "./demo-timeline";
import { loadBaseLifeDemo } from "./load-base-life-demo";
import { loadDecisionDemo } from "./load-decision-demo";
import { loadRecognitionDemo } from "./load-recognition-demo";
import { loadReviewDemo } from "./load-review-demo";
import { loadYearlyDemo } from "./load-yearly-demo";

const withCheckDigit = (first17: string) => first17 + usccCheckDigit(first17);

/** Demo host units; the key is what demo-accounts.ts names them by. */
const demoUnits = {
  HUST: {
    name: "华中科技大学",
    uscc: withCheckDigit("12100000441626842"), // registered by the ministry: 100000 in digits 3–8, address in Wuhan
    type: "university",
    divisionCode: "420111",
    address: "湖北省武汉市洪山区珞喻路1037号",
    recommenderCode: "DIRECT-HUST",
    directRecommending: true,
    legalRepresentative: "尤政",
    contactName: "张老师",
    contactPhone: "027-87541114",
  },
  "WUHAN-ENT": {
    name: "武汉光谷激光科技有限公司",
    uscc: withCheckDigit("91420100MA4K2L3N5"),
    type: "enterprise",
    divisionCode: "420100",
    address: "湖北省武汉市东湖新技术开发区光谷大道77号",
    recommenderCode: "420100-DH",
    directRecommending: false,
    legalRepresentative: "陈光",
    contactName: "刘经理",
    contactPhone: "13871234567",
  },
  "YICHANG-ENT": {
    name: "宜昌三峡新材料股份有限公司",
    uscc: withCheckDigit("91420500MA4F8G9H1"),
    type: "enterprise",
    divisionCode: "420500",
    address: "湖北省宜昌市西陵区发展大道58号",
    recommenderCode: "420500",
    directRecommending: false,
    legalRepresentative: "周峡",
    contactName: "赵经理",
    contactPhone: "13907171234",
  },
  "WUHAN-INSTITUTE": {
    name: "武汉长江生物医药研究院",
    // An early legal code whose check digit does not match: flagged for an officer, never silently accepted.
    uscc: `${"12420100MB1234567".slice(0, 17)}${usccCheckDigit("12420100MB1234567") === "0" ? "1" : "0"}`,
    type: "research-institute",
    divisionCode: "420100",
    address: "湖北省武汉市江夏区高新大道666号",
    recommenderCode: "420100",
    directRecommending: false,
    legalRepresentative: "吴江",
    contactName: "孙老师",
    contactPhone: "027-81234567",
  },
} as const;

const onePixelPng = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/**
 * Loads the demo once, through the same commands users trigger, so it grows with each lifecycle. Idempotent:
 * each step looks for its natural key first, and a marker row records completion.
 */
export async function loadDemo(deps: CommandDeps, storage: StorageSettings): Promise<boolean> {
  registerReviewTargets(); // the demo opens reviews before any app is built
  const db = deps.database.db;
  const [done] = await db.select().from(schemaVersion).where(eq(schemaVersion.key, "demo-loaded"));
  if (done) return false;

  const recommenderId = async (code: string) => {
    const [row] = await db.select({ id: recommenders.id }).from(recommenders).where(eq(recommenders.code, code));
    return row?.id ?? null;
  };

  // Sub-recommender under Wuhan and a direct-recommending ministry university (Art. 17).
  const wuhan = await recommenderId("420100");
  await execute(deps, systemActor, "recommender.create", { type: "recommender" }, async (context) => {
    const now = context.clock.now();
    const wanted = [
      {
        code: "420100-DH",
        nameZh: "东湖新技术开发区管委会科技创新局",
        nameEn: "East Lake High-Tech Zone S&T Bureau",
        kind: "sub" as const,
        divisionCode: "420100",
        parentId: wuhan,
      },
      {
        code: "DIRECT-HUST",
        nameZh: "华中科技大学（直接推荐）",
        nameEn: "HUST (direct recommender)",
        kind: "direct" as const,
        divisionCode: "420100",
        parentId: null,
      },
    ];
    const existing = await context.tx
      .select({ code: recommenders.code })
      .from(recommenders)
      .where(
        inArray(
          recommenders.code,
          wanted.map((w) => w.code),
        ),
      );
    for (const row of wanted.filter((w) => !existing.some((e) => e.code === w.code))) {
      await context.tx.insert(recommenders).values({ ...row, id: randomUUID(), createdAt: now });
      await context.audit({ changes: row });
    }
  });

  // The three administrators are bootstrapped by the system; everyone else goes through sysadmin → secadmin.
  const accountId = async (username: string) => {
    const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    return row?.id ?? null;
  };
  const administrators = demoAccounts.filter((a) => ["sysadmin", "secadmin", "auditor"].includes(a.roles[0] ?? ""));
  await bootstrapAdministrators(
    { deps, actor: systemActor },
    {
      administrators: administrators.map((spec) => ({
        ...spec,
        role: spec.roles[0] as "sysadmin" | "secadmin" | "auditor",
      })),
      isDemo: true,
    },
  );
  const sysadmin = await demoInvocation(deps, "sysadmin");
  const secadmin = await demoInvocation(deps, "secadmin");

  // Units: entered by the officer (confirmed) — except one that registers itself and waits for Wuhan's bureau.
  const unitIds = new Map<string, string>();
  for (const [key, unit] of Object.entries(demoUnits)) {
    const [existing] = await db.select({ id: units.id }).from(units).where(eq(units.uscc, unit.uscc));
    if (existing) {
      unitIds.set(key, existing.id);
      continue;
    }
    const { recommenderCode, ...input } = unit;
    const id = await createUnit(
      { deps, actor: systemActor },
      {
        ...input,
        parentUnitId: null,
        college: null,
        recommenderId: (await recommenderId(recommenderCode))!,
      },
    );
    unitIds.set(key, id);
  }

  // Accounts go the way real ones do: the system administrator creates, the security administrator approves roles.
  const createDemoAccount: DemoAccountMaker = async (spec) => {
    const existing = await accountId(spec.username);
    if (existing) return existing;
    const id = await createAccount(sysadmin, {
      username: spec.username,
      displayName: spec.displayName,
      initialPassword: spec.password,
      unitId: spec.unitUscc ? (unitIds.get(spec.unitUscc) ?? null) : null,
      recommenderId: spec.recommenderCode ? await recommenderId(spec.recommenderCode) : null,
      isUnitAdmin: spec.isUnitAdmin ?? false,
      roles: spec.roles,
      isDemo: true,
    });
    const pending = await db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.accountId, id));
    for (const grant of pending) {
      await decideRoleGrant(secadmin, { grantId: grant.id, decision: "approve", reason: "演示数据" });
    }
    return id;
  };
  for (const spec of demoAccounts.filter((a) => !administrators.includes(a))) await createDemoAccount(spec);

  // A unit registering itself, waiting for its recommender (rec.wuhan) to confirm; another already rejected.
  const store = fileStoreFor(storage);
  const letter = await deps.database.transaction((tx) =>
    store.save(tx, deps.clock, { name: "授权书.png", content: onePixelPng, uploadedBy: null }, ["png"]),
  );
  const registrations = [
    { name: "武汉智能网联汽车研究院有限公司", first17: "91420100MA4L5P6Q7", username: "zhilian.admin", decision: null },
    {
      name: "武汉某咨询服务有限公司",
      first17: "91420100MA4R7T8U9",
      username: "zixun.admin",
      decision: "reject" as const,
    },
  ];
  for (const registration of registrations) {
    const uscc = withCheckDigit(registration.first17);
    const [existing] = await db.select({ id: units.id }).from(units).where(eq(units.uscc, uscc));
    if (existing) continue;
    const { unitId } = await registerUnit(
      { deps, actor: { ...systemActor, name: registration.username, ip: "127.0.0.1" } },
      {
        name: registration.name,
        uscc,
        type: "enterprise",
        divisionCode: "420100",
        address: "湖北省武汉市经济技术开发区",
        parentUnitId: null,
        college: null,
        directRecommending: false,
        recommenderId: wuhan!,
        legalRepresentative: "郑先生",
        contactName: "钱女士",
        contactPhone: "13800138000",
        adminUsername: registration.username,
        adminDisplayName: `${registration.name} 管理员`,
        adminPassword: demoPassword,
        authorisationFileId: letter.id,
      },
    );
    if (registration.decision) {
      await decideUnit(await demoInvocation(deps, "rec.wuhan"), {
        unitId,
        decision: registration.decision,
        reason: "经营范围不属于科技类，请补充材料后重新注册",
      });
    }
  }

  // People: base directors-to-be, with encrypted identity numbers.
  const officer = await demoInvocation(deps, "officer");
  const directors = [
    { name: "张明", title: "senior" as const, unit: "HUST", idNumber: "420106197501011234", phone: "13971000001" },
    { name: "刘洋", title: "senior" as const, unit: "WUHAN-ENT", idNumber: "420111198002022345", phone: "13971000002" },
    {
      name: "赵峡",
      title: "associate-senior" as const,
      unit: "YICHANG-ENT",
      idNumber: "420502198203033456",
      phone: "13971000003",
    },
  ];
  for (const person of directors) {
    await createPerson(officer, {
      name: person.name,
      title: person.title,
      unitId: unitIds.get(person.unit) ?? null,
      employerName: demoUnits[person.unit as keyof typeof demoUnits].name,
      email: null,
      phone: person.phone,
      idNumber: person.idNumber,
    });
  }

  for (const country of ["RU", "KZ", "PK", "TH", "EG", "RS"]) {
    await addBeltAndRoad(officer, { country, since: "2013-09-07", until: null, note: "演示数据" });
  }

  // Years with no published holiday schedule that the demo's working-day counts reach get a marked estimate, the
  // way an officer would enter a year (SPEC §2); a real schedule entered later replaces it.
  await recordDemoHolidayYears(officer, demoTimeline(deps.clock.now()).holidayYears);

  await loadReviewDemo(deps, officer.actor, createDemoAccount);
  await loadDecisionDemo(deps, officer.actor);

  await loadRecognitionDemo(deps, storage);
  await loadYearlyDemo(deps);
  await loadBaseLifeDemo(deps, demoTimeline(deps.clock.now()).today);

  // The demo's history is delivered now, to the in-app inboxes only: no e-mail goes to invented addresses.
  while ((await dispatchOutbox(deps.database, deps.clock, null)) > 0);

  await db
    .insert(schemaVersion)
    .values({ key: "demo-loaded", value: deps.clock.now().toISOString() })
    .onConflictDoNothing();
  return true;
}

/** Jurisdictions of the demo accounts as `/api/auth/me` reports them. */
export async function demoJurisdictions(db: Db) {
  const rows = await db
    .select({
      username: accounts.username,
      unitId: accounts.unitId,
      recommenderId: accounts.recommenderId,
      unitDivision: units.divisionCode,
      recommenderDivision: recommenders.divisionCode,
    })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(recommenders, eq(recommenders.id, accounts.recommenderId))
    .where(eq(accounts.isDemo, true));
  const result = new Map<string, { division?: string; unitId?: string; recommenderId?: string }>();
  for (const row of rows) {
    const division = row.recommenderDivision ?? row.unitDivision;
    result.set(row.username, {
      ...(division ? { division } : {}),
      ...(row.unitId ? { unitId: row.unitId } : {}),
      ...(row.recommenderId ? { recommenderId: row.recommenderId } : {}),
    });
  }
  return result;
}
