import type { OfficerHolidayYear } from "../../policy/calendar/working-days";
import type { Executor } from "../db/client";
import { holidayYears } from "../db/schema";

/** The holiday years officers entered (holiday_years), passed to the working-day calendar of policy/. */
export async function officerHolidayYears(executor: Executor): Promise<OfficerHolidayYear[]> {
  const rows = await executor.select().from(holidayYears);
  return rows.map((row) => ({
    year: row.year,
    holidays: row.holidays as string[],
    adjustedWorkingDays: row.workdays as string[],
  }));
}
