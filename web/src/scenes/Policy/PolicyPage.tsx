import { Alert, Card, Descriptions, Flex, Typography } from "antd";
import { useEffect } from "react";
import { useLocation } from "react-router";
import { type Article, chapters2025 } from "../../../../policy/measures/articles-2025";
import { edition2025 } from "../../../../policy/measures/editions";
import { articleAnchor, articleLabel, chineseNumeral } from "../../components/article-label";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { useI18n } from "../../i18n/I18nProvider";

const edition = edition2025;
const highlight = { background: "#fff7e0", boxShadow: "0 0 0 6px #fff7e0", borderRadius: 2 };

/**
 * 政策文件: the measures (鄂科技规〔2025〕6号) rendered from the edition data in policy/measures — the same
 * articles the rules cite — with an anchor per article (#art-14) and per item (#art-14-2). In English the numbers
 * and chapter titles are English and each article carries our one-line summary; the text stays Chinese, the
 * authoritative one.
 */
export function PolicyPage() {
  const { t, date, language } = useI18n();
  const { hash } = useLocation();
  const target = decodeURIComponent(hash.replace(/^#/, ""));

  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.scrollIntoView({ block: "start" });
  }, [target]);

  return (
    <PublicPage>
      <PageHeader title={`《${edition.titleZh}》`} intro={t("publicSite.policy.intro")} />
      {language === "en" ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("publicSite.policy.authoritative")}
          data-testid="policy-authoritative"
        />
      ) : null}
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: "number", label: t("publicSite.policy.documentNumber"), children: edition.documentNumber },
            { key: "issued", label: t("publicSite.policy.issuedOn"), children: date(edition.issuedOn) },
            { key: "effective", label: t("publicSite.policy.effectiveFrom"), children: date(edition.effectiveFrom) },
            { key: "valid", label: t("publicSite.policy.validUntil"), children: date(edition.validUntil) },
            { key: "replaces", label: t("publicSite.policy.replaces"), children: edition.replaces },
          ]}
        />
        <Flex component="nav" wrap gap="4px 16px" style={{ margin: "12px 0 4px" }} data-testid="policy-contents">
          {chapters2025.map((chapter) => (
            <a key={chapter.chapter} href={`#chapter-${chapter.chapter}`}>
              {chapterTitle(chapter, language)}
            </a>
          ))}
        </Flex>
      </Card>
      <Card style={{ marginTop: 16 }} data-testid="policy-text">
        {chapters2025.map((chapter) => (
          <section key={chapter.chapter} id={`chapter-${chapter.chapter}`} style={{ scrollMarginTop: 16 }}>
            <Typography.Title level={4} style={{ textAlign: "center", marginTop: 24 }}>
              {chapterTitle(chapter, language)}
            </Typography.Title>
            {edition.articles
              .filter((article) => article.chapter === chapter.chapter)
              .map((article) => (
                <ArticleText key={article.id} article={article} target={target} />
              ))}
          </section>
        ))}
      </Card>
    </PublicPage>
  );
}

function chapterTitle(chapter: (typeof chapters2025)[number], language: "zh" | "en"): string {
  return language === "en"
    ? `Chapter ${chapter.chapter} ${chapter.titleEn}`
    : `第${chineseNumeral(chapter.chapter)}章 ${chapter.titleZh}`;
}

/**
 * One article: its lead paragraph and its items, each line of the text as published; a line "N." that is an item
 * of the article carries the item's anchor.
 */
function ArticleText({ article, target }: { article: Article; target: string }) {
  const { language } = useI18n();
  const anchor = articleAnchor(article.id);
  const lines = article.textZh.split("\n").filter((line) => line.trim() !== "");
  const heading = language === "en" ? `Article ${article.id}` : articleLabel(article.id, "zh");
  return (
    <div
      id={anchor}
      data-testid={anchor}
      style={{ scrollMarginTop: 16, margin: "12px 0", ...(target === anchor ? highlight : {}) }}
    >
      {language === "en" ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <Typography.Text strong>{heading}</Typography.Text>{" "}
          <Typography.Text type="secondary">{article.summaryEn}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {lines.map((line) => {
        const number = /^(\d+)\./.exec(line)?.[1];
        const item = number ? article.items.find((candidate) => candidate.id === `${article.id}.${number}`) : undefined;
        if (item) {
          const itemAnchor = articleAnchor(item.id);
          return (
            <Typography.Paragraph
              key={item.id}
              id={itemAnchor}
              data-testid={itemAnchor}
              style={{
                paddingInlineStart: "2em",
                scrollMarginTop: 16,
                lineHeight: 1.9,
                ...(target === itemAnchor ? highlight : {}),
              }}
            >
              {line}
            </Typography.Paragraph>
          );
        }
        return (
          <Typography.Paragraph key={line} style={{ textIndent: "2em", lineHeight: 1.9 }}>
            {line === lines[0] && language === "zh" ? <Typography.Text strong>{heading} </Typography.Text> : null}
            {line}
          </Typography.Paragraph>
        );
      })}
    </div>
  );
}
