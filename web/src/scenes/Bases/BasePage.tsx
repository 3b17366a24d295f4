import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Row } from "antd";
import { Link, useParams } from "react-router";
import { basesApi } from "../../api/bases";
import { dossiersApi } from "../../api/dossiers";
import { DossierButton } from "../../components/DossierButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { AlliancesCard } from "./AlliancesCard";
import { BaseCountries } from "./BaseCountries";
import { BaseFacts } from "./BaseFacts";
import { BaseReportsTable } from "./BaseReportsTable";
import { BaseTimeline } from "./BaseTimeline";
import { ChangeReportsCard } from "./ChangeReportsCard";
import { NationalStatusCard } from "./NationalStatusCard";
import { RevocationCard } from "./RevocationCard";
import { WorkPlanCard } from "./WorkPlanCard";

/** One base's page: its facts and countries, its timeline (跟踪监测, Art. 16.3) and its annual reports. */
export function BasePage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const query = useQuery({ queryKey: ["bases", "detail", id], queryFn: () => basesApi.get(id) });
  const base = query.data;
  return (
    <>
      <PageHeader
        title={base?.standardName ?? t("nav.bases")}
        extra={
          <>
            {base ? <DossierButton href={dossiersApi.baseUrl(base.id)} /> : null}
            <Link to="/bases">
              <Button data-testid="base-back">{t("bases.back")}</Button>
            </Link>
          </>
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.isLoading ? <Card loading /> : null}
      {base ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card title={t("bases.facts")}>
              <BaseFacts base={base} />
            </Card>
            <Card title={t("bases.countries")} style={{ marginTop: 16 }}>
              <BaseCountries base={base} />
            </Card>
            <Card title={t("bases.reports")} style={{ marginTop: 16 }}>
              <BaseReportsTable reports={base.annualReports} />
            </Card>
            <WorkPlanCard baseId={base.id} firstYear={Number(base.recognizedOn.slice(0, 4))} />
            <ChangeReportsCard baseId={base.id} />
          </Col>
          <Col xs={24} xl={8}>
            <Card title={t("bases.timeline")}>
              <BaseTimeline entries={base.timeline} />
            </Card>
            <RevocationCard baseId={base.id} />
            <NationalStatusCard baseId={base.id} />
            <AlliancesCard baseId={base.id} />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
