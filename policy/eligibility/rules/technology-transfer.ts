import { addYears } from "../../calendar/calendar-months";
import { addDays } from "../../calendar/dates";
import { isWithin, lastCompleteYears } from "../../calendar/deadlines";
import { datedAfterReference, finding, type Rule, windowText } from "./context";

const isTransfer = (type: string) => type === "technology-transfer";

/** Art. 9.1: a professional international technology-transfer service team. */
export const transferTeam: Rule = ({ input }) => {
  if (!isTransfer(input.application.type)) return null;
  const team = input.application.evidence?.transferServiceTeam;
  const evidence = ["application.evidence.transferServiceTeam"];
  if (!team)
    return finding(
      "9.1-transfer-team",
      "missing",
      evidence,
      "请填写国际技术转移服务团队。",
      "Describe the international technology-transfer team.",
    );
  if (team.size === 0)
    return finding(
      "9.1-transfer-team",
      "fail",
      evidence,
      "须具有专业的国际技术转移服务团队。",
      "A professional international technology-transfer team is required.",
    );
  return finding(
    "9.1-transfer-team",
    "judgement",
    evidence,
    `技术转移服务团队 ${team.size} 人，其专业性和成效由专家评判。`,
    `Transfer team of ${team.size}; its expertise and results are for the experts.`,
  );
};

/** Art. 9.2: ≥ 2 international technology-transfer projects implemented in the last 3 years. */
export const transferProjects: Rule = ({ input, window, referenceDate }) => {
  if (!isTransfer(input.application.type)) return null;
  const projects = input.application.evidence?.transferProjects;
  const evidence = ["application.evidence.transferProjects"];
  if (projects === undefined)
    return finding(
      "9.2-transfer-projects",
      "missing",
      evidence,
      "请填写近3年实施的国际技术转移项目。",
      "List the international transfer projects of the last 3 years.",
    );
  const count = projects.filter(
    (project) => project.status !== "planned" && project.status !== "ongoing" && isWithin(project.date, window),
  ).length;
  const span = windowText(window);
  // A planned or ongoing project may carry a future date; one marked implemented may not.
  const late = datedAfterReference(
    projects,
    "application.evidence.transferProjects",
    referenceDate,
    { zh: "项已实施的技术转移项目", en: "implemented transfer project(s)" },
    (project) => project.status !== "planned" && project.status !== "ongoing",
  );
  if (count >= 2)
    return finding(
      "9.2-transfer-projects",
      "pass",
      [...evidence, ...late.evidence],
      `${span.zh} 期间成功实施国际技术转移项目 ${count} 项（要求不少于2项）。${late.zh}`,
      `${count} transfer projects implemented within ${span.en} (≥ 2 required).${late.en}`,
    );
  return finding(
    "9.2-transfer-projects",
    "fail",
    [...evidence, ...late.evidence],
    `${span.zh} 期间仅成功实施国际技术转移项目 ${count} 项，要求不少于2项。${late.zh}`,
    `Only ${count} transfer project(s) implemented within ${span.en}; ≥ 2 required.${late.en}`,
  );
};

/** Art. 9.3: ≥ 5 international transfer/exchange events held each year (each of the last 3 complete years). */
export const eventsEachYear: Rule = ({ input, settings, referenceDate }) => {
  if (!isTransfer(input.application.type)) return null;
  const events = input.application.evidence?.transferEvents;
  const evidence = ["application.evidence.transferEvents"];
  const minimum = settings.eventsPerYearMinimum;
  if (events === undefined)
    return finding(
      "9.3-events-each-year",
      "missing",
      evidence,
      "请填写每年举办的国际技术转移等交流活动。",
      "List the transfer and exchange events held each year.",
    );
  const periods =
    settings.eventsPerYearMode === "each-rolling-year"
      ? Array.from({ length: settings.lookBackYears }, (_, index) => {
          const end = addYears(referenceDate, -index);
          return { label: `${addDays(addYears(end, -1), 1)}~${end}`, start: addDays(addYears(end, -1), 1), end };
        }).reverse()
      : lastCompleteYears(referenceDate, settings.lookBackYears).map((year) => ({
          label: String(year),
          start: `${year}-01-01`,
          end: `${year}-12-31`,
        }));
  const counts = periods.map((period) => ({
    ...period,
    count: events.filter((event) => isWithin(event.date, period)).length,
  }));
  const listing = counts.map((period) => `${period.label}: ${period.count}`).join("; ");
  const short = counts.filter((period) => period.count < minimum);
  const late = datedAfterReference(events, "application.evidence.transferEvents", referenceDate, {
    zh: "场活动",
    en: "event(s)",
  });
  if (short.length === 0)
    return finding(
      "9.3-events-each-year",
      "pass",
      [...evidence, ...late.evidence],
      `每年举办活动均不少于${minimum}场（${listing}）。${late.zh}`,
      `At least ${minimum} events every year (${listing}).${late.en}`,
    );
  return finding(
    "9.3-events-each-year",
    "fail",
    [...evidence, ...late.evidence],
    `每年举办国际科技交流活动应不少于${minimum}场，${short.map((period) => period.label).join("、")} 不足（${listing}）。${late.zh}`,
    `At least ${minimum} events are required each year; short in ${short.map((period) => period.label).join(", ")} (${listing}).${late.en}`,
  );
};
