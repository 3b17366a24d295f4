import { z } from "zod";
import { nationalPlatformKindCodes } from "../policy/reference/evidence-kinds";
import { bilingual } from "./bilingual";
import { isoDate } from "./common";

/**
 * A base's national side (Art. 21, 23, 24): the series it belongs to (省国合基地, or 部省国合基地 for a MOST
 * international base managed in the provincial system), the national platform it upgraded to or is, and what the
 * department may record about it.
 */

/** Art. 21: the national document a base upgraded by; the base exits the provincial series from its date. */
export const upgradeExitInput = z.object({
  kind: z.enum(nationalPlatformKindCodes),
  name: z.string().trim().min(2, bilingual("请填写国家级平台名称", "Enter the national platform's name")).max(200),
  documentNumber: z
    .string()
    .trim()
    .min(2, bilingual("请填写国家发文文号", "Enter the national document's number"))
    .max(100),
  documentDate: isoDate,
});
export type UpgradeExitInput = z.infer<typeof upgradeExitInput>;

/** Art. 24: MOST revoked the national status on `revokedOn` (its document number when known). */
export const nationalRevocationInput = z.object({
  revokedOn: isoDate,
  documentNumber: z.string().trim().max(100).nullable().default(null),
});
export type NationalRevocationInput = z.infer<typeof nationalRevocationInput>;

export const nationalPlatformView = z.object({
  id: z.string(),
  kind: z.string(),
  kindZh: z.string(),
  kindEn: z.string(),
  name: z.string(),
  approvedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  revokedOn: z.string().nullable(),
});

export const nationalActions = ["upgrade-exit", "national-revocation"] as const;
export type NationalAction = (typeof nationalActions)[number];

export const baseNationalStatus = z.object({
  baseId: z.string(),
  /** 省国合基地, or 部省国合基地（科技部国际科技合作基地） for a MOST base (Art. 21, 23). */
  seriesZh: z.string(),
  seriesEn: z.string(),
  isMostBase: z.boolean(),
  status: z.string(),
  statusChangedOn: z.string().nullable(),
  /** The platform the base upgraded to (Art. 21), or the MOST base's own national record (Art. 24). */
  platform: nationalPlatformView.nullable(),
  /** Art. 31: the edition of the measures the exit or national revocation was recorded under (its date's edition). */
  decidedUnder: z.object({ editionId: z.string(), labelZh: z.string(), labelEn: z.string() }).nullable(),
  availableActions: z.array(z.enum(nationalActions)),
});
export type BaseNationalStatus = z.infer<typeof baseNationalStatus>;
