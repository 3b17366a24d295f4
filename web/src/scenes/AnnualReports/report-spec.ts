import type { AnnualReportContent } from "../../api/annual-reports";
import type { Schema } from "../../api/client";
import type { MessageKey } from "../../i18n/dictionary";

/**
 * The sections of the annual report (contracts/annual-report.ts `annualReportContent`) as the editor and the read-only
 * view lay them out, in the order of the national bases' yearly form. Only presentation lives here: what a section
 * must hold is the contract's, what a submission needs is policy's (the detail's `missing`).
 */
type Content = AnnualReportContent;
export type TextKey = "summary" | "changes" | "experience" | "nextYearPlan";
export type TableKey =
  | "agreements"
  | "projects"
  | "exchanges"
  | "trainings"
  | "hosted"
  | "organizations"
  | "achievements";
export type GroupKey = "results" | "management" | "support";
export type SectionKey = TextKey | TableKey | GroupKey;
type RowOf<K extends TableKey> = NonNullable<Content[K]>[number];
type GroupOf<K extends GroupKey> = NonNullable<Content[K]>;

/** How one value is edited and shown. */
export type ValueKind = "text" | "longtext" | "country" | "countries" | "date" | "count" | "wan" | "lead" | "choice";

export interface Choice {
  value: string;
  label: MessageKey;
}

export interface ColumnSpec<Row> {
  key: keyof Row & string;
  label: MessageKey;
  kind: ValueKind;
  choices?: readonly Choice[];
  width?: number;
}

export interface FieldSpec<Group> {
  key: keyof Group & string;
  label: MessageKey;
  kind: "count" | "wan" | "longtext" | "tags";
  hint?: MessageKey;
}

const choices = <const K extends string>(labels: Record<K, MessageKey>): Choice[] =>
  Object.entries<MessageKey>(labels).map(([value, label]) => ({ value, label }));

const exchangeKinds = choices({
  "visit-in": "report.exchange.visit-in",
  "visit-out": "report.exchange.visit-out",
  conference: "report.exchange.conference",
} satisfies Record<Schema<"ReportExchange">["kind"], MessageKey>);
const hostedKinds = choices({
  conference: "report.hosted.conference",
  journal: "report.hosted.journal",
} satisfies Record<Schema<"ReportHosted">["kind"], MessageKey>);
const organizationKinds = choices({
  "international-organization": "report.organization.international-organization",
  "joint-institution": "report.organization.joint-institution",
  "overseas-platform": "report.organization.overseas-platform",
} satisfies Record<Schema<"ReportOrganization">["kind"], MessageKey>);

/** Every column of every row, so a row the contract adds a field to fails the build here. */
type Columns<K extends TableKey> = { [Key in keyof Required<RowOf<K>>]: ColumnSpec<RowOf<K>> & { key: Key } };
const ordered = <K extends TableKey>(columns: Columns<K>, order: readonly (keyof RowOf<K> & string)[]) =>
  order.map((key) => columns[key as keyof Columns<K>]) as ColumnSpec<RowOf<K>>[];

