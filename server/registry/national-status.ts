import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type {
  BaseNationalStatus,
  NationalAction,
  NationalRevocationInput,
  UpgradeExitInput,
} from "../../contracts/national-platforms";
import { type BaseState, baseLifecycle } from "../../policy/lifecycles/base.transitions";
import { editionFor } from "../../policy/measures/editions";
import { baseSeriesOf } from "../../policy/reference/base-origins";
import { nationalPlatformKinds } from "../../policy/reference/evidence-kinds";
import type { Caller } from "../access/caller";
import { authorize, covers, resolveScope } from "../access/scope";
import { chinaDate } from "../clock";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import type { Executor } from "../db/client";
import { accounts, bases, nationalPlatforms, units } from "../db/schema";
import { refused } from "../domain/refused";
import { accountsWithRole, unitAccounts } from "../outbox/recipients";
import { applyBaseEvent } from "../yearly/base-state";
import { type LoadedBase, loadBase } from "./bases.repository";

type PlatformRow = typeof nationalPlatforms.$inferSelect;

const kindLabels = (kind: string) => {
  const found = nationalPlatformKinds.find((entry) => entry.code === kind);
  return { kindZh: found?.nameZh ?? kind, kindEn: found?.nameEn ?? kind };
};

/** The edition in force on a date, labelled (Art. 31: every decision names the rules it was taken under). */
function editionLabel(date: string) {
  const { edition } = editionFor(date);
  return {
    editionId: edition.id,
    labelZh: `${edition.titleZh}（${edition.documentNumber}）`,
    labelEn: `Measures ${edition.documentNumber}`,
  };
}

function presentPlatform(row: PlatformRow) {
  return {
    id: row.id,
    kind: row.kind,
    ...kindLabels(row.kind),
    name: row.name,
    approvedOn: row.approvedOn,
    documentNumber: row.documentNumber,
    revokedOn: row.revokedOn,
  };
}

/** The national record linked to a base: the platform it upgraded to, or the MOST base's own (newest first). */
async function platformOfBase(executor: Executor, baseId: string): Promise<PlatformRow | null> {
  const [row] = await executor
    .select()
    .from(nationalPlatforms)
    .where(eq(nationalPlatforms.baseId, baseId))
    .orderBy(desc(nationalPlatforms.createdAt))
    .limit(1);
  return row ?? null;
}

/** What the base's table lets happen next: exit on upgrade (Art. 21), or a MOST base's national revocation (Art. 24). */
function actionsFor(status: string, isMostBase: boolean): NationalAction[] {
  const moves = baseLifecycle.table[status as BaseState] ?? {};
  const actions: NationalAction[] = [];
  if ("exit-national" in moves) actions.push("upgrade-exit");
  if (isMostBase && "national-revoked" in moves) actions.push("national-revocation");
  return actions;
}

/** A base's national side as its page shows it; the actions only for a caller holding `base.exit` on it. */
export async function presentNationalStatus(
  executor: Executor,
  caller: Caller,
  loaded: LoadedBase,
): Promise<BaseNationalStatus> {
  const { base } = loaded;
  const series = baseSeriesOf(base.origin);
  const exitScope = await resolveScope(executor, caller, "base.exit");
  const mayExit =
    exitScope !== null && covers(exitScope, { unitId: base.unitId, recommenderId: loaded.unitRecommenderId });
  const platform = await platformOfBase(executor, base.id);
  // Left through this card's records: an upgrade exit, or a MOST base's national revocation.
  const left = base.status === "exited" || (base.status === "revoked" && platform?.revokedOn != null);
  return {
    baseId: base.id,
    seriesZh: series.zh,
    seriesEn: series.en,
    isMostBase: series.isMostBase,
    status: base.status,
    statusChangedOn: base.statusChangedOn,
    platform: platform ? presentPlatform(platform) : null,
    decidedUnder: left && base.statusChangedOn ? editionLabel(base.statusChangedOn) : null,
    availableActions: mayExit ? actionsFor(base.status, series.isMostBase) : [],
  };
}

const futureDate = (path: string, date: string, today: string) =>
  refused.invalidInput("date-in-future", `日期 ${date} 晚于今天。`, `The date ${date} is after today.`, [
    {
      path,
      messageZh: `日期不能晚于今天（${today}）`,
      messageEn: `The date cannot be after today (${today})`,
    },
  ]);

const beforeRecognition = (path: string, recognizedOn: string) =>
  refused.invalidInput(
    "date-before-recognition",
    `日期早于基地认定日期（${recognizedOn}）。`,
    `The date precedes the base's recognition (${recognizedOn}).`,
    [
      {
        path,
        messageZh: `日期不能早于基地认定日期（${recognizedOn}）`,
        messageEn: `The date cannot precede the base's recognition (${recognizedOn})`,
      },
    ],
  );

