import { useQuery } from "@tanstack/react-query";
import { AutoComplete, Form, type FormInstance, Input, Radio, Select } from "antd";
import { useState } from "react";
import type { ChangeReportDetail, ChangeValuesInput } from "../../api/change-reports";
import { peopleApi, referenceApi } from "../../api/endpoints";
import { CountrySelect } from "../../components/CountrySelect";
import { DateInput } from "../../components/DateInput";
import { useI18n } from "../../i18n/I18nProvider";
import { DueHint } from "./NewChangeReportModal";

export interface ChangeFormValues {
  changedOn?: string;
  description?: string;
  proposed: ChangeValuesInput;
}

export const formValuesOf = (detail: ChangeReportDetail): ChangeFormValues => ({
  changedOn: detail.changedOn,
  description: detail.description,
  proposed: {
    ...(detail.proposed.workPlanSummary === undefined ? {} : { workPlanSummary: detail.proposed.workPlanSummary }),
    ...(detail.proposed.directorName === undefined ? {} : { directorName: detail.proposed.directorName }),
    ...(detail.proposed.directorPersonId ? { directorPersonId: detail.proposed.directorPersonId } : {}),
    ...(detail.proposed.field === undefined ? {} : { field: detail.proposed.field }),
    countries: detail.proposed.countries ?? { key: [], main: [], radiating: [] },
  },
});

/** The new director: a person of the host unit (its title and credit records are checked) or a name typed. */
function DirectorFields({ unitId, form }: { unitId: string; form: FormInstance<ChangeFormValues> }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<"pick" | "type">(
    form.getFieldValue(["proposed", "directorPersonId"]) || !form.getFieldValue(["proposed", "directorName"])
      ? "pick"
      : "type",
  );
  const persons = useQuery({
    queryKey: ["people", "unit", unitId],
    queryFn: () => peopleApi.list({ unitId, pageSize: 200 }),
  });
  return (
    <Form.Item label={t("changeReport.director")} extra={t("changeReport.director.hint")} required>
      <Radio.Group
        value={mode}
        onChange={(event) => {
          setMode(event.target.value);
          form.setFieldValue(["proposed", "directorPersonId"], undefined);
          form.setFieldValue(["proposed", "directorName"], undefined);
        }}
        style={{ marginBottom: 8 }}
        data-testid="change-report-director-mode"
        options={[
          { value: "pick", label: t("changeReport.director.pick") },
          { value: "type", label: t("changeReport.director.type") },
        ]}
      />
      {mode === "pick" ? (
        <Form.Item name={["proposed", "directorPersonId"]} noStyle>
          <Select
            showSearch
            optionFilterProp="label"
            loading={persons.isLoading}
            placeholder={t("changeReport.director.person")}
            data-testid="change-report-director-person"
            options={(persons.data?.items ?? []).map((person) => ({ value: person.id, label: person.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name={["proposed", "directorName"]} noStyle>
          <Input
            maxLength={100}
            placeholder={t("changeReport.director.name")}
            data-testid="change-report-director-name"
          />
        </Form.Item>
      )}
    </Form.Item>
  );
}

/** The field the new name is generated from (Art. 29–30): the reference list, or another field typed. */
function FieldInput() {
  const { t, pick } = useI18n();
  const bundle = useQuery({ queryKey: ["reference", "bundle"], queryFn: referenceApi.bundle, staleTime: 3_600_000 });
  return (
    <Form.Item name={["proposed", "field"]} label={t("changeReport.field")} extra={t("changeReport.field.hint")}>
      <AutoComplete
        data-testid="change-report-field"
        options={(bundle.data?.fields ?? [])
          .filter((field) => field.active)
          .map((field) => ({ value: field.nameZh, label: pick(field.nameZh, field.nameEn) }))}
        filterOption={(input, option) => String(option?.value ?? "").includes(input)}
      />
    </Form.Item>
  );
}

/** The draft's form: change date (its deadline shown as it is entered), the new value of the report's kind, text. */
export function ChangeReportForm({
  detail,
  form,
  onValuesChange,
}: {
  detail: ChangeReportDetail;
  form: FormInstance<ChangeFormValues>;
  onValuesChange: () => void;
}) {
  const { t } = useI18n();
  const changedOn = Form.useWatch("changedOn", form);
  return (
    <Form<ChangeFormValues>
      form={form}
      layout="vertical"
      initialValues={formValuesOf(detail)}
      onValuesChange={onValuesChange}
      data-testid="change-report-form"
    >
      <Form.Item
        name="changedOn"
        label={t("changeReport.changedOn")}
        extra={<DueHint changedOn={changedOn ?? undefined} />}
      >
        <DateInput testId="change-report-changed-on" />
      </Form.Item>
      {detail.kind === "work-plan" ? (
        <Form.Item name={["proposed", "workPlanSummary"]} label={t("changeReport.workPlanSummary")}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={3_000}
            showCount
            data-testid="change-report-work-plan"
          />
        </Form.Item>
      ) : null}
      {detail.kind === "director" ? <DirectorFields unitId={detail.unitId} form={form} /> : null}
      {detail.kind === "name" ? <FieldInput /> : null}
      {detail.kind === "key-or-main-countries" ? (
        <Form.Item label={t("changeReport.countries.hint")}>
          {(["key", "main", "radiating"] as const).map((level) => (
            <Form.Item key={level} name={["proposed", "countries", level]} label={t(`changeReport.countries.${level}`)}>
              <CountrySelect mode="multiple" testId={`change-report-countries-${level}`} />
            </Form.Item>
          ))}
        </Form.Item>
      ) : null}
      <Form.Item name="description" label={t("changeReport.description")} extra={t("changeReport.description.hint")}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 16 }}
          maxLength={5_000}
          showCount
          data-testid="change-report-description"
        />
      </Form.Item>
    </Form>
  );
}
