import { Col, Form, Input, Row, Select, Switch } from "antd";
import type { Recommender } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";
import { RecommenderPicker } from "./RecommenderPicker";
import { divisionOptions, unitTypeOptions } from "./reference-labels";

/**
 * The fields of contracts/organisations.ts `unitInput`, shared by the officer's form and self-registration. When
 * editing, the contact phone is shown masked by the API and left empty here: empty means "unchanged".
 */
export function UnitFields({
  recommenders,
  recommendersLoading,
  editing = false,
}: {
  recommenders: Recommender[] | undefined;
  recommendersLoading?: boolean;
  editing?: boolean;
}) {
  const { t, language } = useI18n();
  const type = Form.useWatch("type");
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t("unit.name")} rules={[{ required: true, message: t("unit.nameRequired") }]}>
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="uscc"
          label={t("unit.uscc")}
          extra={t("unit.usccHint")}
          normalize={(value: string) => value?.toUpperCase()}
          rules={[
            { required: true, message: t("unit.usccRequired") },
            { len: 18, message: t("unit.usccLength") },
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: "monospace" }} data-testid="unit-uscc" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="type" label={t("unit.type")} rules={[{ required: true, message: t("unit.typeRequired") }]}>
          <Select options={unitTypeOptions(language)} data-testid="unit-type" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="divisionCode"
          label={t("unit.division")}
          extra={t("unit.divisionHint")}
          rules={[{ required: true, message: t("unit.divisionRequired") }]}
        >
          <Select options={divisionOptions(language)} showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="address" label={t("unit.address")}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      {type === "university" ? (
        <Col xs={24} md={12}>
          <Form.Item name="college" label={t("unit.college")} extra={t("unit.collegeHint")}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24} md={12}>
        <Form.Item
          name="recommenderId"
          label={t("unit.recommender")}
          rules={[{ required: true, message: t("unit.recommenderRequired") }]}
        >
          <RecommenderPicker recommenders={recommenders} loading={recommendersLoading} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="directRecommending"
          label={t("unit.directRecommending")}
          extra={t("unit.directRecommendingHint")}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="legalRepresentative"
          label={t("unit.legalRepresentative")}
          rules={[{ required: true, message: t("unit.legalRepresentativeRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="contactName"
          label={t("unit.contactName")}
          rules={[{ required: true, message: t("unit.contactNameRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="contactPhone"
          label={t("unit.contactPhone")}
          extra={editing ? t("unit.contactPhoneKeep") : undefined}
          rules={editing ? [] : [{ required: true, message: t("unit.contactPhoneRequired") }]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
