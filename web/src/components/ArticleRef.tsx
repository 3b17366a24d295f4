import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider";
import { articleHref, articleLabel } from "./article-label";

/**
 * The one way the UI cites the measures: 第二十条第（六）项 / Art. 20.6, linked to that article or item of the text
 * on /policy (a new tab, so a form or a review in progress stays where it is). `children` replace the label.
 */
export function ArticleRef({ article, children }: { article: string; children?: ReactNode }) {
  const { language } = useI18n();
  return (
    <a
      href={articleHref(article)}
      target="_blank"
      rel="noopener"
      data-testid={`article-ref-${article}`}
      style={{ whiteSpace: "nowrap" }}
    >
      {children ?? articleLabel(article, language)}
    </a>
  );
}
