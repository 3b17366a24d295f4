import { type AssignmentState, materialsOpenIn } from "../../policy/review/assignment.transitions";
import { type Refused, refused } from "../domain/refused";

/** 409 with a clear message when an expert reaches materials or scores before declaring, or edits after submitting. */
export function lockedOrUndeclared(status: string, forReading = false): Refused | null {
  if (status === "submitted" && !forReading) {
    return refused.conflict({
      code: "review-locked",
      messageZh: "评审意见已提交并锁定；如需修改，请联系省科技厅重新开启。",
      messageEn: "The review is submitted and locked; ask an officer to reopen it.",
    });
  }
  if (!(materialsOpenIn as readonly string[]).includes(status as AssignmentState)) {
    return refused.conflict({
      code: "declare-first",
      messageZh: "请先接受邀请并声明无利益冲突，然后才能查看材料和评分。",
      messageEn: "Accept the invitation and declare no conflict of interest before opening the materials or scoring.",
    });
  }
  return null;
}
