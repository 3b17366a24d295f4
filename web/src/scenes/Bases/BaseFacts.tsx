import { Descriptions, Tag } from "antd";
import type { BaseDetail } from "../../api/bases";
import { useI18n } from "../../i18n/I18nProvider";
import { BaseStatusTag } from "./BaseStatusTag";

/** A base's facts as the registry holds them: name, unit, type, director, status, recognition and its origin. */
export function BaseFacts({ base }: { base: BaseDetail }) {
  const { t, pick, date } = useI18n();
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      bordered
      size="middle"
      styles={{ label: { whiteSpace: "nowrap", width: 120 } }}
      data-testid="base-facts"
    >
      <Descriptions.Item label={t("bases.name")} span={2}>
        {base.standardName} {base.isKey ? <Tag color="gold">{t("bases.key")}</Tag> : null}
        {base.isOffshore ? <Tag color="cyan">{t("bases.offshore")}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t("bases.unit")}>{base.unitName}</Descriptions.Item>
      <Descriptions.Item label={t("bases.recommender")}>{base.recommenderName}</Descriptions.Item>
      <Descriptions.Item label={t("bases.type")}>{pick(base.typeZh, base.typeEn)}</Descriptions.Item>
      <Descriptions.Item label={t("bases.field")}>{base.field}</Descriptions.Item>
      <Descriptions.Item label={t("bases.director")}>{base.directorName || "—"}</Descriptions.Item>
      <Descriptions.Item label={t("bases.status")}>
        <BaseStatusTag base={base} />
        {base.statusChangedOn && base.statusChangedOn !== base.recognizedOn ? (
          <span>
            {t("bases.statusChangedOn")}：{date(base.statusChangedOn)}
          </span>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t("bases.recognizedOn")}>{date(base.recognizedOn)}</Descriptions.Item>
      <Descriptions.Item label={t("bases.documentNumber")}>{base.documentNumber}</Descriptions.Item>
      <Descriptions.Item label={t("bases.origin")}>{pick(base.originZh, base.originEn)}</Descriptions.Item>
      <Descriptions.Item label={t("bases.edition")}>{pick(base.editionZh, base.editionEn)}</Descriptions.Item>
    </Descriptions>
  );
}
