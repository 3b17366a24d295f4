import { and, desc, inArray, sql } from "drizzle-orm";
import type { AnnualReportContent } from "../../contracts/annual-report";
import type { ApplicationForm } from "../../contracts/recognition";
import type { AgreementFact } from "../../policy/deadlines/agreements";
import type { Executor } from "../db/client";
import { annualReports, applications } from "../db/schema";

/** Reports the recommender has passed on to the province: their agreements section is the base's filed record. */
export const filedReportStates = ["submitted", "under-evaluation", "correction-window", "graded"] as const;

type ReportAgreements = AnnualReportContent["agreements"];
type Partners = NonNullable<ApplicationForm["application"]>["partners"];

/**
 * Each base's cooperation agreements (Art. 7.2): the latest filed annual report's section when it has one, else
 * the recognizing application's partners; null when neither records any (a base imported from the old registry).
 */
export async function loadBaseAgreements(
  executor: Executor,
  bases: ReadonlyArray<{ id: string; applicationId: string | null }>,
): Promise<Map<string, AgreementFact[] | null>> {
  const result = new Map<string, AgreementFact[] | null>();
  if (bases.length === 0) return result;
  const baseIds = bases.map((base) => base.id);
  const reports = await executor
    .select({
      baseId: annualReports.baseId,
      year: annualReports.year,
      agreements: sql<ReportAgreements | null>`${annualReports.content}->'agreements'`,
    })
    .from(annualReports)
    .where(and(inArray(annualReports.baseId, baseIds), inArray(annualReports.state, [...filedReportStates])))
    .orderBy(desc(annualReports.year));
  for (const report of reports) {
    if (result.has(report.baseId) || !Array.isArray(report.agreements)) continue;
    result.set(
      report.baseId,
      report.agreements.map((agreement) => ({
        partner: agreement.partner,
        country: agreement.country,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
      })),
    );
  }
  const applicationIds = bases.flatMap((base) =>
    !result.has(base.id) && base.applicationId ? [base.applicationId] : [],
  );
  const forms =
    applicationIds.length === 0
      ? []
      : await executor
          .select({
            id: applications.id,
            partners: sql<Partners | null>`${applications.form}->'application'->'partners'`,
          })
          .from(applications)
          .where(inArray(applications.id, applicationIds));
  const partnersOf = new Map(forms.map((form) => [form.id, form.partners]));
  for (const base of bases) {
    if (result.has(base.id)) continue;
    const partners = base.applicationId ? partnersOf.get(base.applicationId) : null;
    result.set(
      base.id,
      Array.isArray(partners) && partners.length > 0
        ? partners.map((partner) => ({
            partner: partner.name,
            country: partner.country,
            startsOn: partner.agreement?.start ?? null,
            endsOn: partner.agreement?.end ?? null,
          }))
        : null,
    );
  }
  return result;
}
