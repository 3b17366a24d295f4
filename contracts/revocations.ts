import { z } from "zod";
import {
  revocationCaseEvents,
  revocationCaseStates,
  revocationSources,
} from "../policy/lifecycles/revocation-case.transitions";
import { recordAbilities } from "./common";
import { evidenceFileSchema } from "./evidence";

/**
 * Revocation cases (Art. 20) and the host unit's voluntary withdrawal (Art. 20.7). Each record carries what its reader
 * may do (`abilities`, `availableEvents`) and, once revoked, the notice's number and the day the ban ends.
 */
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const ground = z.number().int().min(1).max(9);

/** The records a system proposal rests on (Art. 20), one list: each kind with its label and the page that shows it. */
export const revocationSourceKinds = [
  { kind: "annual-report", labelZh: "年度工作报告", labelEn: "Annual report", path: "/annual-reports/" },
  { kind: "rectification", labelZh: "整改复核", labelEn: "Rectification re-check", path: "/rectifications/" },
  { kind: "change-report", labelZh: "重大事项变化报告", labelEn: "Major change report", path: "/change-reports/" },
] as const;
const sourceKindCodes = revocationSourceKinds.map((entry) => entry.kind) as [
  (typeof revocationSourceKinds)[number]["kind"],
  ...(typeof revocationSourceKinds)[number]["kind"][],
];

/** What the system knew when it proposed (Art. 20): the report, the rectification case or the change report. */
export const revocationSourceRef = z.object({
  kind: z.enum(sourceKindCodes),
  id: z.string(),
  year: z.number().int().optional(),
});
export type RevocationSourceRef = z.infer<typeof revocationSourceRef>;

/** The source as a reader sees it: its label and the link to the record. */
export const revocationSourceView = revocationSourceRef.extend({
  labelZh: z.string(),
  labelEn: z.string(),
  link: z.string(),
});

export const revocationListQuery = z.object({
  state: z.enum(revocationCaseStates).optional(),
  baseId: z.string().max(64).optional(),
  open: z.enum(["true", "false"]).optional(),
});

export const revocationCaseSummary = z.object({
  id: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  ground,
  article: z.string(),
  groundZh: z.string(),
  groundEn: z.string(),
  source: z.enum(revocationSources),
  state: z.enum(revocationCaseStates),
  createdAt: z.string(),
  revokedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  /** The first day the unit may be recognized again (the third anniversary, Art. 20), once revoked. */
  banEndsOn: z.string().nullable(),
});

export const revocationCaseDetail = revocationCaseSummary.extend({
  baseStatus: z.string(),
  evidence: z.string(),
  sourceRef: revocationSourceView.nullable(),
  returnReason: z.string().nullable(),
  dismissedReason: z.string().nullable(),
  meetingDate: z.string().nullable(),
  minuteRef: z.string().nullable(),
  prefix: z.string().nullable(),
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  edition: z.string(),
  version: z.number().int(),
  abilities: recordAbilities,
  availableEvents: z.array(z.enum(revocationCaseEvents)),
  files: z.array(evidenceFileSchema),
  /** The verification code printed on the notice, once printed. */
  noticeAvailable: z.boolean(),
});

/** The officer opens a case on any ground with the facts it rests on (Art. 20). */
export const revocationOpenRequest = z.strictObject({
  baseId: z.string().min(1).max(64),
  ground,
  evidence: text(20_000),
});

/** The host unit asks to withdraw its base (Art. 20.7), with its reason. */
export const withdrawalRequest = z.strictObject({
  baseId: z.string().min(1).max(64),
  reason: text(20_000),
});

export const revocationEventRequest = z.strictObject({
  event: z.enum(revocationCaseEvents),
  reason: text(2_000).optional(),
  /** revoke: the 厅党组会 record and the notice's number (Art. 20). */
  meetingDate: isoDate.optional(),
  minuteRef: text(200).optional(),
  documentPrefix: text(40).optional(),
  documentNumber: z.number().int().min(1).max(100_000).optional(),
  expectedVersion: z.number().int().min(1),
});

export const baseRevocationCases = z.object({
  items: z.array(revocationCaseDetail),
  /** What the reader may start on this base now: the officer opens a case, the unit asks to withdraw. */
  canOpen: z.boolean(),
  canRequestWithdrawal: z.boolean(),
  /** The latest revocation's ban end (Art. 20), when the base was revoked. */
  banEndsOn: z.string().nullable(),
});

export type RevocationCaseSummary = z.infer<typeof revocationCaseSummary>;
export type RevocationCaseDetail = z.infer<typeof revocationCaseDetail>;
export type RevocationListQuery = z.infer<typeof revocationListQuery>;
export type RevocationEventRequest = z.infer<typeof revocationEventRequest>;
export type BaseRevocationCases = z.infer<typeof baseRevocationCases>;
