import { z } from "zod";
import { bilingual } from "./bilingual";
import { isoDate, paged } from "./common";

/**
 * The decision half of a recognition round (Art. 14.2–14.3; SPEC §5.1 steps 6–9): on-site verification,
 * comprehensive evaluation with the portfolio, the Party group meeting, the 公示 and its objections, and the
 * recognition document. Officer-only; every move of an application goes through its lifecycle on the server.
 */

const required = (zh: string, en: string, max = 4000) =>
  z
    .string()
    .trim()
    .min(1, bilingual(`请填写${zh}`, `${en} is required`))
    .max(max);
const applicationIds = z
  .array(z.string().min(1).max(64))
  .min(1, bilingual("请至少选择一项申报", "Choose at least one application"))
  .max(200);

export const reasonBody = z.object({ reason: required("理由", "A reason", 2000) });
export const emptyBody = z.object({}).optional();

export const onSiteVerificationInput = z.object({
  visitedOn: isoDate,
  team: z
    .array(z.string().trim().min(1).max(100))
    .min(1, bilingual("请填写核查组成员", "Name the verification team"))
    .max(20),
  findings: required("核查发现", "Findings"),
  conclusion: z.enum(["confirmed", "issues"]),
  fileIds: z.array(z.string().min(1).max(64)).max(30).default([]),
});
export type OnSiteVerificationInput = z.infer<typeof onSiteVerificationInput>;

export const evaluationInput = z.object({ opinion: required("综合评议意见", "The evaluation opinion") });

export const approvalInput = z.object({
  meetingDate: isoDate,
  minuteRef: required("纪要编号", "The minute reference", 100),
  applicationIds,
  note: z.string().trim().max(2000).optional(),
});
export type ApprovalInput = z.infer<typeof approvalInput>;

export const noticeInput = z.object({
  startOn: isoDate,
  title: z.string().trim().max(200).optional(),
  applicationIds,
});
export type NoticeInput = z.infer<typeof noticeInput>;

/**
 * Art. 14.3: a unit's objection names the unit and carries its sealed letter — one rule for the objections officers
 * enter from paper and those lodged on the public 公示 page.
 */
export function unitObjectionNeedsSeal(
  value: { objectorKind: "person" | "unit"; unitName?: string | undefined; sealFileId?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (value.objectorKind !== "unit") return;
  if (!value.unitName?.trim()) {
    context.addIssue({ code: "custom", path: ["unitName"], message: bilingual("请填写单位名称", "Name the unit") });
  }
  if (!value.sealFileId) {
    context.addIssue({
      code: "custom",
      path: ["sealFileId"],
      message: bilingual(
        "单位提出异议须上传加盖单位公章的异议书扫描件",
        "A unit's objection needs the scan of its letter bearing the unit's seal",
      ),
    });
  }
}

/** Art. 14.3 (SPEC §5.1 step 9): real name and contact, facts; a unit's objection carries its seal. */
export const objectionInput = z
  .object({
    applicationId: z.string().min(1).max(64),
    objectorKind: z.enum(["person", "unit"]),
    realName: required(
      "异议人真实姓名（不受理匿名异议）",
      "The objector's real name (anonymous objections are refused)",
      100,
    ),
    contact: required("联系方式（不受理匿名异议）", "A contact (anonymous objections are refused)", 200),
    unitName: z.string().trim().max(200).optional(),
    sealFileId: z.string().min(1).max(64).optional(),
    content: required("异议内容", "The objection", 4000),
    facts: required(
      "异议所依据的事实和证据（不受理无事实依据的异议）",
      "The facts it rests on (fact-less objections are refused)",
    ),
    receivedOn: isoDate.optional(),
  })
  .superRefine(unitObjectionNeedsSeal);
export type ObjectionInput = z.infer<typeof objectionInput>;

export const investigationInput = z.object({ notes: required("调查情况", "Investigation notes") });
export const resolutionInput = z.object({
  outcome: z.enum(["upheld", "dismissed"]),
  resolution: required("处理结论", "The resolution"),
});

/** A 机关代字 such as 鄂科技函: Chinese characters or letters, no brackets or digits (they belong to the number). */
export const documentPrefix = z
  .string()
  .trim()
  .regex(
    /^[\p{Script=Han}A-Za-z]{2,20}$/u,
    bilingual("发文机关代字应为 2–20 个汉字或字母，如“鄂科技函”", "A prefix is 2–20 letters, e.g. 鄂科技函"),
  );

export const recognitionInput = z.object({
  prefix: documentPrefix,
  year: z.number().int().min(2000).max(2100).optional(),
  number: z.number().int().min(1).max(9999).optional(),
  issuedOn: isoDate,
  title: z.string().trim().max(200).optional(),
  applicationIds,
});
export type RecognitionInput = z.infer<typeof recognitionInput>;

export const candidateQuery = z.object({
  callId: z.string().max(64).optional(),
  state: z.string().max(40).optional(),
});

/** An on-site verification as the workbench shows it; `team` is what on_site_verifications.team stores. */
export const verificationSchema = z.object({
  id: z.string(),
  visitedOn: z.string(),
  team: z.array(z.string()),
  findings: z.string(),
  conclusion: z.enum(["confirmed", "issues"]),
  files: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number() })),
});

