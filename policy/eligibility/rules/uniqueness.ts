import { banEnd, isBanned } from "../../calendar/deadlines";
import { finding, type Rule, sameCountry, sameText } from "./context";

const sameUnit = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Art. 7.5: one base per enterprise, per university college, per field for the other unit types — except
 * offshore platforms located in different countries (regions). In principle: `soft` when a base exists.
 */
export const oneBasePerScope: Rule = ({ input, settings, isOffshore }) => {
  const bases = input.registry?.activeBases;
  if (bases === undefined) {
    return finding(
      "7.5-one-base-per-scope",
      "missing",
      ["registry.activeBases"],
      "未提供现有基地信息，无法核验唯一性。",
      "No registry of existing bases was given.",
    );
  }
  const { unit, application } = input;
  const own = bases.map((base, index) => ({ base, index })).filter(({ base }) => sameUnit(base.unitUscc, unit.uscc));
  // The unit's other applications in progress would make a second base of the same scope (Art. 7.5).
  const siblings = (input.registry?.otherApplications ?? []).map((base, index) => ({ base, index }));
  const scope = unit.type === "enterprise" ? "unit" : unit.type === "university" ? "college" : "field";
  if (scope === "college" && unit.college === undefined && own.length + siblings.length > 0) {
    return finding(
      "7.5-one-base-per-scope",
      "missing",
      ["unit.college", "registry.activeBases"],
      "高等学校请填写承建学院。",
      "A university must name the college hosting the base.",
    );
  }
  const sameScope = (other: { college?: string | undefined; field?: string | undefined }) =>
    scope === "unit"
      ? true
      : scope === "college"
        ? sameText(other.college, unit.college)
        : sameText(other.field, application.field);
  const inScope = own.filter(({ base }) => sameScope(base));
  const siblingsInScope = siblings.filter(({ base }) => sameScope(base));
  if (isOffshore && application.offshoreCountry === undefined && inScope.length + siblingsInScope.length > 0) {
    return finding(
      "7.5-one-base-per-scope",
      "missing",
      ["application.offshoreCountry", "registry.activeBases"],
      "离岸创新平台请填写所在国家(地区)，以核验是否位于不同国家(地区)。",
      "Give the offshore platform's country to check the different-country exception.",
    );
  }
  const clashes = (other: { isOffshore?: boolean | undefined; offshoreCountry?: string | undefined }) => {
    if (!isOffshore) return true;
    const sameCountryPlatform =
      other.isOffshore === true && sameCountry(other.offshoreCountry, application.offshoreCountry);
    if (settings.offshoreExemption === "both-offshore-in-different-countries")
      return other.isOffshore !== true || sameCountryPlatform;
    return sameCountryPlatform;
  };
  const conflicts = inScope.filter(({ base }) => clashes(base));
  const siblingConflicts = siblingsInScope.filter(({ base }) => clashes(base));
  const scopeZh = { unit: "同一企业", college: "高校同一学院", field: "同一领域" }[scope];
  const scopeEn = { unit: "the same enterprise", college: "the same college", field: "the same field" }[scope];
  const evidence = [
    "unit.uscc",
    "unit.type",
    scope === "college" ? "unit.college" : "application.field",
    "application.isOffshore",
    "application.offshoreCountry",
    ...conflicts.map(({ index }) => `registry.activeBases.${index}`),
    ...siblingConflicts.map(({ index }) => `registry.otherApplications.${index}`),
  ];
  if (conflicts.length > 0) {
    const name = conflicts[0]!.base.name ?? "";
    return finding(
      "7.5-one-base-per-scope",
      "soft",
      evidence,
      `${scopeZh}原则上只建设1个省国合基地，已有基地${name ? `“${name}”` : ""}；如确需申报，请书面说明理由。`,
      `In principle one base per ${scopeEn.replace("the same ", "")}: ${scopeEn} already has ${name || "a base"}; a written justification is needed.`,
    );
  }
  if (siblingConflicts.length > 0) {
    const name = siblingConflicts[0]!.base.name ?? "";
    const count = siblingConflicts.length;
    return finding(
      "7.5-one-base-per-scope",
      "soft",
      evidence,
      `${scopeZh}原则上只建设1个省国合基地，本单位另有 ${count} 项申报正在进行${name ? `（“${name}”）` : ""}；如确需申报，请书面说明理由。`,
      `In principle one base per ${scopeEn.replace("the same ", "")}: the unit has ${count} other application${count > 1 ? "s" : ""} in progress${name ? ` (${name})` : ""}; a written justification is needed.`,
    );
  }
  return finding(
    "7.5-one-base-per-scope",
    "pass",
    evidence,
    `${scopeZh}尚无省国合基地，也无其他正在进行的申报${isOffshore ? "（或为位于不同国家(地区)的离岸创新平台）" : ""}。`,
    `No existing base or other application in progress for ${scopeEn}${isOffshore ? " (or an offshore platform in a different country)" : ""}.`,
  );
};

