import { finding, type Rule, windowText } from "./context";
import { lateProjects, qualifyingProjects } from "./projects";

const isCharacteristic = (type: string) => type === "characteristic";

/** Art. 10.1: in principle, a provincial-or-higher international cooperation project in the last 3 years (soft). */
export const characteristicProject: Rule = (context) => {
  if (!isCharacteristic(context.input.application.type)) return null;
  const evidence = ["application.evidence.internationalProjects"];
  const found = qualifyingProjects(context);
  const span = windowText(context.window);
  if (found === null)
    return finding(
      "10.1-international-project",
      "missing",
      evidence,
      "请填写近3年承担的国际科技合作项目。",
      "List the international cooperation projects of the last 3 years.",
    );
  const late = lateProjects(context);
  if (found.length > 0) {
    return finding(
      "10.1-international-project",
      "pass",
      [...found.map((index) => `application.evidence.internationalProjects.${index}`), ...late.evidence],
      `${span.zh} 期间承担省级及以上国际科技合作项目 ${found.length} 项。${late.zh}`,
      `${found.length} provincial-or-higher international cooperation project(s) within ${span.en}.${late.en}`,
    );
  }
  return finding(
    "10.1-international-project",
    "soft",
    [...evidence, ...late.evidence],
    `${span.zh} 期间未承担省级及以上国际科技合作项目（原则性要求），需书面说明。${late.zh}`,
    `No provincial-or-higher international cooperation project within ${span.en} (in principle): a justification is needed.${late.en}`,
  );
};

/** Art. 10.2: good cooperation results with a demonstration effect — expert judgement. */
export const characteristicResults: Rule = ({ input }) => {
  if (!isCharacteristic(input.application.type)) return null;
  const evidence = ["application.evidence.cooperationResults"];
  if (!input.application.evidence?.cooperationResults?.trim()) {
    return finding(
      "10.2-results",
      "missing",
      evidence,
      "请说明已取得的国际科技创新合作成效及示范作用。",
      "Describe the cooperation results and their demonstration effect.",
    );
  }
  return finding(
    "10.2-results",
    "judgement",
    evidence,
    "合作成效及其引导示范作用由专家评判。",
    "The results and their demonstration effect are for the experts.",
  );
};
