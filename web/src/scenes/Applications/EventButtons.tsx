import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { formalReviewItems } from "../../../../contracts/recognition";
import { type ApplicationDetail, applicationsApi, type EventInput } from "../../api/recognition";
import { ReasonModal } from "../../components/ReasonModal";
import { useConfirm } from "../../components/useConfirm";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

type EventName = EventInput["event"];
const ours: readonly EventName[] = [
  "submit",
  "pass-up",
  "recommend",
  "return",
  "decline",
  "pass-formal-review",
  "request-correction",
  "resubmit-correction",
  "reject",
  "send-to-review",
  "withdraw",
];
const needsReason = new Set<EventName>(["return", "decline", "request-correction", "reject"]);
const withChecklist = new Set<EventName>(["pass-formal-review", "request-correction"]);
const danger = new Set<EventName>(["decline", "reject", "withdraw"]);

/**
 * One button per event the server says the caller may fire now. None fires on one click: each asks first, saying its
 * consequence — a confirmation, the reason modal, or the formal-review checklist (which opens with no box ticked).
 */
export function EventButtons({
  detail,
  onDone,
  beforeFire,
}: {
  detail: ApplicationDetail;
  onDone: (next: ApplicationDetail) => void;
  /** The editor saves pending changes first, so the server checks what the applicant sees. */
  beforeFire?: () => Promise<number | null>;
}) {
  const { t, pick } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [asking, setAsking] = useState<EventName | null>(null);
  const [form] = Form.useForm<{ reason?: string; checklist: string[] }>();
  const confirm = useConfirm();
  const consequence = (event: EventName) => t(`consequence.${event}` as MessageKey);
  const fire = useMutation({
    mutationFn: async (input: EventInput) => {
      const version = (await beforeFire?.()) ?? detail.version;
      return applicationsApi.fire(detail.id, { ...input, version });
    },
    onSuccess: (next, input) => {
      setAsking(null);
      feedback.done(t("event.done", { event: t(`event.${input.event}` as MessageKey) }));
      client.invalidateQueries({ queryKey: ["applications"] });
      onDone(next);
    },
    onError: (error) => feedback.fail(error),
  });
  const events = detail.availableEvents.filter((event): event is EventName => (ours as string[]).includes(event));
  const blocked = (event: EventName) =>
    (event === "submit" || event === "resubmit-correction") && detail.submitBlockers.length > 0;
  return (
    <>
      <Space wrap>
        {events.map((event) => (
          <Button
            key={event}
            type={event === "submit" || event === "recommend" || event === "pass-formal-review" ? "primary" : "default"}
            danger={danger.has(event)}
            disabled={blocked(event)}
            loading={fire.isPending && fire.variables?.event === event}
            data-testid={`event-${event}`}
            onClick={() =>
              withChecklist.has(event) || needsReason.has(event)
                ? setAsking(event)
                : confirm({
                    title: t(`event.${event}` as MessageKey),
                    content: consequence(event),
                    danger: danger.has(event),
                    onOk: () => fire.mutate({ event }),
                  })
            }
          >
            {t(`event.${event}` as MessageKey)}
          </Button>
        ))}
      </Space>
      <ReasonModal
        open={asking !== null && !withChecklist.has(asking)}
        title={asking ? t(`event.${asking}` as MessageKey) : ""}
        description={asking ? consequence(asking) : undefined}
        required
        danger={asking ? danger.has(asking) : false}
        loading={fire.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => asking && fire.mutate({ event: asking, reason })}
      />
      <Modal
        open={asking !== null && withChecklist.has(asking)}
        title={t("formal.checklist")}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: fire.isPending, "data-testid": "checklist-ok" }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ checklist: [] }}
          onFinish={(values) =>
            asking &&
            fire.mutate({
              event: asking,
              reason: values.reason?.trim() || undefined,
              checklist: Object.fromEntries(formalReviewItems.map((i) => [i.key, values.checklist.includes(i.key)])),
            })
          }
        >
          {asking ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={consequence(asking)}
              description={asking === "pass-formal-review" ? t("checklist.allRequired") : undefined}
            />
          ) : null}
          <Form.Item name="checklist">
            <Checkbox.Group
              options={formalReviewItems.map((i) => ({ value: i.key, label: pick(i.labelZh, i.labelEn) }))}
              style={{ display: "flex", flexDirection: "column", gap: 8 }}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("decision.reason")}
            rules={asking === "request-correction" ? [{ required: true, whitespace: true }] : []}
          >
            <Input.TextArea rows={3} data-testid="checklist-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
