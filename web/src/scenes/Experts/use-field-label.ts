import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { referenceApi } from "../../api/endpoints";
import { useI18n } from "../../i18n/I18nProvider";

/** Experts store fields (领域) by their Chinese name; this shows them in the UI language from the live list. */
export function useFieldLabel(): (name: string) => string {
  const { pick } = useI18n();
  const bundle = useQuery({ queryKey: ["reference", "bundle"], queryFn: referenceApi.bundle, staleTime: 3_600_000 });
  const fields = bundle.data?.fields;
  return useCallback(
    (name: string) => {
      const field = fields?.find((f) => f.nameZh === name);
      return field ? pick(field.nameZh, field.nameEn) : name;
    },
    [fields, pick],
  );
}
