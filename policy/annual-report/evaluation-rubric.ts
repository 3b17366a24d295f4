import type { Rubric } from "../grading/rubric";

/**
 * The year's evaluation rubric the officer starts from (Art. 22; SPEC §5.2): the six dimensions a neighbouring
 * province scored its cooperation carriers on, with the matching support of the recommender and the host unit as
 * an indicator of its own (Art. 26). Each leaf is scored 0–10; the officer may change the weights per year.
 */
export function defaultEvaluationRubric(year: number): Rubric {
  const leaf = (id: string, labelZh: string, labelEn: string, weight: number, article: string) => ({
    id,
    labelZh,
    labelEn,
    weight,
    min: 0,
    max: 10,
    article,
  });
  return {
    id: `evaluation-${year}`,
    year,
    titleZh: `${year}年度省国际科技合作基地绩效考核指标`,
    indicators: [
      leaf("basic-conditions", "基础条件（平台、团队、协议与投入）", "Basic conditions", 0.15, "3"),
      leaf("research-cooperation", "科研合作（联合研发项目与成果）", "Research cooperation", 0.25, "3"),
      leaf("talent-exchange", "人才交流（人员往来与培训）", "Talent exchange", 0.15, "28"),
      leaf("resource-sharing", "资源共享（国际组织、联合机构、海外平台）", "Resource sharing", 0.15, "3"),
      leaf("demonstration", "示范带动（成果转化与推广）", "Demonstration and diffusion", 0.1, "3"),
      leaf("security", "科技安全（安全预案、生物安全与伦理、出境管理）", "S&T security", 0.1, "18.7"),
      leaf("matching-support", "配套支持（推荐部门与依托单位）", "Matching support", 0.1, "26"),
    ],
  };
}
