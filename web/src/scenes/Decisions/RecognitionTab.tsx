import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useServerTime } from "../../api/server-time";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { type Candidate, decisionApi, type RecognitionDocument } from "./decision-api";

interface Values {
  prefix: string;
  number?: number;
  issuedOn: Dayjs;
  applicationIds: string[];
}

/** 发文认定 (Art. 14.3): the officer's prefix, 〔year〕N号 (next free number proposed), and the list recognized. */
export function RecognitionTab({ candidates }: { candidates: Candidate[] }) {
  const { t } = useI18n();
  const { fail, done } = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const prefix = Form.useWatch("prefix", form) ?? "";
  const issuedOn = Form.useWatch("issuedOn", form);
  const number = Form.useWatch("number", form);
  const serverTime = useServerTime();
  const year = (issuedOn ?? serverTime.today()).year();
  const validPrefix = /^[\p{Script=Han}A-Za-z]{2,20}$/u.test(prefix.trim());
  const next = useQuery({
    queryKey: ["decisions", "next-number", prefix.trim(), year],
    queryFn: () => decisionApi.nextNumber(prefix.trim(), year),
    enabled: validPrefix,
  });
  const documents = useQuery({ queryKey: ["decisions", "recognitions"], queryFn: decisionApi.recognitions });
  const ready = candidates.filter((c) => c.events.includes("recognize"));
  const recognize = useMutation({
    mutationFn: (values: Values) =>
      decisionApi.recognize({
        prefix: values.prefix.trim(),
        issuedOn: values.issuedOn.format("YYYY-MM-DD"),
        applicationIds: values.applicationIds,
        ...(values.number ? { number: values.number } : {}),
      }),
    onSuccess: (document) => {
      done(`${t("decisions.recognition.preview")}：${document.documentNumber}`);
      form.resetFields();
      client.invalidateQueries({ queryKey: ["decisions"] });
    },
    onError: (error) => fail(error, form),
  });
  // The server renders the number; this preview only mirrors it (鄂科技函〔2026〕12号).
  const preview = validPrefix ? `${prefix.trim()}〔${year}〕${number ?? next.data?.number ?? "N"}号` : "—";

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ prefix: "鄂科技函", issuedOn: serverTime.today() }}
          onFinish={(values) => recognize.mutate(values)}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="prefix" label={t("decisions.recognition.prefix")} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} data-testid="recognition-prefix" />
          </Form.Item>
          <Form.Item name="number" label={t("decisions.recognition.number")}>
            <InputNumber min={1} placeholder={String(next.data?.number ?? "")} data-testid="recognition-number" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t("decisions.recognition.issuedOn")} rules={[{ required: true }]}>
            <DatePicker data-testid="recognition-date" />
          </Form.Item>
          <Form.Item label={t("decisions.recognition.preview")}>
            <Typography.Text strong data-testid="recognition-preview">
              {preview}
            </Typography.Text>
          </Form.Item>
          <Form.Item
            name="applicationIds"
            label={t("decisions.recognition.applications")}
            rules={[{ required: true }]}
            style={{ minWidth: 420 }}
          >
            <Select
              mode="multiple"
              options={ready.map((c) => ({ value: c.id, label: c.standardName }))}
              data-testid="recognition-applications"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={recognize.isPending} data-testid="recognition-submit">
            {t("decisions.recognition.submit")}
          </Button>
        </Form>
      </Card>
      <Table<RecognitionDocument>
        rowKey="id"
        size="small"
        loading={documents.isFetching}
        dataSource={documents.data}
        pagination={false}
        columns={[
          { title: t("decisions.recognition.preview"), dataIndex: "documentNumber", width: 200 },
          { title: t("decisions.recognition.issuedOn"), dataIndex: "issuedOn", width: 120 },
          { title: t("decisions.notice.title"), dataIndex: "title" },
          {
            title: t("table.actions"),
            key: "actions",
            width: 240,
            render: (_, d) => (
              <Flex gap={8}>
                <Button size="small" href={decisionApi.noticeUrl(d.id, "docx")}>
                  {t("decisions.recognition.docx")}
                </Button>
                <Button size="small" href={decisionApi.noticeUrl(d.id, "pdf")} data-testid={`notice-pdf-${d.id}`}>
                  {t("decisions.recognition.pdf")}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
