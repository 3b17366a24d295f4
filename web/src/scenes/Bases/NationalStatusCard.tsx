import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { nationalPlatformKinds } from "../../../../policy/reference/evidence-kinds";
import { nationalApi } from "../../api/national-platforms";
import { DateInput } from "../../components/DateInput";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

type Action = "upgrade-exit" | "national-revocation";

/**
 * A base's national side (Art. 21, 23, 24): its series (省国合基地 or 部省国合基地), the national platform it upgraded to
 * or is, and the officer's two records — the upgrade document, or MOST's revocation — when the server offers them.
 */
export function NationalStatusCard({ baseId }: { baseId: string }) {
  const { t, pick, date } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm();
  const query = useQuery({ queryKey: ["bases", "national", baseId], queryFn: () => nationalApi.status(baseId) });
  const save = useMutation({
    mutationFn: (values: Record<string, string | undefined>) =>
      open === "upgrade-exit"
        ? nationalApi.upgradeExit(baseId, {
            kind: values.kind as "bri-joint-laboratory",
            name: values.name ?? "",
            documentNumber: values.documentNumber ?? "",
            documentDate: values.documentDate ?? "",
          })
        : nationalApi.revokeBase(baseId, {
            revokedOn: values.revokedOn ?? "",
            documentNumber: values.documentNumber || null,
          }),
    onSuccess: () => {
      setOpen(null);
      feedback.done(t("national.done"));
      client.invalidateQueries({ queryKey: ["bases"] });
    },
    onError: (error) => feedback.fail(error, form),
  });
  const status = query.data;
  if (!status) return null;
  const platform = status.platform;
  return (
    <Card title={t("national.card")} style={{ marginTop: 16 }} data-testid="base-national">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t("national.series")}>
          <span data-testid="base-series">{pick(status.seriesZh, status.seriesEn)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("national.platform")}>
          {platform ? (
            <Space direction="vertical" size={0} data-testid="base-national-platform">
              <Typography.Text strong>{platform.name}</Typography.Text>
              <Typography.Text type="secondary">
                {pick(platform.kindZh, platform.kindEn)}
                {platform.documentNumber ? ` · ${platform.documentNumber}` : ""}
                {platform.approvedOn ? ` · ${date(platform.approvedOn)}` : ""}
              </Typography.Text>
            </Space>
          ) : (
            t("national.none")
          )}
        </Descriptions.Item>
        {status.decidedUnder ? (
          <Descriptions.Item label={t("national.decidedUnder")}>
            <span data-testid="base-national-edition">
              {pick(status.decidedUnder.labelZh, status.decidedUnder.labelEn)}
            </span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {status.status === "exited" && status.statusChangedOn ? (
        <Alert type="info" showIcon message={t("national.exited", { date: date(status.statusChangedOn) })} />
      ) : null}
      {status.status === "revoked" && platform?.revokedOn && status.isMostBase ? (
        <Alert type="warning" showIcon message={t("national.leftOnRevocation", { date: date(platform.revokedOn) })} />
      ) : null}
      {status.availableActions.length > 0 ? (
        <Space style={{ marginTop: 12 }} wrap>
          {status.availableActions.includes("upgrade-exit") ? (
            <Button data-testid="base-upgrade-exit" onClick={() => setOpen("upgrade-exit")}>
              {t("national.upgradeExit")}
            </Button>
          ) : null}
          {status.availableActions.includes("national-revocation") ? (
            <Button danger data-testid="base-national-revocation" onClick={() => setOpen("national-revocation")}>
              {t("national.revoke")}
            </Button>
          ) : null}
        </Space>
      ) : null}
      <Modal
        open={open !== null}
        title={open === "upgrade-exit" ? t("national.upgradeExit") : t("national.revoke")}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, "data-testid": "national-submit" }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} data-testid="national-form">
          {open === "upgrade-exit" ? (
            <>
              <Typography.Paragraph type="secondary">{t("national.upgradeExitHelp")}</Typography.Paragraph>
              <Form.Item name="kind" label={t("national.platformKind")} rules={[{ required: true }]}>
                <Select
                  data-testid="national-kind"
                  options={nationalPlatformKinds.map((kind) => ({
                    value: kind.code,
                    label: pick(kind.nameZh, kind.nameEn),
                  }))}
                />
              </Form.Item>
              <Form.Item name="name" label={t("national.platformName")} rules={[{ required: true }]}>
                <Input data-testid="national-name" />
              </Form.Item>
              <Form.Item name="documentNumber" label={t("national.documentNumber")} rules={[{ required: true }]}>
                <Input data-testid="national-document-number" />
              </Form.Item>
              <Form.Item name="documentDate" label={t("national.documentDate")} rules={[{ required: true }]}>
                <DateInput testId="national-document-date" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="revokedOn" label={t("national.revokedOn")} rules={[{ required: true }]}>
                <DateInput testId="national-revoked-on" />
              </Form.Item>
              <Form.Item name="documentNumber" label={t("national.revokeDocument")}>
                <Input data-testid="national-revoke-document" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