/** The base through the officer's `base.exit` scope, locked by applyBaseEvent later; another's base is a 404. */
async function loadForExit(context: CommandContext, caller: Caller, baseId: string): Promise<LoadedBase> {
  const scope = await authorize(context.tx, caller, "base.exit");
  const loaded = await loadBase(context.tx, scope, baseId);
  if (!loaded) throw refused.notFound("Base", "基地");
  return loaded;
}

/** The unit's accounts and those of its recommender: who hears that the base left the series. */
async function notifyUnitAndRecommender(
  context: CommandContext,
  loaded: LoadedBase,
  message: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string },
) {
  const recommenderId = loaded.base.recommenderId ?? loaded.unitRecommenderId;
  const ids = new Set([
    ...(await unitAccounts(context, loaded.base.unitId)),
    ...(await accountsWithRole(context.tx, "recommender", eq(accounts.recommenderId, recommenderId))),
  ]);
  if (ids.size === 0) return;
  await context.enqueue({ kind: "notify", accountIds: [...ids].sort(), ...message, link: `/bases/${loaded.base.id}` });
}

/**
 * Art. 21: the officer records the national document by which a base became a national 一带一路 joint laboratory or
 * MOST international base. In one transaction: the national platform (linked to the base), the base exits the
 * provincial series from the document's date (no revocation, so no ban), its timeline, the notices and the audit.
 */
export async function exitOnUpgrade(
  invocation: Invocation,
  baseId: string,
  input: UpgradeExitInput,
): Promise<{ platformId: string }> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "base.exit-national", { type: "base", id: baseId }, async (context) => {
    const loaded = await loadForExit(context, caller, baseId);
    const today = chinaDate(context.clock.now());
    if (input.documentDate > today) throw futureDate("documentDate", input.documentDate, today);
    if (input.documentDate < loaded.base.recognizedOn)
      throw beforeRecognition("documentDate", loaded.base.recognizedOn);
    const platformId = randomUUID();
    await context.tx.insert(nationalPlatforms).values({
      id: platformId,
      unitId: loaded.base.unitId,
      kind: input.kind,
      name: input.name,
      approvedOn: input.documentDate,
      documentNumber: input.documentNumber,
      baseId,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await applyBaseEvent(
      context,
      baseId,
      "exit-national",
      { nationalDocumentDate: input.documentDate },
      {
        kind: "exited-national",
        data: { documentNumber: input.documentNumber, platformName: input.name },
        on: input.documentDate,
      },
    );
    await context.audit({
      targetType: "national-platform",
      targetId: platformId,
      changes: { base: baseId, ...input },
    });
    const kind = kindLabels(input.kind);
    await notifyUnitAndRecommender(context, loaded, {
      titleZh: `${loaded.base.standardName}升级为${kind.kindZh}，自${input.documentDate}起退出省国合基地序列`,
      titleEn: `${loaded.base.standardName} became a ${kind.kindEn} and left the provincial series on ${input.documentDate}`,
      bodyZh: `依据${input.documentNumber}（第二十一条：自发文之日起自动退出），不属于取消资格。`,
      bodyEn: `By ${input.documentNumber} (Art. 21: exits from the document's date); this is not a revocation.`,
    });
    return { platformId };
  });
}

/**
 * Art. 24: MOST revoked the national status of a MOST international base managed in the provincial system. The base's
 * national record is written (or completed) with the revocation date and the base leaves the provincial system — not
 * a provincial revocation, so no ban: the unit may apply provincially if it meets the conditions.
 */
