import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex } from "antd";
import { useNavigate } from "react-router";
import { authApi } from "../../api/endpoints";
import { meKey, useSession, useSetMe } from "../../api/session";
import { PublicPage } from "../../components/PublicPage";
import { useI18n } from "../../i18n/I18nProvider";
import { ChangePasswordForm } from "./ChangePasswordForm";

/** An account flagged mustChangePassword sees only this until the password is changed. */
export function ForcedPasswordChange() {
  const me = useSession();
  const { t } = useI18n();
  const client = useQueryClient();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      setMe(null);
      navigate("/login", { replace: true });
    },
  });
  return (
    <PublicPage>
      <Flex justify="center">
        <Card
          title={t("password.forcedTitle")}
          style={{ width: 480, maxWidth: "100%" }}
          extra={
            <Button type="link" onClick={() => logout.mutate()}>
              {t("action.logout")}
            </Button>
          }
          data-testid="forced-password"
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("password.forcedText", { name: me.user.displayName })}
          />
          <ChangePasswordForm
            onDone={() => {
              void client.invalidateQueries({ queryKey: meKey });
              navigate("/", { replace: true });
            }}
          />
        </Card>
      </Flex>
    </PublicPage>
  );
}
