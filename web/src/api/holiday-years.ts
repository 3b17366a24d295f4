import type { z } from "zod";
import type {
  holidayYearInput,
  holidayYearList,
  holidayYearSaved,
  holidayYearSchema,
  holidayYearWarning,
} from "../../../contracts/reference";
import { http } from "./client";
import type { Ok } from "./types";

export type HolidayYearList = z.infer<typeof holidayYearList>;
export type HolidayYear = z.infer<typeof holidayYearSchema>;
export type HolidayYearInput = z.input<typeof holidayYearInput>;
export type HolidayYearSaved = z.infer<typeof holidayYearSaved>;
export type HolidayYearWarning = z.infer<typeof holidayYearWarning>;

export interface HolidayImportFields {
  documentNumber: string;
  note?: string;
  /** Empty: the year of the dates in the file. */
  year?: number;
  correction?: boolean;
}

const base = "/api/reference/holiday-years";

/** 基础数据 › 节假日安排: the packaged years and the years officers entered (SPEC §2). */
export const holidayYearsApi = {
  list: () => http.get<HolidayYearList>(base),
  save: (year: number, input: HolidayYearInput) => http.put<HolidayYearSaved>(`${base}/${year}`, input),
  importFile: (file: File, fields: HolidayImportFields) =>
    http.uploadWithFields<HolidayYearSaved>(`${base}/import`, file, {
      documentNumber: fields.documentNumber,
      ...(fields.note ? { note: fields.note } : {}),
      ...(fields.year ? { year: String(fields.year) } : {}),
      correction: fields.correction ? "true" : "false",
    }),
  remove: (year: number, reason: string) => http.deleteWith<Ok>(`${base}/${year}`, { reason }),
  templateUrl: `${base}/import-template`,
};