/** Art. 7.6: a unit holding a national B&R joint lab or MOST base in principle does not apply; it states the difference. */
export const nationalPlatform: Rule = ({ input, referenceDate }) => {
  const platforms = input.registry?.nationalPlatforms;
  if (platforms === undefined) {
    return finding(
      "7.6-national-platform",
      "missing",
      ["registry.nationalPlatforms"],
      "未提供国家级平台信息。",
      "No national platforms were given.",
    );
  }
  const own = platforms
    .map((platform, index) => ({ platform, index }))
    .filter(({ platform }) => sameUnit(platform.unitUscc, input.unit.uscc));
  // Art. 24: a platform whose national status was revoked by the reference date no longer counts.
  const held = own.filter(({ platform }) => platform.revokedOn === undefined || platform.revokedOn > referenceDate);
  const revoked = own.filter((entry) => !held.includes(entry));
  if (held.length === 0 && revoked.length > 0) {
    const latest = revoked
      .map(({ platform }) => platform.revokedOn ?? "")
      .sort()
      .at(-1);
    return finding(
      "7.6-national-platform",
      "pass",
      ["unit.uscc", ...revoked.map(({ index }) => `registry.nationalPlatforms.${index}`)],
      `依托单位的国家级平台已于 ${latest} 被科技部取消资格，符合条件的可申请认定为省国合基地（第二十四条）。`,
      `The unit's national platform was revoked by MOST on ${latest}: it may apply provincially if it meets the conditions (Art. 24).`,
    );
  }
  if (held.length === 0) {
    return finding(
      "7.6-national-platform",
      "pass",
      ["unit.uscc", "registry.nationalPlatforms"],
      "依托单位未获批国家级“一带一路”联合实验室或科技部国际科技合作基地。",
      "The unit holds no national B&R joint laboratory or MOST international base.",
    );
  }
  const evidence = [
    "unit.uscc",
    ...held.map(({ index }) => `registry.nationalPlatforms.${index}`),
    "application.nationalPlatformDifference",
  ];
  const stated = input.application.nationalPlatformDifference?.trim();
  if (stated) {
    return finding(
      "7.6-national-platform",
      "soft",
      evidence,
      "依托单位已有国家级平台，原则上不再申报；已说明本基地与其差异，由处室人员判断。",
      "The unit holds a national platform and in principle does not apply; the stated difference is for the officer to accept.",
    );
  }
  return finding(
    "7.6-national-platform",
    "soft",
    evidence,
    "依托单位已有国家级平台，原则上不再申报；请说明本基地与其差异。",
    "The unit holds a national platform and in principle does not apply: state how this base differs.",
  );
};

/** Art. 20, 24: a unit whose base was revoked cannot be recognized again within 3 years. */
export const revocationBan: Rule = ({ input, referenceDate, settings }) => {
  const revocations = input.registry?.revocations;
  if (revocations === undefined) {
    return finding(
      "20-revocation-ban",
      "missing",
      ["registry.revocations"],
      "未提供取消资格记录。",
      "No revocation records were given.",
    );
  }
  // The ban is the unit's (keyed on its USCC); the setting banBarsDirector extends it to the revoked base's director.
  const directorId = input.director?.personId;
  const barred = (revocation: (typeof revocations)[number]) =>
    sameUnit(revocation.unitUscc, input.unit.uscc) ||
    (settings.banBarsDirector && directorId !== undefined && revocation.directorId === directorId);
  const barring = revocations
    .map((revocation, index) => ({ revocation, index }))
    .filter(({ revocation }) => barred(revocation) && isBanned(revocation.date, referenceDate, settings));
  if (barring.length > 0) {
    const latest = barring
      .map(({ revocation }) => revocation.date)
      .sort()
      .at(-1)!;
    const until = banEnd(latest, settings);
    return finding(
      "20-revocation-ban",
      "fail",
      ["unit.uscc", ...barring.map(({ index }) => `registry.revocations.${index}`)],
      `依托单位的基地于 ${latest} 被取消资格，${settings.banYears} 年内不得重新认定（${until} 起可再申报）。`,
      `The unit's base was revoked on ${latest}: no recognition within ${settings.banYears} years (eligible again from ${until}).`,
    );
  }
  return finding(
    "20-revocation-ban",
    "pass",
    ["unit.uscc", "registry.revocations"],
    `依托单位不在取消资格后的 ${settings.banYears} 年限制期内。`,
    `The unit is not within ${settings.banYears} years of a revocation.`,
  );
};
