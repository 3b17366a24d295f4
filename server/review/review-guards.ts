import { type AssignmentState, materialsOpenIn } from "../../policy/review/assignment.transitions";
import { type ApiError, apiError } from "../http/errors";

/** 409 with a clear message when an expert reaches materials or scores before declaring, or edits after submitting. */
export function lockedOrUndeclared(status: string, forReading = false): ApiError | null {
  if (status === "submitted" && !forReading) {
    return apiError(
      409,
      "review-locked",
      "评审意见已提交并锁定；如需修改，请联系省科技厅重新开启。",
      "The review is submitted and locked; ask an officer to reopen it.",
    );
  }
  if (!(materialsOpenIn as readonly string[]).includes(status as AssignmentState)) {
    return apiError(
      409,
      "declare-first",
      "请先接受邀请并声明无利益冲突，然后才能查看材料和评分。",
      "Accept the invitation and declare no conflict of interest before opening the materials or scoring.",
    );
  }
  return null;
}
