import { SafetyOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Flex } from "antd";
import { auditApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/** GET /api/audit/verify: recomputes the HMAC-SM3 chain and names the first broken entry, if any. */
export function VerifyChain() {
  const me = useSession();
  const { t, number } = useI18n();
  const feedback = useFeedback();
  const verify = useMutation({ mutationFn: auditApi.verify, onError: (error) => feedback.fail(error) });
  if (!hasAbility(me, "audit.verify")) return null;
  const verdict = verify.data;
  return (
    <Flex gap={8} align="center" wrap>
      {verdict ? (
        <Alert
          type={verdict.ok ? "success" : "error"}
          showIcon
          data-testid="audit-verdict"
          title={
            verdict.ok
              ? t("audit.chainOk", { n: number(verdict.checked) })
              : t("audit.chainBroken", {
                  n: number(verdict.checked),
                  seq: verdict.firstBroken?.seq ?? "?",
                  reason: verdict.firstBroken?.reason ?? "",
                })
          }
          style={{ paddingBlock: 4 }}
        />
      ) : null}
      <Button
        icon={<SafetyOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t("audit.verify")}
      </Button>
    </Flex>
  );
}
