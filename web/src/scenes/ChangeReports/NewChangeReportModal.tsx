import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Form, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { changeReportDeadline } from "../../../../policy/calendar/deadlines";
import { type MajorChangeKind, majorChangeKinds } from "../../../../policy/lifecycles/change-report.transitions";
import { basesApi } from "../../api/bases";
import { changeReportsApi } from "../../api/change-reports";
import { DateInput } from "../../components/DateInput";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * The deadline as soon as a change date is entered: 3 calendar months, month-end clamped (Art. 18.5), computed by the
 * same policy function the server stores `dueOn` with.
 */
export function DueHint({ changedOn }: { changedOn: string | undefined }) {
  const { t, date } = useI18n();
  return (
    <Typography.Text type="secondary" data-testid="change-report-due-hint">
      {changedOn
        ? t("changeReport.dueHint", { date: date(changeReportDeadline(changedOn)) })
        : t("changeReport.dueHint.empty")}
    </Typography.Text>
  );
}

interface Values {
  baseId?: string;
  kind?: MajorChangeKind;
  changedOn?: string;
}

/** 报告重大事项变化: base (fixed from its page, or one of the unit's), kind and change date → a draft. */
export function NewChangeReportModal({
  open,
  baseId,
  onClose,
}: {
  open: boolean;
  baseId?: string;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [changedOn, setChangedOn] = useState<string | undefined>();
  const bases = useQuery({
    queryKey: ["bases", "list", "change-report"],
    queryFn: () => basesApi.list({ pageSize: 200 }),
    enabled: open && !baseId,
  });
  const create = useMutation({
    mutationFn: (values: Required<Values>) => changeReportsApi.create(values),
    onSuccess: (created) => {
      feedback.done(t("changeReport.created"));
      onClose();
      navigate(`/change-reports/${created.id}`);
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("changeReports.new")}
      okText={t("changeReport.create")}
      okButtonProps={{ loading: create.isPending, "data-testid": "change-report-create" }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("changeReports.intro")} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={baseId ? { baseId } : {}}
        onValuesChange={(_, all) => setChangedOn(all.changedOn)}
        onFinish={(values) =>
          create.mutate({ baseId: baseId ?? values.baseId ?? "", kind: values.kind!, changedOn: values.changedOn! })
        }
      >
        {baseId ? null : (
          <Form.Item name="baseId" label={t("changeReport.base")} rules={[{ required: true }]}>
            <Select
              data-testid="change-report-base"
              loading={bases.isLoading}
              options={(bases.data?.items ?? [])
                .filter((base) => base.status === "active" || base.status === "rectifying")
                .map((base) => ({ value: base.id, label: base.standardName }))}
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t("changeReport.kind")} rules={[{ required: true }]}>
          <Select
            data-testid="change-report-kind"
            options={majorChangeKinds.map((kind) => ({ value: kind.code, label: pick(kind.nameZh, kind.nameEn) }))}
          />
        </Form.Item>
        <Form.Item
          name="changedOn"
          label={t("changeReport.changedOn")}
          rules={[{ required: true }]}
          extra={<DueHint changedOn={changedOn} />}
        >
          <DateInput testId="change-report-changed-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
