import { api, type Body, type Schema } from "./client";

export type EntrustmentView = Schema<"EntrustmentView">;
export type EvaluatorTaskView = Schema<"EvaluatorTaskView">;
export type EntrustInput = Body<"/api/evaluation-rounds/{id}/entrustment", "put">;
export type EvaluatorTaskList = Schema<"EvaluatorTaskList">;
export type EvaluatorTaskSummary = EvaluatorTaskList["items"][number];
export type EvaluatorScoreState = Schema<"EvaluatorScoreState">;
export type EvaluatorScoreInput = Body<"/api/evaluator/tasks/{reportId}", "put">;

/** 委托第三方评估机构 (Art. 16.3, 22): the officer's entrustment of a round, the evaluator's tasks and scores. */
export const evaluatorApi = {
  entrustment: (roundId: string) => api.get("/api/evaluation-rounds/{id}/entrustment", { path: { id: roundId } }),
  entrust: (roundId: string, input: EntrustInput) =>
    api.put("/api/evaluation-rounds/{id}/entrustment", { path: { id: roundId }, body: input }),
  tasks: (query: { pending?: "true" } = {}) => api.get("/api/evaluator/tasks", { query }),
  task: (reportId: string) => api.get("/api/evaluator/tasks/{reportId}", { path: { reportId } }),
  /** A draft: partial scores allowed; answers the task with its new version. */
  save: (reportId: string, input: EvaluatorScoreInput) =>
    api.put("/api/evaluator/tasks/{reportId}", { path: { reportId }, body: input }),
  submit: (reportId: string, version: number) =>
    api.post("/api/evaluator/tasks/{reportId}/submit", { path: { reportId }, body: { version } }),
};
