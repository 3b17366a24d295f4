import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Descriptions, Form, Grid, Input, Popconfirm, Radio, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { applicationReadApi } from "../../api/application-read";
import { portalApi, reviewsApi } from "../../api/review";
import { FindingList } from "../../components/FindingList";
import { RubricScoreField, rubricLeaves } from "../../components/RubricScoreField";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { MaterialFiles } from "./MaterialFiles";

/** One assignment: invitation → declaration → materials and score sheet → submit (locked afterwards). */
export function AssignmentPanel({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const item = useQuery({ queryKey: ["portal", id], queryFn: () => portalApi.get(id) });
  const opened = item.data ? ["declared", "submitted"].includes(item.data.status) : false;
  const materials = useQuery({
    queryKey: ["portal", id, "materials"],
    queryFn: () => portalApi.materials(id),
    enabled: opened,
  });
  const [declaration] = Form.useForm<{ conflict: boolean; statement: string }>();
  const [sheet] = Form.useForm();
  const [panel] = Form.useForm<{ opinion: string }>();
  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) feedback.done(done);
      await queryClient.invalidateQueries({ queryKey: ["portal"] });
    } catch (error) {
      feedback.fail(error, sheet);
    }
  };
  if (!item.data) return null;
  const a = item.data;
  const locked = a.status === "submitted";
  // An annual report has no eligibility findings and is not "recommended for recognition" (Art. 22): graded later.
  const isReport = a.targetKind === "annual-report";
  const can = (event: string) => a.events.includes(event);
  const sections: ReactNode = materials.data ? (
    <>
      <Card title={t("portal.materials")} style={{ marginBottom: 16 }} data-testid="materials">
        {materials.data.sections.map((section) => (
          <Descriptions
            key={section.headingZh}
            title={pick(section.headingZh, section.headingEn)}
            column={1}
            size="small"
            bordered
            layout={phone ? "vertical" : "horizontal"}
            styles={phone ? {} : { label: { width: 220 } }}
            style={{ marginBottom: 12 }}
          >
            {section.items.map((entry) => (
              <Descriptions.Item key={entry.labelZh} label={pick(entry.labelZh, entry.labelEn)}>
                <span style={{ whiteSpace: "pre-wrap" }}>{pick(entry.value, entry.valueEn ?? entry.value) || "—"}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        ))}
      </Card>
      {isReport && materials.data.files.length === 0 ? null : <MaterialFiles id={id} files={materials.data.files} />}
      {isReport && materials.data.findings.length === 0 ? null : (
        <Card title={t("portal.findings")} style={{ marginBottom: 16 }} data-testid="material-findings">
          <Typography.Paragraph type="secondary">{t("portal.findingsIntro")}</Typography.Paragraph>
          <FindingList findings={materials.data.findings} empty={t("portal.noFindings")} />
        </Card>
      )}
    </>
  ) : null;

  return (
    <>
      <Card
        title={a.targetTitle}
        extra={
          <Space>
            {opened && a.targetKind === "application" ? (
              <Link to={applicationReadApi.pagePath(a.targetId)} data-testid="portal-read">
                <Button type="primary" ghost size="small">
                  {t("read.open")}
                </Button>
              </Link>
            ) : null}
            {a.statusLabelZh}
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        {can("accept") ? (
          <Space>
            <Button type="primary" onClick={() => act(() => portalApi.accept(id))} data-testid="portal-accept">
              {t("portal.accept")}
            </Button>
            <Button onClick={() => act(() => portalApi.decline(id, "时间冲突"))} data-testid="portal-decline">
              {t("portal.decline")}
            </Button>
          </Space>
        ) : null}
        {can("declare") ? (
          <Form
            form={declaration}
            layout="vertical"
            initialValues={{ conflict: false, statement: "" }}
            onFinish={(values) => act(() => portalApi.declare(id, values.conflict, values.statement))}
          >
            <Typography.Title level={5}>{t("portal.declareTitle")}</Typography.Title>
            <Form.Item name="conflict">
              <Radio.Group>
                <Space direction="vertical">
                  <Radio value={false} data-testid="portal-no-conflict">
                    {t("portal.noConflict")}
                  </Radio>
                  <Radio value={true}>{t("portal.conflict")}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="statement" label={t("portal.statement")}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="portal-declare">
              {t("portal.declare")}
            </Button>
          </Form>
        ) : null}
      </Card>
      {sections}
      {opened ? (
        <Card title={t("portal.scoreSheet")} style={{ marginBottom: 16 }}>
          <Form
            key={`${a.status}-${a.submittedAt ?? ""}`}
            form={sheet}
            layout="vertical"
            disabled={locked}
            initialValues={{
              scores: a.scores ?? {},
              comments: a.comments ?? {},
              opinion: a.opinion ?? "",
              recommendation: a.recommendation ?? undefined,
            }}
            onFinish={(values) => act(() => portalApi.saveScores(id, values), t("common.saved"))}
          >
            {rubricLeaves(a.rubric.indicators).map((leaf) => (
              <Space key={leaf.id} align="start" wrap style={{ display: "flex" }}>
                <RubricScoreField leaf={leaf} required />
                <Form.Item
                  name={["comments", leaf.id]}
                  label={t("portal.comment")}
                  style={{ width: 420, maxWidth: "calc(100vw - 64px)" }}
                >
                  <Input />
                </Form.Item>
              </Space>
            ))}
            <Form.Item name="opinion" label={t("portal.opinion")}>
              <Input.TextArea rows={3} data-testid="portal-opinion" />
            </Form.Item>
            {isReport ? null : (
              <Form.Item name="recommendation" label={t("portal.recommendation")}>
                <Radio.Group>
                  <Radio value="recommend" data-testid="portal-recommend">
                    {t("portal.recommend")}
                  </Radio>
                  <Radio value="conditional">{t("portal.conditional")}</Radio>
                  <Radio value="not-recommend">{t("portal.notRecommend")}</Radio>
                </Radio.Group>
              </Form.Item>
            )}
            <Space>
              <Button htmlType="submit" data-testid="portal-save">
                {t("portal.saveScores")}
              </Button>
              {can("submit") ? (
                <Popconfirm
                  title={t("portal.submitConfirm")}
                  okButtonProps={{ "data-testid": "portal-submit-ok" } as never}
                  onConfirm={() =>
                    act(async () => {
                      await portalApi.saveScores(id, sheet.getFieldsValue());
                      await portalApi.submit(id);
                    }, t("portal.submitted"))
                  }
                >
                  <Button type="primary" data-testid="portal-submit">
                    {t("portal.submit")}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          </Form>
        </Card>
      ) : null}
      {a.role === "leader" && a.roundStatus === "in-review" && locked ? (
        <Card title={t("reviews.panelOpinion")}>
          <Form
            form={panel}
            onFinish={(v) => act(() => reviewsApi.panelOpinion(a.roundId, v.opinion), t("common.saved"))}
          >
            <Form.Item name="opinion" rules={[{ required: true, min: 10 }]}>
              <Input.TextArea rows={4} data-testid="panel-opinion-input" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="panel-opinion-submit">
              {t("portal.writePanelOpinion")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
