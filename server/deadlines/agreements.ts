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
 * Each base's cooperation agreements (Art. 7.2): the recognizing application's partners, updated by the latest filed
 * annual report's section — a partner the report lists takes the report's dates, one it does not list keeps the
 * application's (a report lists the year's agreements, not necessarily every one still running); null when neither
 * records any (a base imported from the old registry).
 */
export async function loadBaseAgreements(
  executor: Executor,
  bases: ReadonlyArray<{ id: string; applicationId: string | null }>,
): Promise<Map<string, AgreementFact[] | null>> {
  const result = new Map<string, AgreementFact[] | null>();
  const reported = new Map<string, AgreementFact[]>();
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
    if (reported.has(report.baseId) || !Array.isArray(report.agreements)) continue;
    reported.set(
      report.baseId,
      report.agreements.map((agreement) => ({
        partner: agreement.partner,
        country: agreement.country,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
      })),
    );
  }
  const applicationIds = bases.flatMap((base) => (base.applicationId ? [base.applicationId] : []));
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
    const partners = base.applicationId ? partnersOf.get(base.applicationId) : null;
    const applied: AgreementFact[] = Array.isArray(partners)
      ? partners.map((partner) => ({
          partner: partner.name,
          country: partner.country,
          startsOn: partner.agreement?.start ?? null,
          endsOn: partner.agreement?.end ?? null,
        }))
      : [];
    const fromReport = reported.get(base.id) ?? [];
    const listed = new Set(fromReport.map((agreement) => agreement.partner.trim()));
    const merged = [...applied.filter((agreement) => !listed.has(agreement.partner.trim())), ...fromReport];
    result.set(base.id, merged.length > 0 ? merged : null);
  }
  return result;
}
