import type { z } from "zod";
import type {
  EntrustmentView,
  EvaluatorTaskView,
  entrustInput,
  evaluatorScoreInput,
  evaluatorScoreState,
  evaluatorTaskList,
} from "../../../contracts/evaluator";
import { http } from "./client";

// Types only: the schemas stay on the server side of the bundle.
export type { EntrustmentView, EvaluatorTaskView };
export type EntrustInput = z.input<typeof entrustInput>;
export type EvaluatorTaskList = z.infer<typeof evaluatorTaskList>;
export type EvaluatorTaskSummary = EvaluatorTaskList["items"][number];
export type EvaluatorScoreState = z.infer<typeof evaluatorScoreState>;
export type EvaluatorScoreInput = z.input<typeof evaluatorScoreInput>;

const enc = encodeURIComponent;
const task = (reportId: string) => `/api/evaluator/tasks/${enc(reportId)}`;

/** 委托第三方评估机构 (Art. 16.3, 22): the officer's entrustment of a round, the evaluator's tasks and scores. */
export const evaluatorApi = {
  entrustment: (roundId: string) => http.get<EntrustmentView>(`/api/evaluation-rounds/${enc(roundId)}/entrustment`),
  entrust: (roundId: string, input: EntrustInput) =>
    http.put<EntrustmentView>(`/api/evaluation-rounds/${enc(roundId)}/entrustment`, input),
  tasks: (query: { pending?: "true" } = {}) => http.get<EvaluatorTaskList>("/api/evaluator/tasks", query),
  task: (reportId: string) => http.get<EvaluatorTaskView>(task(reportId)),
  /** A draft: partial scores allowed; answers the new version. */
  save: (reportId: string, input: EvaluatorScoreInput) => http.put<{ version: number }>(task(reportId), input),
  submit: (reportId: string, version: number) =>
    http.post<{ version: number }>(`${task(reportId)}/submit`, { version }),
};
