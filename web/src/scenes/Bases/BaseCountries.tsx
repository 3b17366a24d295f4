import { Descriptions, Flex, Tag } from "antd";
import type { BaseDetail } from "../../api/bases";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

const tiers: Array<{ key: keyof BaseDetail["countries"]; label: MessageKey; color: string }> = [
  { key: "key", label: "bases.keyCountries", color: "geekblue" },
  { key: "main", label: "bases.mainCountries", color: "blue" },
  { key: "radiating", label: "bases.radiatingCountries", color: "default" },
];

/** The base's key, main and radiating partner countries (Art. 13), by name. */
export function BaseCountries({ base }: { base: BaseDetail }) {
  const { t, pick } = useI18n();
  return (
    <Descriptions
      column={1}
      bordered
      size="middle"
      styles={{ label: { whiteSpace: "nowrap", width: 200 } }}
      data-testid="base-countries"
    >
      {tiers.map((tier) => (
        <Descriptions.Item key={tier.key} label={t(tier.label)}>
          {base.countries[tier.key].length === 0 ? (
            "—"
          ) : (
            <Flex gap={4} wrap>
              {base.countries[tier.key].map((code) => {
                const name = base.countryNames[code];
                return (
                  <Tag key={code} color={tier.color}>
                    {name ? pick(name.nameZh, name.nameEn) : code}
                  </Tag>
                );
              })}
            </Flex>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
