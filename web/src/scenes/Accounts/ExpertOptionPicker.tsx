import { useQuery } from "@tanstack/react-query";
import { Flex, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { ExpertStatusTag } from "../Experts/ExpertStatusTag";
import { useFieldLabel } from "../Experts/use-field-label";
import { type ExpertOption, expertLinkApi } from "./expert-link-api";

/**
 * 关联专家库人员: searches GET /api/accounts/expert-options (pool experts without an account; no phones or ID
 * numbers) by name or unit. `onPicked` hands the chosen expert back, e.g. to fill in the account's name.
 */
export function ExpertOptionPicker({
  value,
  onChange,
  onPicked,
  id,
  testId = "account-expert",
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  onPicked?: (expert: ExpertOption | null) => void;
  id?: string;
  /** The create form's picker is `account-expert`; the link modal (rendered alongside) names its own. */
  testId?: string;
}) {
  const { t, pick } = useI18n();
  const fieldLabel = useFieldLabel();
  const [search, setSearch] = useState("");
  const options = useQuery({
    queryKey: ["account-expert-options", search],
    queryFn: () => expertLinkApi.options(search),
  });
  const items = options.data ?? [];
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next?: string) => {
        onChange?.(next ?? null);
        onPicked?.(items.find((expert) => expert.id === next) ?? null);
      }}
      allowClear
      placeholder={t("account.expertPlaceholder")}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? null : t("account.expertNone")}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={items.map((expert) => ({
        value: expert.id,
        label: `${expert.name}（${expert.unitName}）`,
        expert,
      }))}
      optionRender={(option) => {
        const expert = option.data.expert;
        return (
          <Flex vertical gap={2}>
            <Flex gap={8} align="center">
              <Typography.Text strong>{expert.name}</Typography.Text>
              <Typography.Text type="secondary">{pick(expert.titleZh, expert.titleEn)}</Typography.Text>
              {expert.status !== "active" ? <ExpertStatusTag status={expert.status} /> : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {expert.unitName}
            </Typography.Text>
            <Flex gap={4} wrap>
              {expert.fields.map((field) => (
                <Tag key={field} style={{ marginInlineEnd: 0 }}>
                  {fieldLabel(field)}
                </Tag>
              ))}
            </Flex>
          </Flex>
        );
      }}
    />
  );
}
