import type { Refusal } from "../refusal";
import type { ApplicationState } from "./application.transitions";

/**
 * 推荐意见 (Art. 14.1, 17): while the recommender holds the application (推荐部门审核中) and after it recommended it,
 * until the department's formal review starts — the opinion is printed in the 推荐函 the recommender issues then.
 */
export const opinionOpenStates = ["submitted", "recommended"] as const satisfies readonly ApplicationState[];

export interface OpinionFacts {
  state: string;
  /** The recommender holding the application now (applications.recommender_id). */
  holderId: string;
}

/** Whether this recommender may write its opinion now: a refusal with the article, or null. */
export function opinionRefusal(facts: OpinionFacts, recommenderId: string | null): Refusal | null {
  if (recommenderId === null || recommenderId !== facts.holderId) {
    return {
      code: "not-the-holder",
      article: "17",
      messageZh: "只有当前审核该申报的推荐部门可以填写推荐意见。",
      messageEn: "Only the recommender holding the application writes its opinion.",
    };
  }
  if (!(opinionOpenStates as readonly string[]).includes(facts.state)) {
    return {
      code: "opinion-closed",
      article: "14.1",
      messageZh: "申报已进入形式审查或已办结，推荐意见不能再修改。",
      messageEn: "The application has moved past the recommender: the opinion can no longer be changed.",
    };
  }
  return null;
}
