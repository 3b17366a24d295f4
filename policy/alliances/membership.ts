import type { IsoDate } from "../calendar/dates";
import { accept, type Outcome, type Refusal } from "../refusal";

/**
 * Alliances of bases (Art. 27) and their dated memberships. A base is a member on `joinedOn` and every day before
 * `leftOn` (absent: still a member). Pure rules: the server loads the memberships and the base, these decide.
 */
export interface Membership {
  id?: string;
  baseId: string;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
}

/** Bases in the series may join (Art. 27 speaks of 省国合基地); a revoked or exited base may not. */
export const joiningBaseStates = ["active", "rectifying", "revocation-proposed"] as const;

const refusal = (code: string, path: string, messageZh: string, messageEn: string): Refusal => ({
  code,
  article: "27",
  path,
  messageZh,
  messageEn,
});

/** Whether a membership covers a day: on `joinedOn` and every day before `leftOn`. */
export function isMemberOn(membership: Pick<Membership, "joinedOn" | "leftOn">, day: IsoDate): boolean {
  return membership.joinedOn <= day && (membership.leftOn === null || day < membership.leftOn);
}

/** Two memberships overlap when some day is covered by both (the end is exclusive). */
function overlap(a: Pick<Membership, "joinedOn" | "leftOn">, b: Pick<Membership, "joinedOn" | "leftOn">): boolean {
  const aEndsAfterBStarts = a.leftOn === null || b.joinedOn < a.leftOn;
  const bEndsAfterAStarts = b.leftOn === null || a.joinedOn < b.leftOn;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

export interface JoinFacts {
  base: { id: string; status: string; recognizedOn: IsoDate };
  alliance: { foundedOn: IsoDate; dissolvedOn: IsoDate | null };
  /** The base's earlier memberships of this alliance. */
  memberships: readonly Membership[];
  joinedOn: IsoDate;
  today: IsoDate;
}

/** Art. 27: a base joins while it is in the series, on a day the alliance exists, and never twice at once. */
export function decideJoin(facts: JoinFacts): Outcome<{ joinedOn: IsoDate }> {
  const { base, alliance, joinedOn, today } = facts;
  if (!(joiningBaseStates as readonly string[]).includes(base.status)) {
    return {
      ok: false,
      refusal: refusal(
        "base-not-active",
        "baseId",
        "只有在册运行的省国合基地可以加入联盟。",
        "Only a base in the provincial series may join an alliance.",
      ),
    };
  }
  if (joinedOn > today) {
    return {
      ok: false,
      refusal: refusal(
        "joined-in-future",
        "joinedOn",
        "加入日期不能晚于今天。",
        "The joining date cannot be in the future.",
      ),
    };
  }
  if (joinedOn < base.recognizedOn) {
    return {
      ok: false,
      refusal: refusal(
        "joined-before-recognition",
        "joinedOn",
        `加入日期不能早于基地认定日期（${base.recognizedOn}）。`,
        `The joining date cannot precede the base's recognition (${base.recognizedOn}).`,
      ),
    };
  }
  if (joinedOn < alliance.foundedOn) {
    return {
      ok: false,
      refusal: refusal(
        "joined-before-founding",
        "joinedOn",
        `加入日期不能早于联盟成立日期（${alliance.foundedOn}）。`,
        `The joining date cannot precede the alliance's founding (${alliance.foundedOn}).`,
      ),
    };
  }
  if (alliance.dissolvedOn !== null) {
    return {
      ok: false,
      refusal: refusal("alliance-dissolved", "allianceId", "联盟已解散。", "The alliance has been dissolved."),
    };
  }
  const candidate = { joinedOn, leftOn: null };
  if (facts.memberships.some((membership) => overlap(membership, candidate))) {
    return {
      ok: false,
      refusal: refusal(
        "membership-overlap",
        "joinedOn",
        "该基地在此期间已是联盟成员，同一基地的成员期不能重叠。",
        "The base is already a member in that period; memberships of one base cannot overlap.",
      ),
    };
  }
  return accept({ joinedOn });
}

/** Ending a membership: after the joining day (leaving the same day would make it empty), not in the future. */
export function decideLeave(
  membership: Membership,
  leftOn: IsoDate,
  today: IsoDate,
  isLead: boolean,
): Outcome<{ leftOn: IsoDate }> {
  if (membership.leftOn !== null) {
    return {
      ok: false,
      refusal: refusal("membership-ended", "leftOn", "该成员资格已经结束。", "This membership has already ended."),
    };
  }
  if (leftOn <= membership.joinedOn) {
    return {
      ok: false,
      refusal: refusal(
        "left-not-after-joined",
        "leftOn",
        `退出日期须晚于加入日期（${membership.joinedOn}）。`,
        `The leaving date must fall after the joining date (${membership.joinedOn}).`,
      ),
    };
  }
  if (leftOn > today) {
    return {
      ok: false,
      refusal: refusal(
        "left-in-future",
        "leftOn",
        "退出日期不能晚于今天。",
        "The leaving date cannot be in the future.",
      ),
    };
  }
  if (isLead) {
    return {
      ok: false,
      refusal: refusal(
        "lead-must-be-member",
        "leftOn",
        "牵头基地须为联盟成员：请先更换牵头基地，再结束其成员资格。",
        "The lead base must be a member: change the lead base before ending its membership.",
      ),
    };
  }
  return accept({ leftOn });
}

/** The lead base must be a current member (Art. 27: a lead base of the alliance's members). */
export function leadBaseIssue(leadBaseId: string, memberships: readonly Membership[], today: IsoDate): Refusal | null {
  return memberships.some((membership) => membership.baseId === leadBaseId && isMemberOn(membership, today))
    ? null
    : refusal(
        "lead-must-be-member",
        "leadBaseId",
        "牵头基地须为联盟的现有成员。",
        "The lead base must be a current member of the alliance.",
      );
}

/** Dissolving: on or after the founding day and not in the future. */
export function decideDissolve(
  alliance: { foundedOn: IsoDate; dissolvedOn: IsoDate | null },
  dissolvedOn: IsoDate,
  today: IsoDate,
): Outcome<{ dissolvedOn: IsoDate }> {
  if (alliance.dissolvedOn !== null) {
    return {
      ok: false,
      refusal: refusal("alliance-dissolved", "dissolvedOn", "联盟已解散。", "The alliance is dissolved."),
    };
  }
  if (dissolvedOn < alliance.foundedOn || dissolvedOn > today) {
    return {
      ok: false,
      refusal: refusal(
        "dissolved-out-of-range",
        "dissolvedOn",
        `解散日期须在成立日期（${alliance.foundedOn}）与今天之间。`,
        `The dissolution date must fall between the founding (${alliance.foundedOn}) and today.`,
      ),
    };
  }
  return accept({ dissolvedOn });
}

/** An activity is held while the alliance exists and not in the future. */
export function activityDateIssue(
  alliance: { foundedOn: IsoDate; dissolvedOn: IsoDate | null },
  heldOn: IsoDate,
  today: IsoDate,
): Refusal | null {
  const end = alliance.dissolvedOn ?? today;
  return heldOn < alliance.foundedOn || heldOn > end || heldOn > today
    ? refusal(
        "activity-out-of-range",
        "heldOn",
        `活动日期须在联盟成立（${alliance.foundedOn}）之后、${alliance.dissolvedOn ? "解散之前" : "今天之前"}。`,
        `The activity must fall after the founding (${alliance.foundedOn}) and ${alliance.dissolvedOn ? "before the dissolution" : "not in the future"}.`,
      )
    : null;
}
