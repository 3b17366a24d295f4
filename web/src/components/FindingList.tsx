import { List, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nProvider";
import { ArticleRef } from "./ArticleRef";

/** One eligibility finding as the server's rules returned it (policy/eligibility/findings.ts). */
export interface FindingItem {
  ruleId: string;
  article: string;
  verdict: "pass" | "fail" | "soft" | "judgement" | "attested" | "missing";
  messageZh: string;
  messageEn: string;
}

const colors: Record<FindingItem["verdict"], string> = {
  pass: "green",
  fail: "red",
  soft: "orange",
  judgement: "blue",
  attested: "cyan",
  missing: "gold",
};

/**
 * The one renderer of eligibility findings (the applicant's editor, the expert's materials): the verdict as a tag,
 * the article (linked to its text on /policy) and the message in the UI's language — shown as decided, never re-derived.
 */
export function FindingList({ findings, empty }: { findings: readonly FindingItem[]; empty?: ReactNode }) {
  const { t, pick } = useI18n();
  return (
    <List
      size="small"
      dataSource={[...findings]}
      locale={empty ? { emptyText: empty } : undefined}
      renderItem={(finding) => (
        <List.Item data-testid={`finding-${finding.ruleId}`}>
          <Space align="start">
            <Tag color={colors[finding.verdict]}>{t(`verdict.${finding.verdict}` as MessageKey)}</Tag>
            <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
              <ArticleRef article={finding.article} />
            </Typography.Text>
            <span>{pick(finding.messageZh, finding.messageEn)}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}
