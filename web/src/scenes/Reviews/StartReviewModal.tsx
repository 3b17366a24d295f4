import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App as AntApp,
  Button,
  Checkbox,
  Col,
  Divider,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useEffect, useRef, useState } from "react";
import { referenceApi } from "../../api/endpoints";
import {
  type CreateReviewInput,
  type Expert,
  expertsApi,
  type ReviewTarget,
  type ReviewTargetList,
  reviewsApi,
} from "../../api/review";
import { QueryError } from "../../components/QueryError";
import { titleOptions } from "../../components/reference-labels";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

type Settings = NonNullable<CreateReviewInput["settings"]>;
type DrawRules = NonNullable<Settings["draw"]>;
type Aggregation = NonNullable<Settings["aggregation"]>;

/** The form mirrors POST /api/reviews, so a server field error (settings.draw.panelSize) lands on its field. */
interface Values {
  targetId?: string;
  settings: {
    draw: Required<Omit<DrawRules, "statuses" | "pinnedExclusions">> & {
      pinnedExclusions: Array<{ expertId?: string; reason?: string }>;
    };
    aggregation: Required<Aggregation>;
  };
  drawNow: boolean;
}

export const reviewTargetsKey = ["review-targets"] as const;

function initialValues(defaults: ReviewTargetList["defaults"]): Values {
  const { draw, aggregation } = defaults;
  return {
    settings: {
      draw: {
        fields: [],
        allowedTitles: draw.allowedTitles,
        panelSize: draw.panelSize,
        backups: draw.backups,
        collaborationYears: draw.collaborationYears,
        maxDrawsPerYear: draw.maxDrawsPerYear,
        pinnedExclusions: [],
      },
      aggregation: { method: aggregation.method, deviationThreshold: aggregation.deviationThreshold },
    },
    drawNow: true,
  };
}

type TargetKind = ReviewTarget["kind"];
const targetKinds: readonly TargetKind[] = ["application", "annual-report"];

/**
 * 发起专家评审 (SPEC §5.1 step 5, Art. 22): the officer picks what is reviewed — an application in expert review or
 * an annual report under evaluation — and a target waiting for its review, sets the draw rules
 * (starting from the defaults the server applies) and the aggregation, opens the round and, by default, draws the
 * panel at once. The round is then shown in the drawer, whatever the draw gave.
 */
