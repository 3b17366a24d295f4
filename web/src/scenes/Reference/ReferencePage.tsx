import { Card, Tabs } from "antd";
import { PageHeader } from "../../components/PageHeader";
import { useI18n } from "../../i18n/I18nProvider";
import { BeltAndRoadTab } from "./BeltAndRoadTab";
import { CountriesTab } from "./CountriesTab";
import { FieldsTab } from "./FieldsTab";
import { HolidayYearsTab } from "./HolidayYearsTab";
import { StaticListsTab } from "./StaticListsTab";

/**
 * Reference data (SPEC §2): officers edit the fields, the 一带一路 list and the public-holiday years; the rest ships
 * with the platform.
 */
export function ReferencePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("nav.reference")} intro={t("reference.intro")} />
      <Card>
        <Tabs
          items={[
            { key: "fields", label: t("reference.fields"), children: <FieldsTab /> },
            { key: "bri", label: t("reference.bri"), children: <BeltAndRoadTab /> },
            { key: "countries", label: t("reference.countries"), children: <CountriesTab /> },
            { key: "holidays", label: t("holidays.tab"), children: <HolidayYearsTab /> },
            { key: "static", label: t("reference.static"), children: <StaticListsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
