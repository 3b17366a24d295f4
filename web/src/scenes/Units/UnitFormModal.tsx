import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Modal } from "antd";
import { useEffect, useState } from "react";
import { publicApi, unitsApi } from "../../api/endpoints";
import { isApiError } from "../../api/errors";
import type { Unit, UnitInput } from "../../api/types";
import { UnitFields } from "../../components/UnitFields";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { unitKey } from "./UnitDrawer";

type Values = Omit<UnitInput, "contactPhone"> & { contactPhone?: string };

function valuesOf(unit: Unit): Values {
  return {
    name: unit.name,
    uscc: unit.uscc,
    type: unit.type as UnitInput["type"],
    divisionCode: unit.divisionCode,
    address: unit.address,
    college: unit.college,
    directRecommending: unit.directRecommending,
    recommenderId: unit.recommenderId,
    legalRepresentative: unit.legalRepresentative,
    contactName: unit.contactName,
    // Masked by the API (138****5678): never sent back; empty keeps the stored number.
    contactPhone: undefined,
  };
}

/**
 * Create (POST /api/units, officer) or edit (PATCH /api/units/:id with the version read). A stale version (409)
 * reloads the record into the form and says so, instead of overwriting someone else's change.
 */
export function UnitFormModal({
  state,
  onClose,
  onCreated,
}: {
  state: { unit: Unit | null } | null;
  onClose: () => void;
  onCreated: (unit: Unit) => void;
}) {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const editing = state?.unit ?? null;
  const [version, setVersion] = useState<number | null>(null);
  // The server's 409 message, shown above the reloaded form until the next save.
  const [stale, setStale] = useState<string | null>(null);
  const recommenders = useQuery({
    queryKey: ["public-recommenders"],
    queryFn: publicApi.recommenders,
    enabled: state !== null,
    staleTime: 10 * 60_000,
  });

  useEffect(() => {
    if (!state) return;
    setStale(null);
    form.resetFields();
    if (state.unit) {
      form.setFieldsValue(valuesOf(state.unit));
      setVersion(state.unit.version);
    } else form.setFieldsValue({ directRecommending: false });
  }, [state, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { ...values, college: values.college || null, contactPhone: values.contactPhone || undefined };
      return editing
        ? unitsApi.update(editing.id, { ...body, version: version ?? editing.version })
        : unitsApi.create({ ...body, contactPhone: values.contactPhone ?? "" });
    },
    onSuccess: (unit) => {
      feedback.done(t(editing ? "common.saved" : "units.created"));
      client.setQueryData(unitKey(unit.id), unit);
      void client.invalidateQueries({ queryKey: ["units"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      setStale(null);
      onClose();
      if (!editing) onCreated(unit);
    },
    onError: async (error) => {
      if (editing && isApiError(error) && error.code === "stale-version") {
        const fresh = await client.fetchQuery({
          queryKey: unitKey(editing.id),
          queryFn: () => unitsApi.get(editing.id),
        });
        form.setFieldsValue(valuesOf(fresh));
        setVersion(fresh.version);
        setStale(error.localized(language));
        void client.invalidateQueries({ queryKey: ["units"] });
        return;
      }
      feedback.fail(error, form);
    },
  });

  return (
    <Modal
      open={state !== null}
      title={editing ? t("units.editTitle", { name: editing.name }) : t("units.create")}
      width={860}
      // Opened from the unit drawer, which is mounted later: stay above it.
      zIndex={1100}
      okText={t("action.save")}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} data-testid="unit-form">
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
        <UnitFields
          recommenders={recommenders.data}
          recommendersLoading={recommenders.isPending}
          editing={Boolean(editing)}
        />
      </Form>
    </Modal>
  );
}