export const candidateSchema = z.object({
  id: z.string(),
  callId: z.string(),
  standardName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  division: z.string().nullable(),
  type: z.string(),
  field: z.string(),
  isKey: z.boolean(),
  state: z.string(),
  stateLabelZh: z.string(),
  stateLabelEn: z.string(),
  review: z.object({
    roundStatus: z.string().nullable(),
    submitted: z.number().int(),
    mean: z.number().nullable(),
    panelOpinion: z.string().nullable(),
  }),
  verifications: z.array(verificationSchema),
  evaluationOpinion: z.string().nullable(),
  noticeId: z.string().nullable(),
  objections: z.object({ open: z.number().int(), upheld: z.number().int(), total: z.number().int() }),
  /** The events the caller may fire now (the server decides; the UI renders). */
  events: z.array(z.string()),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const candidateList = z.object({ items: z.array(candidateSchema), total: z.number().int() });

const bucket = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  bases: z.number().int(),
  candidates: z.number().int(),
});
export const portfolioDimensions = ["country", "field", "division", "type"] as const;
export type PortfolioDimension = (typeof portfolioDimensions)[number];

const labelled = { key: z.string(), labelZh: z.string(), labelEn: z.string() };
/** A (key partner country, field) cell of the portfolio's matrix. */
const matrixCell = z.object({ country: z.string(), field: z.string() });

export const portfolioSchema = z.object({
  dimensions: z.object({
    country: z.array(bucket),
    field: z.array(bucket),
    division: z.array(bucket),
    type: z.array(bucket),
  }),
  /**
   * Key partner country × field (issue 13 item 2): the current bases and the candidates in each cell; a base counts
   * once in every cell of its key countries. Countries flagged 一带一路 on the day.
   */
  matrix: z.object({
    countries: z.array(z.object({ ...labelled, beltAndRoad: z.boolean() })),
    fields: z.array(z.object(labelled)),
    cells: z.array(matrixCell.extend({ bases: z.number().int(), candidates: z.number().int() })),
  }),
  candidates: z.array(
    z.object({
      applicationId: z.string(),
      standardName: z.string(),
      unitName: z.string(),
      state: z.string(),
      mean: z.number().nullable(),
      /** SPEC §5.1 step 7: for each bucket the candidate falls in, the count without it and with it. */
      deltas: z.array(
        z.object({
          dimension: z.enum(portfolioDimensions),
          key: z.string(),
          labelZh: z.string(),
          labelEn: z.string(),
          bases: z.number().int(),
          without: z.number().int(),
          with: z.number().int(),
          /** No recognized base yet in this bucket: the candidate fills a gap in the layout. */
          fillsGap: z.boolean(),
        }),
      ),
      /** The matrix cells the candidate falls in (its key countries × its field). */
      cells: z.array(matrixCell),
    }),
  ),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

export const approvalSchema = z.object({
  id: z.string(),
  meetingDate: z.string(),
  minuteRef: z.string(),
  applicationIds: z.array(z.string()),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const objectionSchema = z.object({
  id: z.string(),
  noticeId: z.string(),
  applicationId: z.string(),
  applicationName: z.string(),
  objectorKind: z.enum(["person", "unit"]),
  realName: z.string(),
  unitName: z.string().nullable(),
  contact: z.string(),
  sealFileId: z.string().nullable(),
  content: z.string(),
  facts: z.string(),
  receivedOn: z.string(),
  /** paper: entered by an officer from the letter received; online: lodged on the public 公示 page. */
  channel: z.enum(["paper", "online"]),
  status: z.enum(["received", "investigating", "upheld", "dismissed"]),
  investigationNotes: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Objection = z.infer<typeof objectionSchema>;

/** The objections list: `open` those not yet resolved (received or under investigation, Art. 14.3). */
export const objectionListQuery = z.object({ objections: z.enum(["open"]).optional() });
export const objectionPage = paged(objectionSchema);

/** The 公示 list: `endingWithin` (days) those whose period ends between today and that many days ahead. */
export const noticeListQuery = z.object({ endingWithin: z.coerce.number().int().min(0).max(60).optional() });

export const noticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  workingDays: z.number().int(),
  edition: z.string(),
  /** Whether the period is over today (recognition may follow once objections are resolved). */
  over: z.boolean(),
  applications: z.array(
    z.object({ id: z.string(), standardName: z.string(), unitName: z.string(), state: z.string() }),
  ),
  objections: z.array(objectionSchema),
});
export type Notice = z.infer<typeof noticeSchema>;

export const recognitionDocumentSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  documentNumber: z.string(),
  issuedOn: z.string(),
  title: z.string(),
  applicationIds: z.array(z.string()),
  baseIds: z.array(z.string()),
});
export type RecognitionDocument = z.infer<typeof recognitionDocumentSchema>;

export const nextNumberQuery = z.object({ prefix: documentPrefix, year: z.coerce.number().int().min(2000).max(2100) });
export const nextNumberSchema = z.object({ number: z.number().int(), documentNumber: z.string() });

export const storedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  mediaType: z.string(),
});
