import type { VerificationResult } from "../../../../contracts/verification";
import { http } from "../../api/client";

export type { VerificationResult };

/** The public check of a printed document's code (no sign-in): GET /api/public/verify/:code. */
export const verifyApi = {
  check: (code: string, digest?: string) =>
    http.get<VerificationResult>(`/api/public/verify/${encodeURIComponent(code)}`, { digest }),
};
