import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, DatePicker, Form, Input, Select, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { type Approval, type Candidate, decisionApi } from "./decision-api";

interface Values {
  meetingDate: Dayjs;
  minuteRef: string;
  applicationIds: string[];
}

/** 厅党组会 (Art. 14.3): the meeting's date and minute reference approve the evaluated applications. */
export function ApprovalTab({ candidates }: { candidates: Candidate[] }) {
  const { t } = useI18n();
  const { fail, done } = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ["decisions", "approvals"], queryFn: decisionApi.approvals });
  const evaluated = candidates.filter((c) => c.events.includes("approve"));
  const nameOf = (id: string) => candidates.find((c) => c.id === id)?.standardName ?? id;
  const approve = useMutation({
    mutationFn: (values: Values) =>
      decisionApi.approve({ ...values, meetingDate: values.meetingDate.format("YYYY-MM-DD") }),
    onSuccess: () => {
      done(t("decisions.done"));
      form.resetFields();
      client.invalidateQueries({ queryKey: ["decisions"] });
    },
    onError: (error) => fail(error, form),
  });
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={(values) => approve.mutate(values)} style={{ rowGap: 12 }}>
          <Form.Item name="meetingDate" label={t("decisions.approval.meetingDate")} rules={[{ required: true }]}>
            <DatePicker data-testid="approval-date" />
          </Form.Item>
          <Form.Item
            name="minuteRef"
            label={t("decisions.approval.minuteRef")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input style={{ width: 220 }} data-testid="approval-minute" />
          </Form.Item>
          <Form.Item
            name="applicationIds"
            label={t("decisions.approval.applications")}
            rules={[{ required: true }]}
            style={{ minWidth: 420 }}
          >
            <Select
              mode="multiple"
              options={evaluated.map((c) => ({ value: c.id, label: c.standardName }))}
              data-testid="approval-applications"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={approve.isPending} data-testid="approval-submit">
            {t("decisions.approval.submit")}
          </Button>
        </Form>
      </Card>
      <Table<Approval>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        columns={[
          { title: t("decisions.approval.meetingDate"), dataIndex: "meetingDate", width: 120 },
          { title: t("decisions.approval.minuteRef"), dataIndex: "minuteRef", width: 220 },
          {
            title: t("decisions.approval.applications"),
            key: "applications",
            render: (_, a) => a.applicationIds.map(nameOf).join("；"),
          },
        ]}
      />
    </>
  );
}
