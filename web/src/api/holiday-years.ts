import { api, type Body, href, type Schema } from "./client";

export type HolidayYearList = Schema<"HolidayYearList">;
export type HolidayYear = Schema<"HolidayYear">;
export type HolidayYearInput = Body<"/api/reference/holiday-years/{year}", "put">;
export type HolidayYearSaved = Schema<"HolidayYearSaved">;
export type HolidayYearWarning = Schema<"HolidayYearWarning">;

export interface HolidayImportFields {
  documentNumber: string;
  note?: string;
  /** Empty: the year of the dates in the file. */
  year?: number;
  correction?: boolean;
}

/** 基础数据 › 节假日安排: the packaged years and the years officers entered (SPEC §2). */
export const holidayYearsApi = {
  list: () => api.get("/api/reference/holiday-years"),
  save: (year: number, input: HolidayYearInput) =>
    api.put("/api/reference/holiday-years/{year}", { path: { year }, body: input }),
  importFile: (file: File, fields: HolidayImportFields) =>
    api.upload("/api/reference/holiday-years/import", file, {
      fields: {
        documentNumber: fields.documentNumber,
        ...(fields.note ? { note: fields.note } : {}),
        ...(fields.year ? { year: String(fields.year) } : {}),
        correction: fields.correction ? "true" : "false",
      },
    }),
  remove: (year: number, reason: string) =>
    api.delete("/api/reference/holiday-years/{year}", { path: { year }, body: { reason } }),
  templateUrl: href("/api/reference/holiday-years/import-template"),
};