export function StartReviewModal({
  open,
  onClose,
  onStarted,
}: {
  open: boolean;
  onClose: () => void;
  onStarted: (roundId: string) => void;
}) {
  const { t, pick, language } = useI18n();
  const { message } = AntApp.useApp();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<TargetKind>("application");
  const targets = useQuery({
    queryKey: [...reviewTargetsKey, kind],
    queryFn: () => reviewsApi.targets({ kind, includeOpen: "true" }),
    enabled: open,
  });
  const bundle = useQuery({
    queryKey: ["reference", "bundle"],
    queryFn: referenceApi.bundle,
    enabled: open,
    staleTime: 3_600_000,
  });
  const defaults = targets.data?.defaults;

  // Each opening starts from the server's defaults once they are known; a refetch does not undo the officer's input.
  const initialised = useRef(false);
  useEffect(() => {
    if (!open) {
      initialised.current = false;
      return;
    }
    if (defaults && !initialised.current) {
      initialised.current = true;
      form.resetFields();
      form.setFieldsValue(initialValues(defaults));
    }
  }, [open, defaults, form]);

  const chooseTarget = (targetId: string) => {
    const target = targets.data?.items.find((item) => item.id === targetId);
    if (target) form.setFieldValue(["settings", "draw", "fields"], target.defaultFields);
  };

  const start = useMutation({
    mutationFn: async (values: Values) => {
      const round = await reviewsApi.create({
        targetKind: kind,
        targetId: values.targetId ?? "",
        settings: {
          draw: {
            ...values.settings.draw,
            pinnedExclusions: values.settings.draw.pinnedExclusions.map((row) => ({
              expertId: row.expertId ?? "",
              reason: row.reason ?? "",
            })),
          },
          aggregation: values.settings.aggregation,
        },
      });
      return { round, drawNow: values.drawNow };
    },
    onSuccess: async ({ round, drawNow }) => {
      void queryClient.invalidateQueries({ queryKey: reviewTargetsKey });
      void queryClient.invalidateQueries({ queryKey: ["reviews"] });
      feedback.done(t("reviews.start.created"));
      if (drawNow) {
        try {
          const draw = await reviewsApi.draw(round.id);
          if (draw.refusal) {
            const reason = language === "zh" ? draw.refusal.messageZh : draw.refusal.messageEn;
            message.warning(t("reviews.start.drawFailed", { reason }));
          } else feedback.done(t("reviews.drawn"));
          void queryClient.invalidateQueries({ queryKey: ["reviews"] });
          void queryClient.invalidateQueries({ queryKey: ["review", round.id] });
        } catch (error) {
          feedback.fail(error);
        }
      }
      onClose();
      onStarted(round.id);
    },
    onError: (error) => feedback.fail(error, form),
  });

  const targetOptions = (targets.data?.items ?? []).map((target: ReviewTarget) => ({
    value: target.id,
    disabled: target.hasOpenRound,
    label: (
      <span>
        {target.title}
        <Typography.Text type="secondary"> · {target.unitName}</Typography.Text>
        {target.hasOpenRound ? <Tag style={{ marginInlineStart: 8 }}>{t("reviews.start.hasOpenRound")}</Tag> : null}
      </span>
    ),
    search: `${target.title} ${target.unitName} ${target.groupTitle ?? ""}`,
  }));
  const fieldOptions = (bundle.data?.fields ?? [])
    .filter((field) => field.active)
    .map((field) => ({ value: field.nameZh, label: pick(field.nameZh, field.nameEn) }));

  return (
    <Modal
      open={open}
      title={t("reviews.start")}
      width={860}
      okText={t("reviews.start.submit")}
      okButtonProps={{ "data-testid": "review-start-submit", disabled: !defaults }}
      confirmLoading={start.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t("reviews.start.intro")}</Typography.Paragraph>
      {targets.isError ? <QueryError error={targets.error} onRetry={() => targets.refetch()} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => start.mutate(values)}
        data-testid="review-start-form"
      >
        <Form.Item label={t("reviews.start.kind")}>
          <Radio.Group
            optionType="button"
            value={kind}
            data-testid="review-start-kind"
            onChange={(event) => {
              setKind(event.target.value as TargetKind);
              form.setFieldValue("targetId", undefined);
            }}
            options={targetKinds.map((value) => ({ value, label: t(`reviews.start.kind.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="targetId"
          label={t("reviews.start.target")}
          rules={[{ required: true, message: t("reviews.start.targetRequired") }]}
        >
          <Select
            data-testid="review-start-target"
            placeholder={t(`reviews.start.targetPlaceholder.${kind}`)}
            loading={targets.isFetching}
            options={targetOptions}
            showSearch={{ optionFilterProp: "search" }}
            notFoundContent={
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`reviews.start.noTargets.${kind}`)} />
            }
            onChange={chooseTarget}
          />
        </Form.Item>
        <Divider titlePlacement="start">{t("reviews.start.drawRules")}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={["settings", "draw", "fields"]}
              label={t("reviews.settings.fields")}
              extra={t("reviews.settings.fieldsHelp")}
              rules={[{ required: true, type: "array", min: 1, message: t("reviews.settings.fieldsRequired") }]}
            >
              <Select
                mode="multiple"
                data-testid="review-start-fields"
                options={fieldOptions}
                loading={bundle.isPending}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={["settings", "draw", "allowedTitles"]}
              label={t("reviews.settings.allowedTitles")}
              extra={t("reviews.settings.allowedTitlesHelp")}
            >
              <Select
                mode="multiple"
                allowClear
                data-testid="review-start-titles"
                placeholder={t("reviews.settings.anyTitle")}
                options={titleOptions(language)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name={["settings", "draw", "panelSize"]}
              label={t("reviews.settings.panelSize")}
              extra={t("reviews.settings.panelSizeHelp")}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={3}
                max={15}
                step={2}
                precision={0}
                suffix={t("reviews.settings.people")}
                style={{ width: "100%" }}
                data-testid="review-start-panel-size"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={["settings", "draw", "backups"]}
              label={t("reviews.settings.backups")}
              extra={t("reviews.settings.backupsHelp")}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={10}
                precision={0}
                suffix={t("reviews.settings.people")}
                style={{ width: "100%" }}
                data-testid="review-start-backups"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={["settings", "draw", "collaborationYears"]}
              label={t("reviews.settings.collaborationYears")}
              extra={t("reviews.settings.collaborationYearsHelp")}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={10}
                precision={0}
                suffix={t("reviews.settings.years")}
                style={{ width: "100%" }}
                data-testid="review-start-collaboration-years"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={["settings", "draw", "maxDrawsPerYear"]}
              label={t("reviews.settings.maxDrawsPerYear")}
              extra={t("reviews.settings.maxDrawsPerYearHelp")}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={50}
                precision={0}
                suffix={t("reviews.settings.times")}
                style={{ width: "100%" }}
                data-testid="review-start-max-draws"
              />
            </Form.Item>
          </Col>
        </Row>
        <PinnedExclusions />
        <Divider titlePlacement="start">{t("reviews.aggregation")}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={["settings", "aggregation", "method"]}
              label={t("reviews.settings.method")}
              extra={t("reviews.settings.methodHelp", { n: defaults?.aggregation.trimFrom ?? "" })}
            >
              <Select
                data-testid="review-start-method"
                options={(["auto", "mean", "trimmed-mean"] as const).map((method) => ({
                  value: method,
                  label: t(`reviews.method.${method}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={["settings", "aggregation", "deviationThreshold"]}
              label={t("reviews.settings.deviationThreshold")}
              extra={t("reviews.settings.deviationThresholdHelp")}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={100}
                suffix={t("reviews.settings.points")}
                style={{ width: "100%" }}
                data-testid="review-start-deviation"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="drawNow" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="review-start-draw-now">{t("reviews.start.drawNow")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 指定回避: one row per expert to keep off the panel, each with the reason the draw record will carry. */
function PinnedExclusions() {
  const { t } = useI18n();
  // Names of experts seen in any search, so a chosen one keeps its label when the next search no longer lists it.
  const known = useRef(new Map<string, string>());
  return (
    <Form.Item label={t("reviews.settings.pinned")} extra={t("reviews.settings.pinnedHelp")}>
      <Form.List name={["settings", "draw", "pinnedExclusions"]}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <Space key={row.key} align="start" style={{ display: "flex" }}>
                <Form.Item
                  name={[row.name, "expertId"]}
                  rules={[{ required: true, message: t("reviews.settings.pinnedExpertRequired") }]}
                  style={{ width: 300 }}
                >
                  <ExpertSelect known={known.current} testId={`review-start-pinned-expert-${index}`} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "reason"]}
                  rules={[{ required: true, whitespace: true, message: t("reviews.settings.pinnedReasonRequired") }]}
                  style={{ width: 380 }}
                >
                  <Input
                    maxLength={200}
                    placeholder={t("reviews.settings.pinnedReason")}
                    data-testid={`review-start-pinned-reason-${index}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t("reviews.settings.remove")}
                  onClick={() => remove(row.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ reason: "" })}
              data-testid="review-start-add-pinned"
            >
              {t("reviews.settings.addPinned")}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Searches the pool (GET /api/experts) by name or unit. */
function ExpertSelect({
  value,
  onChange,
  known,
  testId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  known: Map<string, string>;
  testId: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const found = useQuery({
    queryKey: ["experts", "picker", search],
    queryFn: () => expertsApi.list({ q: search || undefined, pageSize: 50 }),
    staleTime: 60_000,
  });
  const labelOf = (expert: Expert) => `${expert.name}（${expert.unitName}）`;
  for (const expert of found.data?.items ?? []) known.set(expert.id, labelOf(expert));
  const options = (found.data?.items ?? []).map((expert) => ({ value: expert.id, label: labelOf(expert) }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: known.get(value) ?? value });
  }
  return (
    <Select
      value={value}
      onChange={onChange}
      data-testid={testId}
      placeholder={t("reviews.settings.pinnedExpertPlaceholder")}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
    />
  );
}
