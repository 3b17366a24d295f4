import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useCallback } from "react";
import { referenceApi } from "../api/endpoints";
import { useI18n } from "../i18n/I18nProvider";

/** The reference countries (ISO 3166; HK/MO/TW shown as 中国香港/中国澳门/中国台湾, Art. 30), fetched once an hour. */
function useCountryList() {
  return useQuery({ queryKey: ["reference", "countries"], queryFn: referenceApi.countries, staleTime: 3_600_000 });
}

/** Country options for a select, labelled in the current language with the code. */
export function useCountries() {
  const { pick } = useI18n();
  return (useCountryList().data ?? []).map((c) => ({ value: c.code, label: `${pick(c.nameZh, c.nameEn)} ${c.code}` }));
}

/** A country's display name from its code (the code itself until the list has loaded, or when it is unknown). */
export function useCountryName() {
  const { pick } = useI18n();
  const countries = useCountryList().data;
  return useCallback(
    (code: string) => {
      const country = countries?.find((c) => c.code === code);
      return country ? pick(country.nameZh, country.nameEn) : code;
    },
    [countries, pick],
  );
}

/** One country, or several with `mode="multiple"`, searchable by name or code. */
export function CountrySelect(props: {
  mode?: "multiple";
  testId?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  style?: React.CSSProperties;
}) {
  const { testId, style, ...rest } = props;
  const options = useCountries();
  return (
    <Select
      {...rest}
      showSearch
      allowClear
      optionFilterProp="label"
      options={options}
      style={{ minWidth: 220, ...style }}
      data-testid={testId}
    />
  );
}
