import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Input, Table } from "antd";
import { useState } from "react";
import { peopleApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import type { Person } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { titleLabel } from "../../components/reference-labels";
import { useI18n } from "../../i18n/I18nProvider";
import { PersonFormModal } from "./PersonFormModal";

/** People in scope. Phone and ID number arrive masked from the API and are shown exactly so. */
export function PeoplePage() {
  const me = useSession();
  const { t, language, number } = useI18n();
  const [q, setQ] = useState("");
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [form, setForm] = useState<{ person: Person | null } | null>(null);
  const list = useQuery({
    queryKey: ["people", { q, ...page }],
    queryFn: () => peopleApi.list({ q: q || undefined, page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });
  const dash = (value: string | null) => value || "—";

  return (
    <>
      <PageHeader
        title={t("nav.people")}
        intro={t("people.intro")}
        extra={
          hasAbility(me, "person.manage") ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ person: null })}
              data-testid="person-create"
            >
              {t("people.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder={t("people.searchPlaceholder")}
          style={{ width: 320, marginBottom: 16 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Person>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1060 }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          columns={[
            { title: t("person.name"), dataIndex: "name", fixed: "left", width: 90 },
            {
              title: t("person.title"),
              dataIndex: "title",
              width: 80,
              render: (v: string) => titleLabel(v, language),
            },
            { title: t("person.unit"), dataIndex: "unitName", width: 190, render: dash },
            { title: t("person.employer"), dataIndex: "employerName", width: 190, render: dash },
            { title: t("person.email"), dataIndex: "email", width: 150, render: dash },
            { title: t("person.phone"), dataIndex: "phone", width: 120, render: dash },
            { title: t("person.idNumber"), dataIndex: "idNumber", width: 180, render: dash },
            {
              title: t("table.actions"),
              key: "actions",
              fixed: "right",
              width: 80,
              render: (_, person) =>
                person.abilities.includes("person.manage") ? (
                  <Button size="small" onClick={() => setForm({ person })} data-testid={`person-edit-${person.id}`}>
                    {t("action.edit")}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <PersonFormModal state={form} onClose={() => setForm(null)} />
    </>
  );
}
