import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Col, Form, Input, Modal, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { referenceApi } from "../../api/endpoints";
import { isApiError } from "../../api/errors";
import type { Expert, ExpertInput, ExpertStatus } from "../../api/review";
import { expertsApi } from "../../api/review";
import { divisionLabel, divisionOptions, titleOptions } from "../../components/reference-labels";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { expertKey } from "./ExpertDrawer";
import { expertStatuses } from "./ExpertStatusTag";
import { ExpertUnitField } from "./ExpertUnitField";

type Values = {
  name: string;
  title: ExpertInput["title"];
  fields: string[];
  unitId: string | null;
  unitName: string;
  divisionCode?: string | null;
  /** Masked by the API: empty when editing means "unchanged". */
  phone?: string;
  email?: string | null;
  /** Never sent back by the API (masked): empty when editing means "unchanged". */
  idNumber?: string;
  status: ExpertStatus;
  note?: string | null;
};

function valuesOf(expert: Expert): Values {
  return {
    name: expert.name,
    title: expert.title as Values["title"],
    fields: expert.fields,
    unitId: expert.unitId,
    unitName: expert.unitName,
    divisionCode: expert.divisionCode,
    phone: undefined,
    email: expert.email,
    idNumber: undefined,
    status: expert.status,
    note: expert.note,
  };
}

/**
 * 新增专家 (POST /api/experts) or edit one (PATCH /api/experts/:id with the version read). The phone and ID number
 * come back masked, so they are typed again only to change them. A stale version (409) reloads the expert into the
 * form and says so; the server's field errors land on their fields.
 */
