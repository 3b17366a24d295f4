import { useQuery } from "@tanstack/react-query";
import { Card, Segmented } from "antd";
import { useState } from "react";
import { applicationsApi } from "../../api/recognition";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ApplicationTable } from "../Applications/ApplicationsPage";

const states = ["recommended", "correction-requested", "formal-review-passed"] as const;

/** The officer's formal review (Art. 14.2): recommended applications; each opens with its checklist actions. */
export function FormalReviewPage() {
  const { t, pick, dateTime } = useI18n();
  const [state, setState] = useState<(typeof states)[number]>("recommended");
  const list = useQuery({
    queryKey: ["applications", "formal", state],
    queryFn: () => applicationsApi.list({ state, pageSize: 200 }),
  });
  return (
    <>
      <PageHeader title={t("nav.formalReview")} intro={t("formal.intro")} />
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={state}
          onChange={(value) => setState(value as (typeof states)[number])}
          options={[
            { value: "recommended", label: pick("待形式审查", "To review") },
            { value: "correction-requested", label: pick("退回补正中", "Awaiting correction") },
            { value: "formal-review-passed", label: pick("已通过，待送审", "Passed, to send") },
          ]}
          data-testid="formal-state"
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <ApplicationTable items={list.data?.items} loading={list.isFetching} pick={pick} t={t} dateTime={dateTime} />
      </Card>
    </>
  );
}
