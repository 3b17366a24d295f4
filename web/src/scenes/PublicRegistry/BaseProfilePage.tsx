import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Tag } from "antd";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { type PublicBase, registryApi } from "./registry-api";

/** One base's public profile: open data, the director's name and nothing else personal. */
export function BaseProfilePage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const base = useQuery({ queryKey: ["registry-base", id], queryFn: () => registryApi.get(id) });
  const names = (list: PublicBase["countries"]["key"]) => list.map((c) => pick(c.nameZh, c.nameEn)).join("、") || "—";
  const data = base.data;
  return (
    <PublicPage>
      <PageHeader
        title={data?.name ?? t("registry.title")}
        extra={
          <Link to="/registry">
            <Button data-testid="registry-back">{t("registry.back")}</Button>
          </Link>
        }
      />
      <Card loading={base.isLoading}>
        {base.isError ? <QueryError error={base.error} onRetry={() => base.refetch()} /> : null}
        {data ? (
          <Descriptions column={{ xs: 1, md: 2 }} bordered data-testid="registry-profile">
            <Descriptions.Item label={t("registry.name")} span={2}>
              {data.name} {data.isKey ? <Tag color="gold">{t("registry.key")}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t("registry.unit")}>{data.unit}</Descriptions.Item>
            <Descriptions.Item label={t("registry.director")}>{data.director || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("registry.type")}>{pick(data.typeZh, data.typeEn)}</Descriptions.Item>
            <Descriptions.Item label={t("registry.field")}>{pick(data.field, data.fieldEn)}</Descriptions.Item>
            <Descriptions.Item label={t("registry.division")}>
              {pick(data.divisionZh, data.divisionEn)}
            </Descriptions.Item>
            <Descriptions.Item label={t("registry.status")}>{pick(data.statusZh, data.statusEn)}</Descriptions.Item>
            <Descriptions.Item label={t("registry.keyCountries")}>{names(data.countries.key)}</Descriptions.Item>
            <Descriptions.Item label={t("registry.mainCountries")}>{names(data.countries.main)}</Descriptions.Item>
            <Descriptions.Item label={t("registry.radiatingCountries")} span={2}>
              {names(data.countries.radiating)}
            </Descriptions.Item>
            <Descriptions.Item label={t("registry.recognizedOn")}>{data.recognizedOn}</Descriptions.Item>
            <Descriptions.Item label={t("registry.documentNumber")}>{data.documentNumber}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
    </PublicPage>
  );
}
