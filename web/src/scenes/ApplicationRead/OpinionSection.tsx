import { useQueryClient } from "@tanstack/react-query";
import { Button, Empty, Form, Input, Typography } from "antd";
import { type ApplicationReadView, applicationReadApi } from "../../api/application-read";
import { useSession } from "../../api/session";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * 推荐意见: each recommender's opinion as written (a district's, then its parent's), and the form for the caller's
 * own recommender while the server says it may still write it (it holds the application, before formal review).
 */
export function OpinionSection({ view }: { view: ApplicationReadView }) {
  const { t, dateTime } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<{ opinion: string }>();
  const me = useSession();
  const own = view.opinions.find((entry) => entry.recommenderId === me.jurisdiction.recommenderId);
  const save = async ({ opinion }: { opinion: string }) => {
    try {
      const next = await applicationReadApi.saveOpinion(view.id, opinion);
      client.setQueryData(["applications", view.id, "read"], next);
      feedback.done(t("read.opinionSaved"));
    } catch (error) {
      feedback.fail(error, form);
    }
  };
  return (
    <div data-testid="read-opinions">
      {view.opinions.length === 0 && !view.opinionEditable ? <Empty description={t("read.noOpinion")} /> : null}
      {view.opinions.map((entry) => (
        <div key={entry.recommenderId} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 2 }}>
            {entry.opinion}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t("read.opinionBy", {
              recommender: entry.recommenderName,
              who: entry.updatedByName ?? "—",
              when: dateTime(entry.updatedAt),
            })}
          </Typography.Text>
        </div>
      ))}
      {view.opinionEditable ? (
        <Form
          key={own?.updatedAt ?? "new"}
          form={form}
          layout="vertical"
          className="no-print"
          initialValues={{ opinion: own?.opinion ?? "" }}
          onFinish={save}
          style={{ marginTop: 8 }}
        >
          <Form.Item
            name="opinion"
            label={t("read.opinionWrite")}
            extra={t("read.opinionHint")}
            rules={[{ required: true, whitespace: true, message: t("read.opinionRequired") }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="opinion-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="opinion-save">
            {t("read.opinionSave")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
