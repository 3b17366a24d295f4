import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { ChangeValues, FiledChange } from "../../contracts/change-reports";
import type { CountryLevels } from "../../policy/changes/change-effects";
import type { MajorChangeKind } from "../../policy/lifecycles/change-report.transitions";
import type { Executor } from "../db/client";
import { changeReports } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { countryNameOf } from "../reference/countries";
import { kindLabel } from "./change-reports.repository";

const names = (codes: readonly string[]) => codes.map((code) => countryNameOf(code).nameZh).join("、") || "无";
const countriesText = (countries: CountryLevels | undefined) =>
  countries
    ? `重点：${names(countries.key)}；主要：${names(countries.main)}；辐射：${names(countries.radiating)}`
    : "—";

/** One line of a stored value set, as the report prints it. */
function valueText(kind: MajorChangeKind, values: ChangeValues | null | undefined): string {
  if (!values) return "—";
  switch (kind) {
    case "director":
      return values.directorName || "—";
    case "name":
      return values.standardName || values.field || "—";
    case "key-or-main-countries":
      return countriesText(values.countries);
    case "work-plan":
      return values.workPlanSummary || "—";
  }
}

/**
 * The base's changes filed with the province that took effect in `year` (Art. 18.5: 在当年工作报告中予以说明):
 * the annual report of that year lists them. Counted by the change date, not the filing date
 * (docs/interpretations.md): a December change filed in February belongs to December's year.
 */
export async function filedChangesOfYear(executor: Executor, baseId: string, year: number): Promise<FiledChange[]> {
  const rows = await executor
    .select()
    .from(changeReports)
    .where(
      and(
        eq(changeReports.baseId, baseId),
        eq(changeReports.state, "filed"),
        gte(changeReports.changedOn, `${year}-01-01`),
        lte(changeReports.changedOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(changeReports.changedOn), asc(changeReports.filedOn), asc(changeReports.id));
  return rows.map((row) => {
    const kind = row.kind as MajorChangeKind;
    const label = kindLabel(kind);
    return {
      id: row.id,
      kind,
      kindZh: label.nameZh,
      kindEn: label.nameEn,
      changedOn: row.changedOn,
      filedOn: row.filedOn ?? "",
      filedLate: row.filedLate === true,
      previousValue:
        kind === "work-plan"
          ? "原建设工作方案"
          : valueText(kind, parseStored("change_reports.previous", row.previous, row.id)),
      newValue: valueText(kind, parseStored("change_reports.proposed", row.proposed, row.id)),
      description: row.description,
    };
  });
}
