import { applicationTarget } from "../recognition/application-target";
import { registerReviewTarget } from "./targets";

/** Every kind of review target, registered once when the app is built. Annual reports join with the life-of-a-base work. */
export function registerReviewTargets(): void {
  registerReviewTarget(applicationTarget);
}
