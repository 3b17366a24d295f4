import { Empty, Flex, Timeline, Typography } from "antd";
import { grades } from "../../../../policy/grading/grade";
import type { BaseTimelineEntry } from "../../api/bases";
import { ArticleRef } from "../../components/ArticleRef";
import { useI18n } from "../../i18n/I18nProvider";

const colors: Partial<Record<BaseTimelineEntry["kind"], string>> = {
  recognized: "green",
  imported: "green",
  "report-returned": "orange",
  "report-not-submitted": "red",
  "report-withdrawn": "red",
  "revocation-proposed": "red",
  "revocation-opened": "red",
  revoked: "red",
  "exited-national": "gray",
  "change-returned": "orange",
};

/** What happened to the base, oldest first: its recognition or import, then each stored event, dated as offices write. */
export function BaseTimeline({ entries }: { entries: BaseTimelineEntry[] }) {
  const { t, pick, date } = useI18n();
  if (entries.length === 0) return <Empty description={t("bases.timelineEmpty")} />;
  const details = (entry: BaseTimelineEntry) => {
    const lines: string[] = [];
    if (entry.data.year !== undefined) lines.push(t("bases.entry.year", { year: entry.data.year }));
    if (entry.data.documentNumber) {
      // The first entry is the base's recognition (on the platform or before its import): its 认定文号.
      const recognition = entry.kind === "recognized" || entry.kind === "imported";
      const key = recognition ? "bases.entry.recognitionNumber" : "bases.entry.documentNumber";
      lines.push(t(key, { value: entry.data.documentNumber }));
    }
    const grade = grades.find((candidate) => candidate.code === entry.data.grade);
    if (grade) lines.push(t("bases.entry.grade", { value: pick(grade.nameZh, grade.nameEn) }));
    const { previousValue, newValue } = entry.data;
    if (previousValue !== undefined && newValue !== undefined) {
      lines.push(t("bases.entry.change", { from: previousValue, to: newValue }));
    }
    if (entry.data.late) lines.push(t("bases.entry.late"));
    if (entry.data.platformName) lines.push(t("bases.entry.platform", { value: entry.data.platformName }));
    if (entry.data.allianceName) lines.push(t("bases.entry.alliance", { value: entry.data.allianceName }));
    if (entry.data.reason) lines.push(t("bases.entry.reason", { value: entry.data.reason }));
    if (entry.actorName) lines.push(t("bases.entry.actor", { value: entry.actorName }));
    return lines;
  };
  return (
    <Timeline
      data-testid="base-timeline"
      items={entries.map((entry) => ({
        key: entry.id,
        color: colors[entry.kind] ?? "blue",
        content: (
          <Flex vertical gap={2} data-testid={`timeline-${entry.kind}`}>
            <Typography.Text type="secondary">{date(entry.on)}</Typography.Text>
            <Typography.Text strong>{pick(entry.labelZh, entry.labelEn)}</Typography.Text>
            {details(entry).map((line) => (
              <Typography.Text key={line} type="secondary" style={{ fontSize: 13 }}>
                {line}
              </Typography.Text>
            ))}
            {entry.data.ground !== undefined ? (
              // Art. 20's grounds are its items: the line links to 第二十条第（N）项 on /policy.
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                <ArticleRef article={`20.${entry.data.ground}`}>
                  {t("bases.entry.ground", {
                    ground: pick("一二三四五六七八九".charAt(entry.data.ground - 1), String(entry.data.ground)),
                  })}
                </ArticleRef>
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
