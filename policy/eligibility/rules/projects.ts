import { overlaps } from "../../calendar/deadlines";
import { provincialOrHigher } from "../../reference/evidence-kinds";
import { datedAfterReference, type RuleContext } from "./context";

/** Provincial-or-higher international cooperation projects undertaken within the look-back window (Art. 8.1, 10.1). */
export function qualifyingProjects({ input, window, referenceDate }: RuleContext): number[] | null {
  const projects = input.application.evidence?.internationalProjects;
  if (projects === undefined) return null;
  return projects
    .map((project, index) => ({ project, index }))
    .filter(
      ({ project }) =>
        provincialOrHigher.includes(project.level) &&
        project.date <= referenceDate &&
        overlaps(project.date, project.end, window),
    )
    .map(({ index }) => index);
}

/** Projects dated after the reference date: not counted, and named as implausible (Art. 8.1, 10.1). */
export function lateProjects({ input, referenceDate }: RuleContext) {
  return datedAfterReference(
    input.application.evidence?.internationalProjects,
    "application.evidence.internationalProjects",
    referenceDate,
    { zh: "项国际科技合作项目", en: "cooperation project(s)" },
  );
}