export function ExpertFormModal({
  state,
  onClose,
  onSaved,
}: {
  state: { expert: Expert | null } | null;
  onClose: () => void;
  onSaved: (expert: Expert, created: boolean) => void;
}) {
  const { t, language, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const editing = state?.expert ?? null;
  const [shown, setShown] = useState<Expert | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const bundle = useQuery({
    queryKey: ["reference", "bundle"],
    queryFn: referenceApi.bundle,
    staleTime: 3_600_000,
    enabled: state !== null,
  });

  useEffect(() => {
    if (!state) return;
    setStale(null);
    setShown(state.expert);
    form.resetFields();
    form.setFieldsValue(
      state.expert ? valuesOf(state.expert) : { status: "active", fields: [], unitId: null, divisionCode: null },
    );
  }, [state, form]);

  const current = shown ?? editing;
  const fieldOptions = [
    ...(bundle.data?.fields ?? [])
      .filter((field) => field.active || current?.fields.includes(field.nameZh))
      .map((field) => ({ value: field.nameZh, label: pick(field.nameZh, field.nameEn) })),
    // A field renamed or removed from the list since: still shown, so saving keeps it.
    ...(current?.fields ?? [])
      .filter((name) => !bundle.data?.fields.some((field) => field.nameZh === name))
      .map((name) => ({ value: name, label: name })),
  ];
  const divisions: { value: string; label: string }[] = divisionOptions(language);
  const ownDivision = current?.divisionCode;
  if (ownDivision && !divisions.some((option) => option.value === ownDivision)) {
    divisions.push({ value: ownDivision, label: divisionLabel(ownDivision, language) });
  }

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        title: values.title,
        fields: values.fields,
        unitId: values.unitId || null,
        unitName: values.unitName.trim(),
        divisionCode: values.divisionCode || null,
        email: values.email?.trim() || null,
        status: values.status,
        note: values.note?.trim() || null,
      };
      const phone = values.phone?.trim() || undefined;
      const idNumber = values.idNumber?.trim() || undefined;
      return editing
        ? expertsApi.update(editing.id, { ...body, phone, idNumber, version: current?.version ?? editing.version })
        : expertsApi.create({ ...body, phone: phone ?? null, idNumber: idNumber ?? null });
    },
    onSuccess: (expert) => {
      feedback.done(t(editing ? "common.saved" : "expertPool.created"));
      client.setQueryData(expertKey(expert.id), expert);
      void client.invalidateQueries({ queryKey: ["experts"] });
      setStale(null);
      onClose();
      onSaved(expert, !editing);
    },
    onError: async (error) => {
      if (editing && isApiError(error) && error.code === "stale-version") {
        const fresh = await client.fetchQuery({
          queryKey: expertKey(editing.id),
          queryFn: () => expertsApi.get(editing.id),
        });
        form.resetFields();
        form.setFieldsValue(valuesOf(fresh));
        setShown(fresh);
        setStale(error.localized(language));
        void client.invalidateQueries({ queryKey: ["experts"] });
        return;
      }
      feedback.fail(error, form);
      // The registered unit's id is a hidden field: its error belongs under the unit's name.
      const unitError = isApiError(error) ? error.fieldErrors.find((e) => e.path === "unitId") : undefined;
      if (unitError) form.setFields([{ name: "unitName", errors: [pick(unitError.messageZh, unitError.messageEn)] }]);
    },
  });

  const keepHint = (masked: string | null | undefined) =>
    editing && masked ? t("expertPool.keepHint", { masked }) : undefined;

  return (
    <Modal
      open={state !== null}
      title={editing ? t("expertPool.editTitle", { name: editing.name }) : t("expertPool.createTitle")}
      width={860}
      // Opened from the expert drawer too: stay above it.
      zIndex={1100}
      okText={t("action.save")}
      okButtonProps={{ "data-testid": "expert-save" } as Record<string, string>}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} data-testid="expert-form">
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
          <Col xs={24} md={8}>
            <Form.Item
              name="name"
              label={t("expert.name")}
              rules={[{ required: true, whitespace: true, min: 2, message: t("expertPool.nameRequired") }]}
            >
              <Input maxLength={50} data-testid="expert-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="title"
              label={t("expert.title")}
              rules={[{ required: true, message: t("expertPool.titleRequired") }]}
            >
              <Select options={titleOptions(language)} data-testid="expert-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t("expert.status")} extra={t("expertPool.statusHint")}>
              <Select
                options={expertStatuses.map((status) => ({ value: status, label: t(`expert.status.${status}`) }))}
                data-testid="expert-status"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <ExpertUnitField />
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="divisionCode" label={t("expert.division")} extra={t("expertPool.divisionHint")}>
              <Select
                allowClear
                placeholder={t("expertPool.divisionPlaceholder")}
                options={divisions}
                showSearch={{ optionFilterProp: "label" }}
                data-testid="expert-division"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="fields"
              label={t("expert.fields")}
              extra={t("expertPool.fieldsHint")}
              rules={[{ required: true, type: "array", min: 1, message: t("expertPool.fieldsRequired") }]}
            >
              <Select
                mode="multiple"
                maxCount={9}
                loading={bundle.isPending}
                options={fieldOptions}
                showSearch={{ optionFilterProp: "label" }}
                data-testid="expert-fields"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="phone"
              label={t("expert.phone")}
              extra={keepHint(current?.phone) ?? t("expertPool.phoneHint")}
            >
              <Input
                maxLength={20}
                autoComplete="off"
                placeholder={editing ? (current?.phone ?? undefined) : undefined}
                data-testid="expert-phone"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="email"
              label={t("expertPool.email")}
              rules={[{ type: "email", message: t("expertPool.emailInvalid") }]}
            >
              <Input maxLength={100} autoComplete="off" data-testid="expert-email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="idNumber"
              label={t("expertPool.idNumber")}
              extra={keepHint(current?.idNumber) ?? t("expertPool.idNumberHint")}
              normalize={(value: string) => value?.toUpperCase()}
              rules={[{ pattern: /^\d{17}[\dX]$/, message: t("expertPool.idNumberLength") }]}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                style={{ fontFamily: "monospace" }}
                placeholder={editing ? (current?.idNumber ?? undefined) : undefined}
                data-testid="expert-id-number"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t("expertPool.note")}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="expert-note" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
