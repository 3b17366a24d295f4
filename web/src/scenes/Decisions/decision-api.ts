import type { z } from "zod";
import type {
  approvalInput,
  approvalSchema,
  candidateList,
  candidateSchema,
  nextNumberSchema,
  noticeInput,
  noticeSchema,
  objectionInput,
  objectionSchema,
  onSiteVerificationInput,
  portfolioSchema,
  recognitionDocumentSchema,
  recognitionInput,
  storedFileSchema,
} from "../../../../contracts/decision";
import { http } from "../../api/client";

export type Candidate = z.infer<typeof candidateSchema>;
export type Portfolio = z.infer<typeof portfolioSchema>;
export type Approval = z.infer<typeof approvalSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type Objection = z.infer<typeof objectionSchema>;
export type RecognitionDocument = z.infer<typeof recognitionDocumentSchema>;
export type StoredFile = z.infer<typeof storedFileSchema>;

const enc = encodeURIComponent;
const step = (id: string, path: string) => `/api/decisions/applications/${enc(id)}/${path}`;

/** The officer's decision endpoints (server/routes/decisions/), typed from contracts/decision.ts. */
export const decisionApi = {
  candidates: (callId?: string) => http.get<z.infer<typeof candidateList>>("/api/decisions/candidates", { callId }),
  portfolio: (callId?: string) => http.get<Portfolio>("/api/decisions/portfolio", { callId }),
  upload: (file: File) => http.upload<StoredFile>("/api/decisions/files", file),
  completeReview: (id: string) => http.post<Candidate>(step(id, "complete-review")),
  startOnSite: (id: string) => http.post<Candidate>(step(id, "start-on-site-verification")),
  recordOnSite: (id: string, input: z.input<typeof onSiteVerificationInput>) =>
    http.post<Candidate>(step(id, "on-site-verifications"), input),
  evaluate: (id: string, opinion: string) => http.post<Candidate>(step(id, "evaluate"), { opinion }),
  reject: (id: string, reason: string) => http.post<Candidate>(step(id, "reject"), { reason }),
  approvals: () => http.get<Approval[]>("/api/decisions/approvals"),
  approve: (input: z.input<typeof approvalInput>) => http.post<Approval>("/api/decisions/approvals", input),
  notices: (query: { endingWithin?: string | undefined } = {}) => http.get<Notice[]>("/api/decisions/notices", query),
  objections: (query: { objections?: "open" | undefined }) =>
    http.get<{ items: Objection[]; total: number }>("/api/decisions/objections", query),
  publish: (input: z.input<typeof noticeInput>) => http.post<Notice>("/api/decisions/notices", input),
  receiveObjection: (noticeId: string, input: z.input<typeof objectionInput>) =>
    http.post<Objection>(`/api/decisions/notices/${enc(noticeId)}/objections`, input),
  investigate: (id: string, notes: string) =>
    http.post<Objection>(`/api/decisions/objections/${enc(id)}/investigate`, { notes }),
  resolve: (id: string, outcome: "upheld" | "dismissed", resolution: string) =>
    http.post<Objection>(`/api/decisions/objections/${enc(id)}/resolve`, { outcome, resolution }),
  sealUrl: (id: string) => `/api/decisions/objections/${enc(id)}/seal`,
  recognitions: () => http.get<RecognitionDocument[]>("/api/decisions/recognitions"),
  nextNumber: (prefix: string, year: number) =>
    http.get<z.infer<typeof nextNumberSchema>>("/api/decisions/recognitions/next-number", { prefix, year }),
  recognize: (input: z.input<typeof recognitionInput>) =>
    http.post<RecognitionDocument>("/api/decisions/recognitions", input),
  noticeUrl: (id: string, format: "docx" | "pdf") => `/api/decisions/recognitions/${enc(id)}/notice/${format}`,
};
