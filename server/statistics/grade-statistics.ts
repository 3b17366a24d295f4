import { eq, sql } from "drizzle-orm";
import type { StatisticsChart } from "../../contracts/statistics";
import { grades } from "../../policy/grading/grade";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { bases, evaluationGrades } from "../db/schema";
import { baseRows } from "../registry/bases.repository";
import { CountMatrix } from "./matrix";

const yearCategory = (year: number) => ({ key: String(year), labelZh: `${year}年度`, labelEn: String(year) });

/** The confirmed grades of Art. 22 by year, of the bases the scope reaches; empty until a round is graded. */
export async function gradeStatistics(executor: Executor, scope: ResolvedScope): Promise<StatisticsChart> {
  const rows = await executor
    .select({ year: evaluationGrades.year, grade: evaluationGrades.grade, n: sql<number>`count(*)::int` })
    .from(evaluationGrades)
    .innerJoin(bases, eq(bases.id, evaluationGrades.baseId))
    .where(baseRows(scope))
    .groupBy(evaluationGrades.year, evaluationGrades.grade)
    .orderBy(evaluationGrades.year);
  const matrix = new CountMatrix(
    grades.map((grade) => ({ key: grade.code, labelZh: grade.nameZh, labelEn: grade.nameEn })),
  );
  for (const row of rows) matrix.add(String(row.year), row.grade, () => yearCategory(row.year), Number(row.n));
  return matrix.toChart("grades-by-year");
}