export const tableColumns: { [K in TableKey]: ColumnSpec<RowOf<K>>[] } = {
  agreements: ordered<"agreements">(
    {
      partner: { key: "partner", label: "report.col.partner", kind: "text" },
      country: { key: "country", label: "report.col.country", kind: "country", width: 160 },
      title: { key: "title", label: "report.col.title", kind: "text" },
      startsOn: { key: "startsOn", label: "report.col.startsOn", kind: "date", width: 160 },
      endsOn: { key: "endsOn", label: "report.col.endsOn", kind: "date", width: 160 },
    },
    ["partner", "country", "title", "startsOn", "endsOn"],
  ),
  projects: ordered<"projects">(
    {
      title: { key: "title", label: "report.col.title", kind: "text" },
      partner: { key: "partner", label: "report.col.partner", kind: "text" },
      country: { key: "country", label: "report.col.country", kind: "country", width: 160 },
      lead: { key: "lead", label: "report.col.lead", kind: "lead", width: 100 },
      fundingWan: { key: "fundingWan", label: "report.col.fundingWan", kind: "wan", width: 120 },
    },
    ["title", "partner", "country", "lead", "fundingWan"],
  ),
  exchanges: ordered<"exchanges">(
    {
      kind: { key: "kind", label: "report.col.kind", kind: "choice", choices: exchangeKinds, width: 120 },
      title: { key: "title", label: "report.col.title", kind: "text" },
      on: { key: "on", label: "report.col.on", kind: "date", width: 160 },
      country: { key: "country", label: "report.col.country", kind: "country", width: 160 },
      people: { key: "people", label: "report.col.people", kind: "count", width: 90 },
    },
    ["kind", "title", "on", "country", "people"],
  ),
  trainings: ordered<"trainings">(
    {
      title: { key: "title", label: "report.col.title", kind: "text" },
      on: { key: "on", label: "report.col.on", kind: "date", width: 160 },
      trainees: { key: "trainees", label: "report.col.trainees", kind: "count", width: 100 },
      countries: { key: "countries", label: "report.col.countries", kind: "countries" },
    },
    ["title", "on", "trainees", "countries"],
  ),
  hosted: ordered<"hosted">(
    {
      kind: { key: "kind", label: "report.col.kind", kind: "choice", choices: hostedKinds, width: 120 },
      title: { key: "title", label: "report.col.title", kind: "text" },
      on: { key: "on", label: "report.col.on", kind: "date", width: 160 },
    },
    ["kind", "title", "on"],
  ),
  organizations: ordered<"organizations">(
    {
      kind: { key: "kind", label: "report.col.kind", kind: "choice", choices: organizationKinds, width: 140 },
      name: { key: "name", label: "report.col.name", kind: "text" },
      country: { key: "country", label: "report.col.country", kind: "country", width: 160 },
      since: { key: "since", label: "report.col.since", kind: "date", width: 160 },
    },
    ["kind", "name", "country", "since"],
  ),
  achievements: ordered<"achievements">(
    {
      title: { key: "title", label: "report.col.title", kind: "text" },
      summary: { key: "summary", label: "report.col.summary", kind: "longtext" },
      partner: { key: "partner", label: "report.col.partner", kind: "text" },
    },
    ["title", "summary", "partner"],
  ),
};

type Fields<K extends GroupKey> = { [Key in keyof GroupOf<K>]: FieldSpec<GroupOf<K>> & { key: Key } };
const fields = <K extends GroupKey>(all: Fields<K>, order: readonly (keyof GroupOf<K> & string)[]) =>
  order.map((key) => all[key as keyof Fields<K>]) as FieldSpec<GroupOf<K>>[];

export const groupFields: { [K in GroupKey]: FieldSpec<GroupOf<K>>[] } = {
  results: fields<"results">(
    {
      jointPapers: { key: "jointPapers", label: "report.results.jointPapers", kind: "count" },
      internationalPatents: {
        key: "internationalPatents",
        label: "report.results.internationalPatents",
        kind: "count",
      },
      transfers: { key: "transfers", label: "report.results.transfers", kind: "count" },
      transferIncomeWan: { key: "transferIncomeWan", label: "report.results.transferIncomeWan", kind: "wan" },
    },
    ["jointPapers", "internationalPatents", "transfers", "transferIncomeWan"],
  ),
  management: fields<"management">(
    {
      fullTimeStaff: { key: "fullTimeStaff", label: "report.management.fullTimeStaff", kind: "count" },
      tripsAbroad: { key: "tripsAbroad", label: "report.management.tripsAbroad", kind: "count" },
      rules: {
        key: "rules",
        label: "report.management.rules",
        kind: "tags",
        hint: "report.management.rulesHint",
      },
      ipManagement: { key: "ipManagement", label: "report.management.ipManagement", kind: "longtext" },
      securityPlan: { key: "securityPlan", label: "report.management.securityPlan", kind: "longtext" },
      biosafetyEthics: { key: "biosafetyEthics", label: "report.management.biosafetyEthics", kind: "longtext" },
    },
    ["fullTimeStaff", "tripsAbroad", "rules", "ipManagement", "securityPlan", "biosafetyEthics"],
  ),
  support: fields<"support">(
    {
      recommenderWan: { key: "recommenderWan", label: "report.support.recommenderWan", kind: "wan" },
      hostUnitWan: { key: "hostUnitWan", label: "report.support.hostUnitWan", kind: "wan" },
      conditions: { key: "conditions", label: "report.support.conditions", kind: "longtext" },
    },
    ["recommenderWan", "hostUnitWan", "conditions"],
  ),
};

