import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Flex } from "antd";
import { useState } from "react";
import { unitsApi } from "../../api/endpoints";
import type { Unit } from "../../api/types";
import { ReasonModal } from "../../components/ReasonModal";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

type Decision = "confirm" | "reject" | "confirm-uscc";

/**
 * Buttons for what the server says the caller may do on this unit (`abilities`): confirm or reject a registration
 * (unit.confirm), edit and confirm a mismatching USCC (unit.manage).
 */
export function UnitActions({ unit, onEdit }: { unit: Unit; onEdit: (unit: Unit) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [decision, setDecision] = useState<Decision | null>(null);
  const can = (ability: string) => unit.abilities.includes(ability);

  const decide = useMutation({
    mutationFn: async ({ kind, reason }: { kind: Decision; reason?: string }) => {
      if (kind === "confirm") await unitsApi.confirm(unit.id, reason);
      else if (kind === "reject") await unitsApi.reject(unit.id, reason ?? "");
      else await unitsApi.confirmUscc(unit.id, reason);
    },
    onSuccess: (_, { kind }) => {
      feedback.done(t(`units.done.${kind}`));
      setDecision(null);
      void client.invalidateQueries({ queryKey: ["units"] });
      void client.invalidateQueries({ queryKey: ["unit", unit.id] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
    },
    onError: (error) => feedback.fail(error),
  });

  const pending = unit.status === "pending";
  const usccToConfirm = unit.usccCheck === "checksum-mismatch" && !unit.usccConfirmed;
  return (
    <Flex gap={8} wrap>
      {can("unit.confirm") && pending ? (
        <Button type="primary" onClick={() => setDecision("confirm")} data-testid="unit-confirm">
          {t("units.confirm")}
        </Button>
      ) : null}
      {can("unit.confirm") && pending ? (
        <Button danger onClick={() => setDecision("reject")} data-testid="unit-reject">
          {t("units.reject")}
        </Button>
      ) : null}
      {can("unit.manage") && usccToConfirm ? (
        <Button onClick={() => setDecision("confirm-uscc")} data-testid="unit-confirm-uscc">
          {t("units.confirmUscc")}
        </Button>
      ) : null}
      {can("unit.manage") ? (
        <Button onClick={() => onEdit(unit)} data-testid="unit-edit">
          {t("action.edit")}
        </Button>
      ) : null}
      <ReasonModal
        open={decision !== null}
        title={decision ? t(`units.decision.${decision}`) : ""}
        description={decision ? t(`units.decisionText.${decision}`, { name: unit.name }) : undefined}
        required={decision === "reject"}
        danger={decision === "reject"}
        loading={decide.isPending}
        onCancel={() => setDecision(null)}
        onSubmit={(reason) => decision && decide.mutate({ kind: decision, reason })}
      />
    </Flex>
  );
}
