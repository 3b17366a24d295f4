import type { z } from "zod";
import { annualReportContent, workPlanContent } from "../../contracts/annual-report";
import { faqArticlesStored, faqQuestionsStored } from "../../contracts/assistant";
import { auditChanges } from "../../contracts/audit";
import { baseEventData } from "../../contracts/base-timeline";
import { changeValues } from "../../contracts/change-reports";
import { idList } from "../../contracts/common";
import { verificationSchema } from "../../contracts/decision";
import { fundingByGrade, gradeCutoffs } from "../../contracts/evaluation";
import { evaluatorTaskView } from "../../contracts/evaluator";
import { outboxMessage } from "../../contracts/outbox";
import {
  applicationEventData,
  callSchema,
  callSettings,
  eligibilitySchema,
  rubricSchema,
  storedApplicationForm,
} from "../../contracts/recognition";
import { holidayYearSchema } from "../../contracts/reference";
import { baseCountries } from "../../contracts/registry";
import {
  assignmentDeclaration,
  assignmentSchema,
  drawRecordSchema,
  expertSchema,
  reviewSettings,
} from "../../contracts/review";
import { revocationSourceRef } from "../../contracts/revocations";
import { securityPolicyInput } from "../../contracts/security-policy";
import type { applications, calls, draws, experts, reviewAssignments, reviewRounds } from "./schema";

/**
 * Every jsonb column, by its SQL name, with the schema its value has. The column's TypeScript type (`$type<T>()`
 * in db/schema) is the schema's output; a repository reads the value through `parseStored` once, and the code
 * after it uses the typed value without casting. `stored-json.test.ts` fails when a jsonb column is missing here.
 */
export const storedJsonSchemas = {
  // Typed, and checked by stored-json.test.ts, but not parsed where read: the chain's MAC vouches for the exact stored
  // value, which the verifier and the audit search pass on as they are (a parse would rebuild every object).
  "audit_log.changes": auditChanges.nullable(),
  "outbox.payload": outboxMessage,
  "holiday_years.holidays": holidayYearSchema.shape.holidays,
  "holiday_years.workdays": holidayYearSchema.shape.adjustedWorkingDays,
  "calls.focus_fields": callSchema.shape.focusFields,
  "calls.rubric": rubricSchema,
  "calls.materials": callSchema.shape.materials,
  "calls.quotas": callSchema.shape.quotas,
  "calls.invited_unit_ids": callSchema.shape.invitedUnitIds,
  "calls.settings": callSettings,
  "applications.form": storedApplicationForm,
  "applications.eligibility": eligibilitySchema.nullable(),
  "application_events.data": applicationEventData.nullable(),
  "recommendation_letters.application_ids": idList,
  "experts.fields": expertSchema.shape.fields,
  "review_rounds.rubric": rubricSchema,
  "review_rounds.settings": reviewSettings,
  "draws.record": drawRecordSchema,
  "review_assignments.declaration": assignmentDeclaration.nullable(),
  "review_assignments.scores": assignmentSchema.shape.scores,
  "review_assignments.comments": assignmentSchema.shape.comments,
  "bases.countries": baseCountries,
  "on_site_verifications.team": verificationSchema.shape.team,
  "on_site_verifications.file_ids": idList,
  "approvals.application_ids": idList,
  "public_notices.application_ids": idList,
  "recognition_documents.application_ids": idList,
  "annual_reports.content": annualReportContent,
  "work_plans.content": workPlanContent,
  "base_events.data": baseEventData,
  "evaluation_rounds.rubric": rubricSchema.nullable(),
  "evaluation_rounds.cutoffs": gradeCutoffs.nullable(),
  "evaluation_rounds.funding": fundingByGrade.nullable(),
  "evaluation_grades.cutoffs": gradeCutoffs,
  "evaluator_scores.scores": evaluatorTaskView.shape.scores,
  "change_reports.proposed": changeValues,
  "change_reports.previous": changeValues.nullable(),
  "revocation_cases.source_ref": revocationSourceRef.nullable(),
  // Only the settings the security administrator saved; the defaults hold for the rest.
  "security_policy.policy": securityPolicyInput.omit({ version: true }).partial(),
  "assistant_faqs.questions": faqQuestionsStored,
  "assistant_faqs.articles": faqArticlesStored,
} satisfies Record<string, z.ZodType>;

