import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, Form, Input, Modal, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { peopleApi } from "../../api/endpoints";
import { isApiError } from "../../api/errors";
import { useSession } from "../../api/session";
import type { Person, PersonInput } from "../../api/types";
import { titleOptions } from "../../components/reference-labels";
import { UnitPicker } from "../../components/UnitPicker";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

type Values = {
  name: string;
  title: PersonInput["title"];
  unitId?: string | null;
  employerName?: string;
  email?: string;
  phone?: string;
  idNumber?: string;
};

function valuesOf(person: Person): Values {
  // Phone and ID number come masked: they are never put back; empty keeps what is stored.
  return {
    name: person.name,
    title: person.title as PersonInput["title"],
    unitId: person.unitId,
    employerName: person.employerName,
    email: person.email ?? undefined,
  };
}

/** POST /api/people or PATCH /api/people/:id {…, version}; a stale version reloads the record. */
export function PersonFormModal({ state, onClose }: { state: { person: Person | null } | null; onClose: () => void }) {
  const me = useSession();
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const editing = state?.person ?? null;
  const [version, setVersion] = useState<number | null>(null);
  // The server's 409 message, shown above the reloaded form until the next save.
  const [stale, setStale] = useState<string | null>(null);
  // A host unit's staff always record people of their own unit (the server fills it in).
  const pickUnit = !me.jurisdiction.unitId;

  useEffect(() => {
    if (!state) return;
    setStale(null);
    form.resetFields();
    if (state.person) {
      form.setFieldsValue(valuesOf(state.person));
      setVersion(state.person.version);
    }
  }, [state, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name,
        title: values.title,
        employerName: values.employerName ?? "",
        email: values.email?.trim() || null,
        ...(pickUnit ? { unitId: values.unitId ?? null } : {}),
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.idNumber?.trim() ? { idNumber: values.idNumber.trim() } : {}),
      };
      return editing
        ? peopleApi.update(editing.id, { ...body, version: version ?? editing.version })
        : peopleApi.create(body);
    },
    onSuccess: () => {
      feedback.done(t(editing ? "common.saved" : "people.created"));
      void client.invalidateQueries({ queryKey: ["people"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      setStale(null);
      onClose();
    },
    onError: async (error) => {
      if (editing && isApiError(error) && error.code === "stale-version") {
        const fresh = await peopleApi.get(editing.id);
        form.setFieldsValue(valuesOf(fresh));
        setVersion(fresh.version);
        setStale(error.localized(language));
        void client.invalidateQueries({ queryKey: ["people"] });
        return;
      }
      feedback.fail(error, form);
    },
  });

  return (
    <Modal
      open={state !== null}
      title={editing ? t("people.editTitle", { name: editing.name }) : t("people.create")}
      width={720}
      okText={t("action.save")}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        {stale ? (
          <Alert
            type="warning"
            showIcon
            title={stale}
            description={t("common.staleReloaded")}
            style={{ marginBottom: 16 }}
            data-testid="stale-alert"
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t("person.name")}
              rules={[{ required: true, message: t("person.nameRequired") }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t("person.title")}
              rules={[{ required: true, message: t("person.titleRequired") }]}
            >
              <Select options={titleOptions(language)} />
            </Form.Item>
          </Col>
          {pickUnit ? (
            <Col xs={24} md={12}>
              <Form.Item name="unitId" label={t("person.unit")}>
                <UnitPicker />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="employerName" label={t("person.employer")} extra={t("person.employerHint")}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t("person.email")}
              rules={[{ type: "email", message: t("person.emailInvalid") }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t("person.phone")}
              extra={editing ? t("person.keepHint", { value: editing.phone ?? "—" }) : undefined}
            >
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label={t("person.idNumber")}
              extra={editing ? t("person.keepHint", { value: editing.idNumber ?? "—" }) : undefined}
            >
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
