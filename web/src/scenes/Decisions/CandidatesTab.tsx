import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Flex, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { type Candidate, decisionApi } from "./decision-api";
import { TextModal } from "./TextModal";
import { VisitModal } from "./VisitModal";

/** The events this screen offers; others (withdraw, approve, publish, recognize) live on their own tabs or pages. */
const offered = [
  "complete-review",
  "start-on-site-verification",
  "complete-on-site-verification",
  "evaluate",
  "reject",
] as const;
type Offered = (typeof offered)[number];

/** Candidates after the expert review with their score, findings and the next steps the server allows. */
export function CandidatesTab({ items, loading }: { items: Candidate[]; loading: boolean }) {
  const { t, pick } = useI18n();
  const { fail, done } = useFeedback();
  const client = useQueryClient();
  const [visit, setVisit] = useState<string | null>(null);
  const [text, setText] = useState<{ id: string; event: "evaluate" | "reject" } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["decisions"] });
  const move = useMutation({
    mutationFn: ({ id, event, value }: { id: string; event: Offered; value?: string }) => {
      if (event === "complete-review") return decisionApi.completeReview(id);
      if (event === "start-on-site-verification") return decisionApi.startOnSite(id);
      if (event === "evaluate") return decisionApi.evaluate(id, value ?? "");
      return decisionApi.reject(id, value ?? "");
    },
    onSuccess: () => {
      done(t("decisions.done"));
      setText(null);
      refresh();
    },
    onError: (error) => fail(error),
  });
  const act = (candidate: Candidate, event: Offered) => {
    if (event === "complete-on-site-verification") setVisit(candidate.id);
    else if (event === "evaluate" || event === "reject") setText({ id: candidate.id, event });
    else move.mutate({ id: candidate.id, event });
  };

  return (
    <>
      <Table<Candidate>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="candidates-table"
        expandable={{
          expandedRowRender: (c) => (
            <Flex vertical gap={8}>
              {c.review.panelOpinion ? (
                <Typography.Text>
                  {t("decisions.panelOpinion")}：{c.review.panelOpinion}
                </Typography.Text>
              ) : null}
              {c.verifications.map((v) => (
                <Typography.Text key={v.id}>
                  {t("decisions.visit.title")}（{v.visitedOn}，{v.team.join("、")}）：{v.findings}{" "}
                  {v.files.map((f) => f.name).join("、")}
                </Typography.Text>
              ))}
              {c.evaluationOpinion ? (
                <Typography.Text>
                  {t("decisions.evaluate.title")}：{c.evaluationOpinion}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        }}
        columns={[
          { title: t("decisions.name"), dataIndex: "standardName" },
          { title: t("decisions.unit"), dataIndex: "unitName", width: 220 },
          { title: t("decisions.field"), dataIndex: "field", width: 140 },
          {
            title: t("decisions.score"),
            key: "score",
            width: 100,
            render: (_, c) => (c.review.mean === null ? t("decisions.noScore") : c.review.mean.toFixed(2)),
          },
          {
            title: t("decisions.state"),
            key: "state",
            width: 170,
            render: (_, c) => (
              <Flex gap={4} wrap>
                <Tag data-testid={`candidate-state-${c.id}`}>{pick(c.stateLabelZh, c.stateLabelEn)}</Tag>
                {c.objections.open > 0 ? (
                  <Tag color="orange">{t("decisions.objectionsOpen", { n: c.objections.open })}</Tag>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t("table.actions"),
            key: "actions",
            width: 260,
            render: (_, c) => (
              <Flex gap={4} wrap>
                {offered
                  .filter((event) => c.events.includes(event))
                  .map((event) => (
                    <Button
                      key={event}
                      size="small"
                      danger={event === "reject"}
                      loading={move.isPending && move.variables?.id === c.id && move.variables.event === event}
                      onClick={() => act(c, event)}
                      data-testid={`candidate-${event}-${c.id}`}
                    >
                      {t(`decisions.event.${event}` as MessageKey)}
                    </Button>
                  ))}
              </Flex>
            ),
          },
        ]}
      />
      <VisitModal
        applicationId={visit}
        onClose={() => setVisit(null)}
        onDone={() => {
          setVisit(null);
          refresh();
        }}
      />
      <TextModal
        open={text !== null}
        title={t(text?.event === "reject" ? "decisions.reject.title" : "decisions.evaluate.title")}
        label={text?.event === "reject" ? t("decision.reason") : t("decisions.evaluate.opinion")}
        requiredMessage={t("decision.reasonRequired")}
        danger={text?.event === "reject"}
        loading={move.isPending}
        testId={text?.event === "reject" ? "reject" : "evaluate"}
        onCancel={() => setText(null)}
        onSubmit={(value) => text && move.mutate({ id: text.id, event: text.event, value })}
      />
    </>
  );
}
