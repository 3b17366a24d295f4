import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { nationalApi } from "../../api/national-platforms";
import { DateInput } from "../../components/DateInput";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * Art. 24: the officer records that MOST revoked a national platform; from that day it no longer counts against the
 * unit (Art. 7.6), and a MOST base still in the provincial system leaves it (the server decides which).
 */
export function NationalRevocationButton({ platformId }: { platformId: string }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (values: { revokedOn?: string; documentNumber?: string }) =>
      nationalApi.revokePlatform(platformId, {
        revokedOn: values.revokedOn ?? "",
        documentNumber: values.documentNumber || null,
      }),
    onSuccess: () => {
      setOpen(false);
      feedback.done(t("national.done"));
      client.invalidateQueries({ queryKey: ["registry-facts"] });
      client.invalidateQueries({ queryKey: ["bases"] });
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <>
      <Button size="small" data-testid={`platform-revoke-${platformId}`} onClick={() => setOpen(true)}>
        {t("national.revoke")}
      </Button>
      <Modal
        open={open}
        title={t("national.revoke")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, "data-testid": "platform-revoke-submit" }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item name="revokedOn" label={t("national.revokedOn")} rules={[{ required: true }]}>
            <DateInput testId="platform-revoked-on" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t("national.revokeDocument")}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
