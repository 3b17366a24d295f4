import { useQuery } from "@tanstack/react-query";
import { Card, Skeleton } from "antd";
import { unitsApi } from "../../api/endpoints";
import { useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { UnitDescriptions, unitKey } from "../Units/UnitDrawer";
import { UnitAccounts } from "./UnitAccounts";

/** The caller's own host unit (jurisdiction.unitId); its administrator also manages the unit's accounts. */
export function MyUnitPage() {
  const me = useSession();
  const { t } = useI18n();
  const unitId = me.jurisdiction.unitId ?? "";
  const unit = useQuery({ queryKey: unitKey(unitId), queryFn: () => unitsApi.get(unitId), enabled: Boolean(unitId) });
  const isAdmin = me.user.isUnitAdmin && Boolean(unit.data?.abilities.includes("unit-account.manage"));

  return (
    <>
      <PageHeader title={t("nav.myUnit")} intro={t("myUnit.intro")} />
      <Card title={unit.data?.name ?? t("myUnit.details")} style={{ marginBottom: 16 }}>
        {unit.isPending ? <Skeleton active /> : null}
        {unit.isError ? <QueryError error={unit.error} onRetry={() => unit.refetch()} /> : null}
        {unit.data ? <UnitDescriptions unit={unit.data} /> : null}
      </Card>
      {isAdmin ? <UnitAccounts unitId={unitId} /> : null}
    </>
  );
}
