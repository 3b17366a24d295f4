import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { peopleApi, referenceApi } from "../../api/endpoints";
import { CountrySelect } from "../../components/CountrySelect";
import { useI18n } from "../../i18n/I18nProvider";

const date = { placeholder: "YYYY-MM-DD", style: { width: 140 } };

/** A repeatable list of rows (partners, members, projects …) with add and remove buttons. */
function Rows({
  name,
  render,
  testId,
}: {
  name: (string | number)[];
  render: (field: number) => ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: "flex", marginBottom: 4 }}>
              {render(field.name)}
              <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t("editor.remove")} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} data-testid={`add-${testId}`}>
            {t("editor.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function BasicsSection() {
  const { t, pick } = useI18n();
  const bundle = useQuery({ queryKey: ["reference", "bundle"], queryFn: referenceApi.bundle, staleTime: 3_600_000 });
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={["application", "type"]} label={t("editor.type")}>
            <Select
              data-testid="editor-type"
              options={[
                { value: "joint-research", label: pick("联合研究类", "Joint research") },
                { value: "technology-transfer", label: pick("技术转移类", "Technology transfer") },
                { value: "characteristic", label: pick("特色类", "Characteristic") },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={["application", "field"]} label={t("editor.field")}>
            <Select
              showSearch
              data-testid="editor-field"
              options={(bundle.data?.fields ?? [])
                .filter((f) => f.active)
                .map((f) => ({ value: f.nameZh, label: pick(f.nameZh, f.nameEn) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Form.Item name={["application", "isOffshore"]} valuePropName="checked">
          <Checkbox>{t("editor.offshore")}</Checkbox>
        </Form.Item>
        <Form.Item name={["application", "offshoreCountry"]} label={t("editor.offshoreCountry")}>
          <CountrySelect />
        </Form.Item>
        <Form.Item name={["application", "region"]} label={t("editor.region")}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={[
              { value: "HK", label: pick("中国香港", "Hong Kong, China") },
              { value: "MO", label: pick("中国澳门", "Macao, China") },
              { value: "TW", label: pick("中国台湾", "Taiwan, China") },
            ]}
          />
        </Form.Item>
      </Space>
      <Form.Item name={["application", "countries", "key"]} label={t("editor.keyCountries")}>
        <CountrySelect mode="multiple" testId="editor-key-countries" />
      </Form.Item>
      <Form.Item name={["application", "countries", "main"]} label={t("editor.mainCountries")}>
        <CountrySelect mode="multiple" testId="editor-main-countries" />
      </Form.Item>
      <Form.Item name={["application", "countries", "radiating"]} label={t("editor.radiatingCountries")}>
        <CountrySelect mode="multiple" testId="editor-radiating-countries" />
      </Form.Item>
      <Form.Item name={["application", "developmentGoals"]} label={t("editor.goals")}>
        <Input.TextArea rows={3} data-testid="editor-goals" />
      </Form.Item>
      <Form.Item name={["application", "operatingMechanism"]} label={t("editor.mechanism")}>
        <Input.TextArea rows={3} data-testid="editor-mechanism" />
      </Form.Item>
      <Space>
        <Form.Item name={["unitFacts", "isIndependentLegalPerson"]} valuePropName="checked">
          <Checkbox data-testid="editor-legal-person">{t("editor.unitLegal")}</Checkbox>
        </Form.Item>
        <Form.Item name={["unitFacts", "inExistence"]} valuePropName="checked">
          <Checkbox data-testid="editor-in-existence">{t("editor.unitExists")}</Checkbox>
        </Form.Item>
      </Space>
    </>
  );
}

export function PartnersSection() {
  const { t } = useI18n();
  return (
    <Rows
      name={["application", "partners"]}
      testId="partner"
      render={(i) => (
        <>
          <Form.Item name={[i, "name"]} label={t("editor.partnerName")}>
            <Input data-testid={`partner-${i}-name`} />
          </Form.Item>
          <Form.Item name={[i, "originalName"]} label={t("editor.partnerOriginal")}>
            <Input />
          </Form.Item>
          <Form.Item name={[i, "country"]} label={t("editor.partnerCountry")}>
            <CountrySelect testId={`partner-${i}-country`} />
          </Form.Item>
          <Form.Item name={[i, "field"]} label={t("editor.partnerField")}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name={[i, "isInternationalOrganization"]} valuePropName="checked">
            <Checkbox>{t("editor.partnerOrg")}</Checkbox>
          </Form.Item>
          <Form.Item name={[i, "headquartersCountry"]} label={t("editor.partnerHq")}>
            <CountrySelect />
          </Form.Item>
          <Form.Item name={[i, "agreement", "start"]} label={t("editor.agreementStart")}>
            <Input {...date} data-testid={`partner-${i}-start`} />
          </Form.Item>
          <Form.Item name={[i, "agreement", "end"]} label={t("editor.agreementEnd")}>
            <Input {...date} data-testid={`partner-${i}-end`} />
          </Form.Item>
        </>
      )}
    />
  );
}

export function DirectorSection({ onDirector }: { onDirector: (person: { id: string; name: string } | null) => void }) {
  const { t, pick } = useI18n();
  const people = useQuery({ queryKey: ["people", "unit"], queryFn: () => peopleApi.list({ page: 1, pageSize: 200 }) });
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={["director", "personId"]} label={t("editor.directorPerson")}>
            <Select
              allowClear
              data-testid="editor-director"
              options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id?: string) => {
                const person = people.data?.items.find((p) => p.id === id);
                onDirector(person ? { id: person.id, name: person.name } : null);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={["director", "title"]} label={t("editor.directorTitle")}>
            <Select
              data-testid="editor-director-title"
              options={[
                { value: "senior", label: pick("正高级", "Full senior") },
                { value: "associate-senior", label: pick("副高级", "Associate senior") },
                { value: "intermediate", label: pick("中级", "Intermediate") },
                { value: "junior", label: pick("初级", "Junior") },
                { value: "other", label: pick("其他", "Other") },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Form.Item name={["director", "fullTime"]} valuePropName="checked">
          <Checkbox data-testid="editor-full-time">{t("editor.fullTime")}</Checkbox>
        </Form.Item>
        <Form.Item name={["director", "fullTimeBasis"]} label={t("editor.fullTimeBasis")}>
          <Select
            style={{ width: 180 }}
            data-testid="editor-full-time-basis"
            options={[
              { value: "social-insurance", label: pick("社保缴纳记录", "Social insurance") },
              { value: "employment-contract", label: pick("人才聘用合同", "Employment contract") },
            ]}
          />
        </Form.Item>
        <Form.Item name={["director", "isResearchLead"]} valuePropName="checked">
          <Checkbox data-testid="editor-research-lead">{t("editor.researchLead")}</Checkbox>
        </Form.Item>
        <Form.Item name={["director", "hasEquivalentAbility"]} valuePropName="checked">
          <Checkbox>{t("editor.equivalent")}</Checkbox>
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t("editor.teamMember")}</Typography.Title>
      <Rows
        name={["application", "team", "members"]}
        testId="member"
        render={(i) => (
          <>
            <Form.Item name={[i, "name"]} label={t("editor.directorName")}>
              <Input data-testid={`member-${i}-name`} />
            </Form.Item>
            <Form.Item name={[i, "role"]} label={t("editor.teamRole")}>
              <Input />
            </Form.Item>
            <Form.Item name={[i, "hasInternationalExperience"]} valuePropName="checked">
              <Checkbox>{t("editor.international")}</Checkbox>
            </Form.Item>
          </>
        )}
      />
    </>
  );
}

function DatedRows({ name, label, testId, level }: { name: string; label: string; testId: string; level?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{label}</Typography.Title>
      <Rows
        name={["application", "evidence", name]}
        testId={testId}
        render={(i) => (
          <>
            <Form.Item name={[i, "title"]} label={t("editor.titleLabel")}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name={[i, "date"]} label={t("editor.date")}>
              <Input {...date} data-testid={`${testId}-${i}-date`} />
            </Form.Item>
            {level ? (
              <Form.Item name={[i, "level"]} label={t("editor.projectLevel")} initialValue="provincial">
                <Select
                  style={{ width: 130 }}
                  options={["national", "ministerial", "provincial", "municipal", "other"].map((value) => ({
                    value,
                    label: value,
                  }))}
                />
              </Form.Item>
            ) : null}
          </>
        )}
      />
    </>
  );
}

export function EvidenceSection() {
  const { t } = useI18n();
  return (
    <>
      <DatedRows name="internationalProjects" label={t("editor.projects")} testId="project" level />
      <DatedRows name="jointPapers" label={t("editor.papers")} testId="paper" />
      <DatedRows name="academicEvents" label={t("editor.events")} testId="event" />
      <DatedRows name="transferProjects" label={t("editor.transferProjects")} testId="transfer" />
      <DatedRows name="transferEvents" label={t("editor.transferEvents")} testId="transfer-event" />
      <Typography.Title level={5}>{t("editor.finance")}</Typography.Title>
      <Rows
        name={["application", "evidence", "finance", "years"]}
        testId="finance"
        render={(i) => (
          <>
            <Form.Item name={[i, "year"]} label={t("editor.year")}>
              <InputNumber min={1990} max={2100} data-testid={`finance-${i}-year`} />
            </Form.Item>
            <Form.Item name={[i, "revenue"]} label={t("editor.revenue")}>
              <InputNumber min={0} data-testid={`finance-${i}-revenue`} />
            </Form.Item>
            <Form.Item name={[i, "rdExpense"]} label={t("editor.rd")}>
              <InputNumber min={0} data-testid={`finance-${i}-rd`} />
            </Form.Item>
          </>
        )}
      />
      <Typography.Title level={5}>{t("editor.ip")}</Typography.Title>
      <Rows
        name={["application", "evidence", "ownIntellectualProperty"]}
        testId="ip"
        render={(i) => (
          <Form.Item name={[i, "title"]} label={t("editor.titleLabel")}>
            <Input style={{ width: 320 }} data-testid={`ip-${i}-title`} />
          </Form.Item>
        )}
      />
      <Form.Item name={["application", "evidence", "transferServiceTeam", "size"]} label={t("editor.transferTeam")}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name={["application", "evidence", "cooperationResults"]} label={t("editor.results")}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Form.Item name={["application", "evidence", "overseasPremises", "hasFixedPremises"]} valuePropName="checked">
          <Checkbox>{t("editor.premises")}</Checkbox>
        </Form.Item>
        <Form.Item name={["application", "evidence", "overseasPremises", "address"]} label={t("editor.premises")}>
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name={["application", "evidence", "overseasStaff", "count"]} label={t("editor.staff")}>
          <InputNumber min={0} />
        </Form.Item>
      </Space>
    </>
  );
}

export function AttestationSection() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={["application", "attestations", "truthful"]} valuePropName="checked">
        <Checkbox data-testid="attest-truthful">{t("editor.attestTruthful")}</Checkbox>
      </Form.Item>
      <Form.Item name={["application", "attestations", "noStateSecrets"]} valuePropName="checked">
        <Checkbox data-testid="attest-secrets">{t("editor.attestSecrets")}</Checkbox>
      </Form.Item>
      <Form.Item name={["application", "attestations", "partnersNoObjection"]} valuePropName="checked">
        <Checkbox data-testid="attest-partners">{t("editor.attestPartners")}</Checkbox>
      </Form.Item>
      <Form.Item name={["application", "nationalPlatformDifference"]} label={t("editor.difference")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}