export async function recordBaseNationalRevocation(
  invocation: Invocation,
  baseId: string,
  input: NationalRevocationInput,
): Promise<{ platformId: string }> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "base.national-revoked", { type: "base", id: baseId }, async (context) => {
    const loaded = await loadForExit(context, caller, baseId);
    const { base } = loaded;
    if (!baseSeriesOf(base.origin).isMostBase) {
      throw refused.rule({
        code: "not-a-most-base",
        article: "24",
        messageZh: "只有科技部国际科技合作基地（部省国合基地）才登记科技部取消资格。",
        messageEn: "Only a MOST international base has a national status MOST can revoke.",
      });
    }
    const today = chinaDate(context.clock.now());
    if (input.revokedOn > today) throw futureDate("revokedOn", input.revokedOn, today);
    if (input.revokedOn < base.recognizedOn) throw beforeRecognition("revokedOn", base.recognizedOn);
    const existing = await platformOfBase(context.tx, baseId);
    const platformId = existing && existing.revokedOn === null ? existing.id : randomUUID();
    if (platformId === existing?.id) {
      await context.tx
        .update(nationalPlatforms)
        .set({ revokedOn: input.revokedOn })
        .where(eq(nationalPlatforms.id, platformId));
    } else {
      await context.tx.insert(nationalPlatforms).values({
        id: platformId,
        unitId: base.unitId,
        kind: "most-international-base",
        name: base.standardName,
        approvedOn: base.recognizedOn,
        documentNumber: base.documentNumber,
        baseId,
        revokedOn: input.revokedOn,
        createdBy: actor.accountId,
        createdAt: context.clock.now(),
      });
    }
    await applyBaseEvent(
      context,
      baseId,
      "national-revoked",
      { nationalRevocationDate: input.revokedOn },
      {
        kind: "national-revoked",
        data: {
          platformName: base.standardName,
          ...(input.documentNumber ? { documentNumber: input.documentNumber } : {}),
        },
        on: input.revokedOn,
      },
    );
    await context.audit({
      targetType: "national-platform",
      targetId: platformId,
      changes: { base: baseId, revokedOn: input.revokedOn, documentNumber: input.documentNumber },
    });
    await notifyUnitAndRecommender(context, loaded, {
      titleZh: `${base.standardName}已被科技部取消资格，退出部省国合基地管理体系`,
      titleEn: `${base.standardName}: national status revoked by MOST; left the provincial system`,
      bodyZh: `科技部取消资格日期：${input.revokedOn}。符合省国合基地认定条件的，可申请认定为省国合基地（第二十四条）。`,
      bodyEn: `Revoked by MOST on ${input.revokedOn}. If it meets the conditions it may apply to be recognized provincially (Art. 24).`,
    });
    return { platformId };
  });
}

/**
 * Art. 24 on a national platform recorded in the registry facts: MOST revoked it on `revokedOn`. When the platform is
 * a MOST base still in the provincial system, that base leaves it as above; the eligibility rules stop counting the
 * platform (Art. 7.6) from that date.
 */
export async function recordPlatformNationalRevocation(
  invocation: Invocation,
  platformId: string,
  input: NationalRevocationInput,
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const [platform] = await deps.database.db
    .select()
    .from(nationalPlatforms)
    .where(eq(nationalPlatforms.id, platformId));
  const linked = platform?.baseId
    ? (await deps.database.db.select().from(bases).where(eq(bases.id, platform.baseId)))[0]
    : undefined;
  if (platform && linked && baseSeriesOf(linked.origin).isMostBase && actionsFor(linked.status, true).length > 0) {
    await recordBaseNationalRevocation(invocation, linked.id, input);
    return;
  }
  await execute(
    deps,
    actor,
    "registry.national-platform.revoke",
    { type: "national-platform", id: platformId },
    async (context) => {
      const scope = await authorize(context.tx, caller, "registry-fact.manage");
      const [row] = await context.tx
        .select({ platform: nationalPlatforms, recommenderId: units.recommenderId })
        .from(nationalPlatforms)
        .innerJoin(units, eq(units.id, nationalPlatforms.unitId))
        .where(eq(nationalPlatforms.id, platformId))
        .for("update", { of: nationalPlatforms });
      if (!row || !covers(scope, { unitId: row.platform.unitId, recommenderId: row.recommenderId })) {
        throw refused.notFound("National platform", "国家级平台记录");
      }
      if (row.platform.revokedOn) {
        throw refused.conflict({
          code: "already-revoked",
          article: "24",
          path: "revokedOn",
          messageZh: `该国家级平台已于 ${row.platform.revokedOn} 登记被取消。`,
          messageEn: `This national platform was already recorded as revoked on ${row.platform.revokedOn}.`,
        });
      }
      const today = chinaDate(context.clock.now());
      if (input.revokedOn > today) throw futureDate("revokedOn", input.revokedOn, today);
      if (row.platform.approvedOn && input.revokedOn < row.platform.approvedOn) {
        throw refused.invalidInput(
          "revoked-before-approval",
          "取消日期早于批准日期。",
          "Revoked before it was approved.",
          [
            {
              path: "revokedOn",
              messageZh: `取消日期不能早于批准日期（${row.platform.approvedOn}）`,
              messageEn: `Cannot precede the approval (${row.platform.approvedOn})`,
            },
          ],
        );
      }
      await context.tx
        .update(nationalPlatforms)
        .set({ revokedOn: input.revokedOn })
        .where(eq(nationalPlatforms.id, platformId));
      await context.audit({ changes: { revokedOn: input.revokedOn, documentNumber: input.documentNumber } });
    },
  );
}
