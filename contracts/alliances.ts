import { z } from "zod";
import { allianceKindCodes } from "../policy/reference/alliance-kinds";
import { bilingual } from "./bilingual";
import { isoDate, recordAbilities } from "./common";

/** Alliances of bases (Art. 27): regional, industry, field or academic, with a lead base, members and activities. */

const name = z.string().trim().min(2, bilingual("请填写联盟名称", "Enter the alliance's name")).max(100);
const description = z.string().trim().max(2000).default("");

export const allianceInput = z.object({
  name,
  kind: z.enum(allianceKindCodes),
  leadBaseId: z.string().min(1, bilingual("请选择牵头基地", "Choose the lead base")),
  foundedOn: isoDate,
  description,
});
export type AllianceInput = z.infer<typeof allianceInput>;

export const allianceUpdate = z.object({
  name,
  kind: z.enum(allianceKindCodes),
  leadBaseId: z.string().min(1, bilingual("请选择牵头基地", "Choose the lead base")),
  description,
  expectedVersion: z.number().int().min(1),
});
export type AllianceUpdate = z.infer<typeof allianceUpdate>;

export const memberInput = z.object({ baseId: z.string().min(1), joinedOn: isoDate });
export const leaveInput = z.object({ leftOn: isoDate });
export const dissolveInput = z.object({ dissolvedOn: isoDate });
export const activityInput = z.object({
  heldOn: isoDate,
  title: z.string().trim().min(2, bilingual("请填写活动名称", "Enter the activity's title")).max(200),
  summary: z.string().trim().max(4000).default(""),
});
export const memberParams = z.object({ id: z.string().min(1), memberId: z.string().min(1) });

export const allianceActions = [
  "edit",
  "add-member",
  "end-membership",
  "record-activity",
  "dissolve",
  "upload-charter",
] as const;
export type AllianceAction = (typeof allianceActions)[number];

export const allianceSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindZh: z.string(),
  kindEn: z.string(),
  leadBaseId: z.string(),
  leadBaseName: z.string(),
  foundedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  /** Members on the day it is read. */
  memberCount: z.number().int(),
});
export type AllianceSummary = z.infer<typeof allianceSummary>;

export const allianceMember = z.object({
  id: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  current: z.boolean(),
  isLead: z.boolean(),
});

export const allianceActivity = z.object({
  id: z.string(),
  heldOn: z.string(),
  title: z.string(),
  summary: z.string(),
});

export const allianceDetail = allianceSummary.extend({
  description: z.string(),
  charter: z.object({ id: z.string(), name: z.string(), size: z.number().int() }).nullable(),
  members: z.array(allianceMember),
  activities: z.array(allianceActivity),
  version: z.number().int(),
  abilities: recordAbilities,
  availableActions: z.array(z.enum(allianceActions)),
});
export type AllianceDetail = z.infer<typeof allianceDetail>;

/** A base's alliances, for its page. */
export const baseAlliance = z.object({
  allianceId: z.string(),
  name: z.string(),
  kindZh: z.string(),
  kindEn: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  isLead: z.boolean(),
  dissolvedOn: z.string().nullable(),
});

/** The public site's view: names and dates only — no unit, no people, no files. */
export const publicAlliance = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindZh: z.string(),
  kindEn: z.string(),
  leadBaseName: z.string(),
  foundedOn: z.string(),
  description: z.string(),
  members: z.array(z.object({ baseName: z.string(), joinedOn: z.string() })),
  activities: z.array(z.object({ heldOn: z.string(), title: z.string(), summary: z.string() })),
});
export type PublicAlliance = z.infer<typeof publicAlliance>;
