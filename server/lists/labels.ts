import { sortOrderLabels } from "../../contracts/list-exports";
import type { SortOrder } from "../../contracts/lists";
import { officeDate } from "../../policy/calendar/dates";
import { type ApplicationState, applicationLifecycle } from "../../policy/lifecycles/application.transitions";
import { type BaseState, baseLifecycle } from "../../policy/lifecycles/base.transitions";
import { baseTypes } from "../../policy/reference/base-types";
import { hubeiDivisions, prefectureOf } from "../../policy/reference/divisions";
import { titles } from "../../policy/reference/titles";
import { unitTypes } from "../../policy/reference/unit-types";
import { chinaDate } from "../clock";

/** Codes in the words of the reference lists, for the Excel exports (no enum code reaches a cell). */
export const words = {
  baseType: (code: string | null) => baseTypes.find((type) => type.code === code)?.nameZh ?? "",
  unitType: (code: string | null) => unitTypes.find((type) => type.code === code)?.nameZh ?? "",
  title: (code: string | null) => titles.find((title) => title.code === code)?.nameZh ?? "",
  applicationState: (state: string) => applicationLifecycle.stateLabels[state as ApplicationState]?.zh ?? "",
  baseState: (state: string) => baseLifecycle.stateLabels[state as BaseState]?.zh ?? "",
  /** A unit's division (county or prefecture) as its 市州. */
  prefecture: (divisionCode: string | null | undefined) =>
    divisionCode ? (prefectureOf(divisionCode)?.nameZh ?? "") : "",
  prefectureCode: (code: string) => hubeiDivisions.find((division) => division.code === code)?.nameZh ?? code,
  /** An instant or a date as an office date (2026年3月5日), in China time. */
  date: (value: Date | string | null | undefined) =>
    value ? officeDate(typeof value === "string" ? value.slice(0, 10) : chinaDate(value)) : "",
  order: (order: SortOrder | undefined) => sortOrderLabels[order ?? "asc"],
};

/** The filters of an export in words: only those given, each with its label. */
export function describeFilters(
  entries: ReadonlyArray<[string, string | null | undefined | false]>,
): [string, string][] {
  return entries.filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
}
