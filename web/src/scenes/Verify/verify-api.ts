import { api, type Schema } from "../../api/client";

export type VerificationResult = Schema<"VerificationResult">;

/** The public check of a printed document's code (no sign-in): GET /api/public/verify/:code. */
export const verifyApi = {
  check: (code: string, digest?: string) => api.get("/api/public/verify/{code}", { path: { code }, query: { digest } }),
};
