import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { basesApi } from "../../api/bases";

/** Bases in the series (active or in rectification), by name, for the alliance forms; the server decides the rest. */
export function BaseSelect({
  value,
  onChange,
  testId,
  only,
}: {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
  /** Offer only these bases (the current members, when choosing a lead base). */
  only?: ReadonlyArray<{ id: string; name: string }>;
}) {
  const query = useQuery({
    queryKey: ["bases", "alliance-options"],
    queryFn: () => basesApi.list({ page: 1, pageSize: 200 }),
    enabled: !only,
  });
  const options = only
    ? only.map((base) => ({ value: base.id, label: base.name }))
    : (query.data?.items ?? [])
        .filter((base) => base.status === "active" || base.status === "rectifying")
        .map((base) => ({ value: base.id, label: `${base.standardName}（${base.unitName}）` }));
  return (
    <Select
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      options={options}
      loading={query.isLoading}
      data-testid={testId}
    />
  );
}