export type StoredColumn = keyof typeof storedJsonSchemas;
/** The type a jsonb column holds: its schema's output. */
export type Stored<C extends StoredColumn> = z.output<(typeof storedJsonSchemas)[C]>;

/**
 * Stored JSON that does not match its column's schema. Never the user's doing — a writer stored a shape the column
 * does not allow, or the data was altered — so it is an internal error: a 500, logged with the column and the row.
 */
export class StoredJsonMismatch extends Error {
  override readonly name = "StoredJsonMismatch";

  constructor(
    readonly column: StoredColumn,
    readonly rowId: string | null,
    readonly issues: readonly string[],
  ) {
    super(`${column}${rowId === null ? "" : ` of row ${rowId}`} does not match its schema: ${issues.join("; ")}`);
  }
}

const schemas: { [C in StoredColumn]: z.ZodType<Stored<C>> } = storedJsonSchemas;

/** A jsonb value read through its column's schema, once, where the repository reads the row. */
export function parseStored<C extends StoredColumn>(column: C, value: unknown, rowId: string | null): Stored<C> {
  const schema = schemas[column];
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "(value)"}: ${issue.message}`);
  throw new StoredJsonMismatch(column, rowId, issues);
}

/** A call read for use: its rubric, materials, quotas, invited units, settings and focus fields parsed. */
export function parseCallRow(row: typeof calls.$inferSelect): typeof calls.$inferSelect {
  return {
    ...row,
    focusFields: parseStored("calls.focus_fields", row.focusFields, row.id),
    rubric: parseStored("calls.rubric", row.rubric, row.id),
    materials: parseStored("calls.materials", row.materials, row.id),
    quotas: parseStored("calls.quotas", row.quotas, row.id),
    invitedUnitIds: parseStored("calls.invited_unit_ids", row.invitedUnitIds, row.id),
    settings: parseStored("calls.settings", row.settings, row.id),
  };
}

/** The JSON columns of an application: the form every view reads, the stored eligibility only the detail reads. */
export type ApplicationJsonColumn = "form" | "eligibility";

/** An application read for use, with the JSON columns the caller uses parsed (a list needs only the form). */
export function parseApplicationRow(
  row: typeof applications.$inferSelect,
  columns: readonly ApplicationJsonColumn[],
): typeof applications.$inferSelect {
  return {
    ...row,
    ...(columns.includes("form") ? { form: parseStored("applications.form", row.form, row.id) } : {}),
    ...(columns.includes("eligibility")
      ? { eligibility: parseStored("applications.eligibility", row.eligibility, row.id) }
      : {}),
  };
}

/** The JSON columns of a review round: the rubric its experts score on, its draw and aggregation settings. */
export type RoundJsonColumn = "rubric" | "settings";

/** A review round read for use, with the JSON columns the caller uses parsed (a list shows only the settings). */
export function parseRoundRow(
  row: typeof reviewRounds.$inferSelect,
  columns: readonly RoundJsonColumn[] = ["rubric", "settings"],
): typeof reviewRounds.$inferSelect {
  return {
    ...row,
    ...(columns.includes("rubric") ? { rubric: parseStored("review_rounds.rubric", row.rubric, row.id) } : {}),
    ...(columns.includes("settings") ? { settings: parseStored("review_rounds.settings", row.settings, row.id) } : {}),
  };
}

/** A draw attempt read for use, its record parsed. */
export function parseDrawRow(row: typeof draws.$inferSelect): typeof draws.$inferSelect {
  return { ...row, record: parseStored("draws.record", row.record, row.id) };
}

/** An expert's assignment read for use: the declaration, the scores and the comments parsed. */
export function parseAssignmentRow(row: typeof reviewAssignments.$inferSelect): typeof reviewAssignments.$inferSelect {
  return {
    ...row,
    declaration: parseStored("review_assignments.declaration", row.declaration, row.id),
    scores: parseStored("review_assignments.scores", row.scores, row.id),
    comments: parseStored("review_assignments.comments", row.comments, row.id),
  };
}

/** An expert read for use, the fields parsed. */
export function parseExpertRow(row: typeof experts.$inferSelect): typeof experts.$inferSelect {
  return { ...row, fields: parseStored("experts.fields", row.fields, row.id) };
}
