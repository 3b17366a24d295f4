import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { scoreRubric } from "../../../../policy/grading/rubric";
import { evaluationApi } from "../../api/annual-reports";
import { isApiError } from "../../api/errors";
import { type EvaluatorTaskView, evaluatorApi } from "../../api/evaluator";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { RubricScoreField, rubricLeaves } from "../../components/RubricScoreField";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportView } from "../AnnualReports/ReportSections";
import { stateParam } from "../AnnualReports/ReportTable";
import { ReportStateTag } from "../AnnualReports/report-labels";
import { OnsiteCheckModal } from "../Evaluation/OnsiteCheckModal";
import { ScoreStateTag } from "./ScoreStateTag";

type SheetValues = { scores?: Record<string, number | null | undefined>; opinion?: string };

const taskKey = (reportId: string) => ["evaluator-tasks", reportId] as const;

/** The scores the user has entered, without the leaves left empty (a draft may be partial). */
function enteredScores(scores: SheetValues["scores"]): Record<string, number> {
  return Object.fromEntries(
    Object.entries(scores ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
  );
}

/**
 * The score sheet of one task, built from the round's rubric: a number per leaf indicator and an opinion; 保存 and
 * 提交 as the server offers them. The total while typing is the rubric's own arithmetic (policy/grading/rubric.ts),
 * for display; the total the server computed on saving is the one that counts.
 */
function ScoreSheet({ task }: { task: EvaluatorTaskView }) {
  const { t, date, number } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<SheetValues>();
  const [busy, setBusy] = useState(false);
  // The version to save against: the one each save answers, or the one read. The sheet is built afresh only when the
  // score is submitted or a stale save reloads the latest, so field errors of a refused submission stay on screen.
  const version = useRef(task.version);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    version.current = task.version;
  }, [task.version]);
  const watched = Form.useWatch("scores", form);
  const can = (action: EvaluatorTaskView["availableActions"][number]) => task.availableActions.includes(action);
  const live = scoreRubric(task.rubric, enteredScores(watched));

  /** Checks the ranges at the fields, saves the sheet and answers the new version; null when a field is refused. */
  const save = async (): Promise<number | null> => {
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    const values = form.getFieldsValue(true) as SheetValues;
    const saved = await evaluatorApi.save(task.reportId, {
      scores: enteredScores(values.scores),
      opinion: values.opinion ?? "",
      version: version.current,
    });
    version.current = saved.version;
    return saved.version;
  };
  const run = async (work: () => Promise<boolean>, done: string) => {
    setBusy(true);
    try {
      if (await work()) feedback.done(done);
    } catch (error) {
      feedback.fail(error, form);
      if (isApiError(error) && error.status === 409) {
        await client.invalidateQueries({ queryKey: ["evaluator-tasks"] });
        setReloads((count) => count + 1);
      }
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: ["evaluator-tasks"] });
    }
  };
  const onSave = () => run(async () => (await save()) !== null, t("evaluatorTask.saved"));
  const onSubmit = () =>
    run(async () => {
      const saved = can("save") ? await save() : version.current;
      if (saved === null) return false;
      await evaluatorApi.submit(task.reportId, saved);
      return true;
    }, t("evaluatorTask.submitted"));

  return (
    <Card title={t("evaluatorTask.sheet")} style={{ marginBottom: 16 }} data-testid="score-sheet">
      <Typography.Paragraph type="secondary">
        {t("evaluatorTask.rubric", { title: task.rubric.titleZh })}
      </Typography.Paragraph>
      <Form
        key={`${task.scoreState === "submitted"}-${reloads}`}
        form={form}
        layout="vertical"
        disabled={!can("save") && !can("submit")}
        initialValues={{ scores: task.scores, opinion: task.opinion }}
      >
        {rubricLeaves(task.rubric.indicators).map((leaf) => (
          <RubricScoreField key={leaf.id} leaf={leaf} />
        ))}
        <Form.Item name="opinion" label={t("evaluatorTask.opinion")}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="evaluator-opinion" />
        </Form.Item>
      </Form>
      <Space direction="vertical" style={{ width: "100%" }}>
        {live.ok && can("save") ? (
          <Typography.Text type="secondary" data-testid="live-total">
            {t("evaluatorTask.liveTotal", { total: number(live.value.total) })}
          </Typography.Text>
        ) : null}
        {task.total !== null ? (
          <Typography.Text strong data-testid="saved-total">
            {t("evaluatorTask.savedTotal", { total: number(task.total) })}
          </Typography.Text>
        ) : null}
        {task.submittedAt ? (
          <Typography.Text type="secondary">
            {t("evaluatorTask.submittedAt", { date: date(task.submittedAt) })}
          </Typography.Text>
        ) : null}
        <Space>
          {can("save") ? (
            <Button onClick={onSave} loading={busy} data-testid="evaluator-save">
              {t("evaluatorTask.save")}
            </Button>
          ) : null}
          {can("submit") ? (
            <Popconfirm
              title={t("evaluatorTask.submit")}
              description={t("evaluatorTask.submitConfirm")}
              onConfirm={onSubmit}
              okButtonProps={{ "data-testid": "evaluator-submit-ok" } as never}
            >
              <Button type="primary" loading={busy} data-testid="evaluator-submit">
                {t("evaluatorTask.submit")}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Space>
    </Card>
  );
}

/**
 * One evaluation task (Art. 16.3, 22): the annual report read-only beside the evaluator's score sheet, and 登记实地核查
 * of the report's base. What may be done is what the server lists in `availableActions`.
 */
export function EvaluatorTaskPage() {
  const { reportId = "" } = useParams();
  const { t } = useI18n();
  const client = useQueryClient();
  const [checking, setChecking] = useState(false);
  const task = useQuery({ queryKey: taskKey(reportId), queryFn: () => evaluatorApi.task(reportId) });
  const report = useQuery({ queryKey: ["annual-reports", reportId], queryFn: () => evaluationApi.report(reportId) });
  if (task.isError) return <QueryError error={task.error} onRetry={() => task.refetch()} />;
  if (!task.data) return <Card loading />;
  const data = task.data;
  const state = stateParam(data.reportState);
  return (
    <>
      <PageHeader
        title={data.baseName}
        intro={
          <Space split="·" wrap>
            <span>{data.unitName}</span>
            <span>{t("evaluatorTask.reportTitle", { year: data.year })}</span>
            <Link to="/evaluator-tasks">{t("evaluatorTasks.back")}</Link>
          </Space>
        }
        extra={
          <>
            {state ? <ReportStateTag state={state} /> : null}
            <ScoreStateTag state={data.scoreState} testId="task-score-state" />
            {data.availableActions.includes("record-onsite-check") ? (
              <Button size="small" onClick={() => setChecking(true)} data-testid="task-record-check">
                {t("grading.recordCheck")}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {report.isError ? (
            <Alert type="warning" showIcon title={t("evaluatorTask.reportUnavailable")} style={{ marginBottom: 16 }} />
          ) : report.data ? (
            <div data-testid="report-view">
              <ReportView content={report.data.content} />
            </div>
          ) : (
            <Card loading />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ position: "sticky", top: 16 }}>
            <ScoreSheet task={data} />
          </div>
        </Col>
      </Row>
      <OnsiteCheckModal
        open={checking}
        roundId={data.roundId}
        lines={[data]}
        reportId={data.reportId}
        onClose={(saved) => {
          setChecking(false);
          if (saved) void client.invalidateQueries({ queryKey: ["evaluator-tasks"] });
        }}
      />
    </>
  );
}
