import { overlaps } from "../../calendar/deadlines";
import { provincialOrHigher } from "../../reference/evidence-kinds";
import type { RuleContext } from "./context";

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
