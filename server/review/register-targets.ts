import { applicationTarget } from "../recognition/application-target";
import { annualReportTarget } from "../yearly/report-target";
import { registerReviewTarget } from "./targets";

/** Every kind of review target, registered once when the app is built: applications and annual reports (Art. 22). */
export function registerReviewTargets(): void {
  registerReviewTarget(applicationTarget);
  registerReviewTarget(annualReportTarget);
}
