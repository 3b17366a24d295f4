import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Space, Typography } from "antd";
import { useState } from "react";
import { type AnnualReportDetail, evaluationApi, type ReportEvent } from "../../api/annual-reports";
import { ReasonModal } from "../../components/ReasonModal";
import { useConfirm } from "../../components/useConfirm";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { CorrectionModal } from "./CorrectionModal";
import { reportConsequenceKey, reportEventKey } from "./report-labels";

/** Events recorded with a reason (the transition table's requireReason guards): the modal asks for it first. */
const needsReason: ReadonlySet<ReportEvent> = new Set(["return-report", "withdraw"]);
/** Events that end the report's year for the base: asked to confirm, with an optional comment. */
const confirmFirst: ReadonlySet<ReportEvent> = new Set(["mark-not-submitted"]);
/** Events with a form of their own: 要求补正 asks what to correct and by when (CorrectionModal). */
const asksFirst: ReadonlySet<ReportEvent> = new Set(["open-correction"]);
const primary: ReadonlySet<ReportEvent> = new Set([
  "submit-report",
  "unit-approve",
  "recommender-approve",
  "submit-correction",
]);
const danger: ReadonlySet<ReportEvent> = new Set(["mark-not-submitted", "withdraw"]);

/**
 * One button per event the server offers now (`availableEvents`), and nothing else. None fires on one click: each
 * asks first, saying its consequence — a confirmation, the reason modal (a return, a withdrawal, 未按规定提交), or the
 * 补正 form (what to correct and by when). The editor saves its pending changes first, so the server checks what the
 * unit sees.
 */
export function ReportEventButtons({
  detail,
  onDone,
  beforeFire,
  onRefused,
}: {
  detail: AnnualReportDetail;
  onDone: (next: AnnualReportDetail) => void;
  beforeFire?: () => Promise<number | null>;
  onRefused?: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [asking, setAsking] = useState<ReportEvent | null>(null);
  const confirm = useConfirm();
  const label = (event: ReportEvent) => {
    const key = reportEventKey(event);
    return key ? t(key) : event;
  };
  const consequence = (event: ReportEvent) => {
    const key = reportConsequenceKey(event);
    return key ? t(key) : undefined;
  };
  const fire = useMutation({
    mutationFn: async (input: { event: ReportEvent; reason?: string }) => {
      const expectedVersion = (await beforeFire?.()) ?? detail.version;
      return evaluationApi.fire(detail.id, { ...input, expectedVersion });
    },
    onSuccess: (next, input) => {
      setAsking(null);
      feedback.done(t("event.done", { event: label(input.event) }));
      client.invalidateQueries({ queryKey: ["annual-reports"] });
      client.invalidateQueries({ queryKey: ["evaluation-rounds"] });
      onDone(next);
    },
    onError: (error) => {
      feedback.fail(error);
      onRefused?.();
    },
  });
  if (detail.availableEvents.length === 0) {
    return <Typography.Text type="secondary">{t("report.noActions")}</Typography.Text>;
  }
  return (
    <>
      <Space wrap>
        {detail.availableEvents.map((event) => (
          <Button
            key={event}
            type={primary.has(event) ? "primary" : "default"}
            danger={danger.has(event)}
            loading={fire.isPending && fire.variables?.event === event}
            disabled={fire.isPending && fire.variables?.event !== event}
            data-testid={`event-${event}`}
            onClick={() =>
              asksFirst.has(event) || needsReason.has(event) || confirmFirst.has(event)
                ? setAsking(event)
                : confirm({
                    title: label(event),
                    content: consequence(event) ?? "",
                    danger: danger.has(event),
                    onOk: () => fire.mutate({ event }),
                  })
            }
          >
            {label(event)}
          </Button>
        ))}
      </Space>
      <CorrectionModal
        open={asking === "open-correction"}
        detail={detail}
        onClose={() => setAsking(null)}
        onDone={onDone}
      />
      <ReasonModal
        open={asking !== null && asking !== "open-correction"}
        title={asking ? label(asking) : ""}
        description={asking ? consequence(asking) : undefined}
        required={asking ? needsReason.has(asking) : false}
        danger={asking ? danger.has(asking) : false}
        loading={fire.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => asking && fire.mutate({ event: asking, ...(reason ? { reason } : {}) })}
      />
    </>
  );
}