export type SectionSpec =
  | { kind: "text"; key: TextKey; hint?: MessageKey }
  | { kind: "table"; key: TableKey; hint?: MessageKey }
  | { kind: "group"; key: GroupKey; hint?: MessageKey };

/** The report's sections in reading order; `report.section.<key>` is each one's title. */
export const reportSections: readonly SectionSpec[] = [
  { kind: "text", key: "summary", hint: "report.hint.summary" },
  { kind: "table", key: "agreements", hint: "report.hint.agreements" },
  { kind: "table", key: "projects" },
  { kind: "table", key: "exchanges" },
  { kind: "table", key: "trainings" },
  { kind: "table", key: "hosted" },
  { kind: "table", key: "organizations" },
  { kind: "group", key: "results" },
  { kind: "table", key: "achievements", hint: "report.hint.achievements" },
  { kind: "group", key: "management" },
  { kind: "group", key: "support" },
  { kind: "text", key: "changes", hint: "report.hint.changes" },
  { kind: "text", key: "experience" },
  { kind: "text", key: "nextYearPlan" },
];

/** Compiles only while every section has a title in the dictionary. */
const titled = (key: `report.section.${SectionKey}`): MessageKey => key;
export const sectionTitle = (key: SectionKey): MessageKey => titled(`report.section.${key}`);

/** The element id a section is rendered under, so the "still missing" list can scroll to it. */
export const sectionAnchor = (path: string) => `report-section-${path.split(".")[0]}`;

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/** A row's value as the contract takes it: an untouched text is empty, an untouched number 0, a list empty. */
function rowValue(kind: ValueKind, value: unknown, choices?: readonly Choice[]): unknown {
  if (!isBlank(value)) return value;
  switch (kind) {
    case "text":
    case "longtext":
      return "";
    case "count":
    case "wan":
      return 0;
    case "countries":
      return [];
    case "lead":
      return false;
    case "choice":
      return choices?.[0]?.value;
    default:
      // A country or a date has no default: the server names it as missing.
      return undefined;
  }
}

/** A row the user added but typed nothing into (its kind and lead defaults aside) is not sent. */
const rowIsBlank = (row: Record<string, unknown>, columns: readonly ColumnSpec<never>[]) =>
  columns.every((column) => column.kind === "lead" || column.kind === "choice" || isBlank(row[column.key]));

/** The default values of a new row (its kind, lead/participant). */
export function newRow(key: TableKey): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of tableColumns[key] as ColumnSpec<never>[]) {
    if (column.kind === "lead" || column.kind === "choice")
      row[column.key] = rowValue(column.kind, undefined, column.choices);
  }
  return row;
}

/**
 * The editor's values as the content the server saves: blank rows dropped, a group left wholly blank omitted, and a
 * group's or row's untouched numbers sent as 0 and texts as empty (the contract requires each key of a row). What is
 * required for submission is not checked here: the server answers it as `missing`.
 */
export function contentOf(values: Record<string, unknown>): AnnualReportContent {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!reportSections.some((section) => section.key === key) && value !== undefined) content[key] = value;
  }
  for (const section of reportSections) {
    const value = values[section.key];
    if (section.kind === "text") {
      if (!isBlank(value)) content[section.key] = value;
    } else if (section.kind === "table") {
      const columns = tableColumns[section.key] as ColumnSpec<never>[];
      const rows = (Array.isArray(value) ? value : [])
        .filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null)
        .filter((row) => !rowIsBlank(row, columns))
        .map((row) => {
          const cleaned: Record<string, unknown> = {};
          for (const column of columns) {
            const cell = rowValue(column.kind, row[column.key], column.choices);
            if (cell !== undefined) cleaned[column.key] = cell;
          }
          return cleaned;
        });
      if (rows.length > 0) content[section.key] = rows;
    } else {
      const group = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
      const specs = groupFields[section.key] as FieldSpec<never>[];
      if (specs.every((field) => isBlank(group[field.key]))) continue;
      content[section.key] = Object.fromEntries(
        specs.map((field) => [
          field.key,
          isBlank(group[field.key])
            ? field.kind === "tags"
              ? []
              : field.kind === "longtext"
                ? ""
                : 0
            : group[field.key],
        ]),
      );
    }
  }
  // The server validates the whole content with the contract's schema (a 400 names each field at fault).
  return content as AnnualReportContent;
}
