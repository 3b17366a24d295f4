import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result, Spin } from "antd";
import { useEffect } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { errorMessage, isApiError } from "../../api/errors";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { type VerificationResult, verifyApi } from "./verify-api";

/**
 * The public check of a printed document (SPEC §6), no sign-in: `/verify` asks for the code printed in the footer;
 * `/verify/:code` (what the QR code opens, with the digest in `?d=`) shows what the platform's register says.
 */
export function VerifyPage() {
  const { code = "" } = useParams();
  const [params] = useSearchParams();
  const digest = params.get("d") ?? undefined;
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  // Back and forward move between codes: the field shows the one whose result is on screen.
  useEffect(() => form.setFieldsValue({ code }), [form, code]);

  return (
    <PublicPage>
      <PageHeader
        title={t("verify.title")}
        intro={t("verify.intro")}
        extra={
          <>
            <Link to="/registry">
              <Button>{t("verify.registry")}</Button>
            </Link>
            <Link to="/login">
              <Button>{t("verify.login")}</Button>
            </Link>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ code }}
          onFinish={(values) => {
            const typed = values.code.trim();
            if (typed) navigate(`/verify/${encodeURIComponent(typed)}`);
          }}
        >
          <Form.Item name="code" label={t("verify.code")} style={{ flex: "1 1 320px", maxWidth: 480 }}>
            <Input
              placeholder={t("verify.codePlaceholder")}
              autoComplete="off"
              spellCheck={false}
              autoFocus={!code}
              data-testid="verify-code"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="verify-submit">
              {t("verify.submit")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {code ? <VerifyResult key={`${code}|${digest ?? ""}`} code={code} digest={digest} /> : null}
    </PublicPage>
  );
}

function VerifyResult({ code, digest }: { code: string; digest: string | undefined }) {
  const { t, language } = useI18n();
  const check = useQuery({ queryKey: ["verify", code, digest], queryFn: () => verifyApi.check(code, digest) });

  if (check.isLoading) {
    return (
      <Card>
        <Flex justify="center">
          <Spin />
        </Flex>
      </Card>
    );
  }
  if (check.isError) {
    const error = check.error;
    if (isApiError(error) && (error.status === 404 || error.status === 422)) {
      return (
        <Card data-testid="verify-result">
          <Result
            status={error.status === 404 ? "warning" : "error"}
            title={error.status === 404 ? t("verify.notFound") : t("verify.invalid")}
            subTitle={error.status === 404 ? t("verify.notFoundHint") : errorMessage(error, language)}
          />
        </Card>
      );
    }
    return <QueryError error={error} onRetry={() => check.refetch()} />;
  }
  return check.data ? <Verified result={check.data} /> : null;
}

function Verified({ result }: { result: VerificationResult }) {
  const { t, pick, dateTime } = useI18n();
  const mismatch = result.digestMatches === false;
  return (
    <Card data-testid="verify-result">
      <Result
        status={mismatch ? "warning" : "success"}
        title={mismatch ? t("verify.digestMismatch") : t("verify.passed")}
        subTitle={mismatch ? t("verify.digestMismatchHint") : t("verify.passedHint")}
        style={{ paddingBottom: 8 }}
      />
      {result.digestMatches === true ? (
        <Alert type="success" showIcon title={t("verify.digestMatched")} style={{ marginBottom: 16 }} />
      ) : null}
      <Descriptions column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t("verify.code")}>{result.code}</Descriptions.Item>
        <Descriptions.Item label={t("verify.kind")}>{pick(result.kindLabelZh, result.kindLabelEn)}</Descriptions.Item>
        <Descriptions.Item label={t("verify.documentTitle")} span={2}>
          {result.title}
        </Descriptions.Item>
        <Descriptions.Item label={t("verify.issuer")} span={2}>
          {result.issuer}
        </Descriptions.Item>
        <Descriptions.Item label={t("verify.firstGeneratedAt")}>{dateTime(result.firstGeneratedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("verify.lastGeneratedAt")}>{dateTime(result.lastGeneratedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
