import { Alert, Button, Drawer, Flex, Input, InputNumber, Tag, Typography } from "antd";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { type AssistantAnswer, assistantApi, type SelfCheckFacts, type SelfCheckStep } from "../../api/assistant";
import { useI18n } from "../../i18n/I18nProvider";
import { ArticleRef } from "../ArticleRef";

type QuestionStep = Extract<SelfCheckStep, { status: "question" }>;
type VerdictStep = Extract<SelfCheckStep, { status: "verdict" }>;
type Entry =
  | { id: number; kind: "asked"; text: string }
  | { id: number; kind: "answer"; answer: AssistantAnswer }
  | { id: number; kind: "note"; text: string; error?: boolean }
  | { id: number; kind: "check-question"; step: QuestionStep; answered: boolean }
  | { id: number; kind: "verdict"; step: VerdictStep };

type NewEntry = Entry extends infer E ? (E extends Entry ? Omit<E, "id"> : never) : never;

/** The article ("18") or item ("18.5") a citation names, as the measures page anchors it. */
const citedArticle = (citation: { article: string; item?: string }) =>
  citation.item ? `${citation.article}.${citation.item}` : citation.article;

const outcomeColor = { pass: "green", fail: "red", judgement: "gold" } as const;

/**
 * 政策助手's drawer (issue 14 item 6): a chat-like list of questions and answers — each answer with the articles it
 * rests on as links to the measures page's anchors, the quoted passages folded under it, a computed answer with the
 * rule used, a refusal with the department's contact — and the conversational self-check, one question at a time,
 * ending with the policy's verdict per rule and 开始申报.
 */
export function AssistantDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, language } = useI18n();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [facts, setFacts] = useState<SelfCheckFacts | null>(null);
  const navigate = useNavigate();
  const nextId = useRef(0);
  const end = useRef<HTMLDivElement>(null);

  const push = (entry: NewEntry) => {
    nextId.current += 1;
    const id = nextId.current;
    setEntries((current) => [...current, { ...entry, id } as Entry]);
  };

  useEffect(() => {
    if (entries.length > 0) end.current?.scrollIntoView?.({ block: "end" });
  }, [entries]);

  async function ask(question: string) {
    const text = question.trim();
    if (!text || busy) return;
    setDraft("");
    push({ kind: "asked", text });
    setBusy(true);
    try {
      push({ kind: "answer", answer: await assistantApi.ask(text, language) });
    } catch {
      push({ kind: "note", text: t("assistant.failed"), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function step(next: SelfCheckFacts) {
    setFacts(next);
    setBusy(true);
    try {
      const result = await assistantApi.selfCheck(next, language);
      if (result.status === "question") push({ kind: "check-question", step: result, answered: false });
      else {
        push({ kind: "verdict", step: result });
        setFacts(null);
      }
    } catch {
      push({ kind: "note", text: t("assistant.failed"), error: true });
      setFacts(null);
    } finally {
      setBusy(false);
    }
  }

  function startSelfCheck() {
    if (busy) return;
    push({ kind: "asked", text: t("assistant.chip.selfCheck") });
    push({ kind: "note", text: t("assistant.selfCheck.start") });
    void step({});
  }

  function answer(
    entryId: number,
    question: QuestionStep["question"],
    value: string | number | boolean,
    shown: string,
  ) {
    setEntries((current) =>
      current.map((entry) =>
        entry.id === entryId && entry.kind === "check-question" ? { ...entry, answered: true } : entry,
      ),
    );
    push({ kind: "asked", text: shown });
    void step({ ...(facts ?? {}), [question.id]: value } as SelfCheckFacts);
  }

  const chips = [
    { key: "self-check", label: t("assistant.chip.selfCheck"), onClick: startSelfCheck },
    { key: "deadline", label: t("assistant.chip.deadline"), onClick: () => void ask(t("assistant.chip.deadline")) },
    { key: "materials", label: t("assistant.chip.materials"), onClick: () => void ask(t("assistant.chip.materials")) },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t("assistant.title")}
      width="min(480px, 100vw)"
      data-testid="assistant-drawer"
      styles={{ body: { display: "flex", flexDirection: "column", padding: 0 } }}
    >
      <div style={{ flex: 1, overflowY: "auto", padding: "12px 16px" }} data-testid="assistant-messages">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t("assistant.intro")}
        </Typography.Paragraph>
        {entries.map((entry) => (
          <EntryView
            key={entry.id}
            entry={entry}
            onAnswer={answer}
            onRestart={startSelfCheck}
            onStart={(href) => {
              onClose();
              navigate(href);
            }}
            busy={busy}
          />
        ))}
        {busy ? (
          <Typography.Text type="secondary" data-testid="assistant-busy">
            {t("assistant.thinking")}
          </Typography.Text>
        ) : null}
        <div ref={end} />
      </div>
      <div style={{ borderTop: "1px solid #eef0f3", padding: "8px 16px 12px" }}>
        <Flex wrap gap={6} style={{ marginBottom: 8 }}>
          {chips.map((chip) => (
            <Button
              key={chip.key}
              size="small"
              shape="round"
              disabled={busy || (chip.key === "self-check" && facts !== null)}
              onClick={chip.onClick}
              data-testid={`assistant-chip-${chip.key}`}
            >
              {chip.label}
            </Button>
          ))}
        </Flex>
        <Flex gap={8}>
          <Input
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onPressEnter={() => void ask(draft)}
            placeholder={t("assistant.placeholder")}
            maxLength={500}
            aria-label={t("assistant.placeholder")}
            data-testid="assistant-input"
          />
          <Button
            type="primary"
            onClick={() => void ask(draft)}
            disabled={busy || !draft.trim()}
            data-testid="assistant-send"
          >
            {t("assistant.send")}
          </Button>
        </Flex>
      </div>
    </Drawer>
  );
}

function Bubble({
  mine,
  children,
  testId,
  data,
}: {
  mine?: boolean;
  children: ReactNode;
  testId?: string;
  /** data-* attributes for the bubble (the self-check question's id, whether it was answered). */
  data?: Record<`data-${string}`, string>;
}) {
  return (
    <Flex justify={mine ? "flex-end" : "flex-start"} style={{ margin: "8px 0" }}>
      <div
        data-testid={testId}
        {...data}
        style={{
          maxWidth: "88%",
          padding: "8px 12px",
          borderRadius: 10,
          background: mine ? "#1d4f91" : "#f4f6f9",
          color: mine ? "#fff" : undefined,
          whiteSpace: "pre-wrap",
          wordBreak: "break-word",
        }}
      >
        {children}
      </div>
    </Flex>
  );
}

function EntryView({
  entry,
  onAnswer,
  onRestart,
  onStart,
  busy,
}: {
  entry: Entry;
  onStart: (href: string) => void;
  onAnswer: (id: number, question: QuestionStep["question"], value: string | number | boolean, shown: string) => void;
  onRestart: () => void;
  busy: boolean;
}) {
  switch (entry.kind) {
    case "asked":
      return (
        <Bubble mine testId="assistant-asked">
          {entry.text}
        </Bubble>
      );
    case "note":
      return entry.error ? (
        <Alert type="error" showIcon title={entry.text} style={{ margin: "8px 0" }} />
      ) : (
        <Bubble>{entry.text}</Bubble>
      );
    case "answer":
      return <AnswerView answer={entry.answer} />;
    case "check-question":
      return <CheckQuestion entry={entry} onAnswer={onAnswer} busy={busy} />;
    case "verdict":
      return <Verdict step={entry.step} onRestart={onRestart} onStart={onStart} />;
  }
}

function AnswerView({ answer }: { answer: AssistantAnswer }) {
  const { t, date } = useI18n();
  if (answer.refused)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ margin: "8px 0" }}
        title={t("assistant.refused")}
        description={<span style={{ whiteSpace: "pre-wrap" }}>{answer.answer}</span>}
        data-testid="assistant-refused"
      />
    );
  const quoted = answer.citations.filter((citation) => citation.quote);
  const others = answer.sources.filter((source) => source.kind !== "article" && source.kind !== "item");
  return (
    <Bubble testId="assistant-answer">
      <div style={{ whiteSpace: "pre-wrap" }}>{answer.answer}</div>
      {answer.applications?.length ? (
        <Flex vertical gap={2} style={{ marginTop: 8, fontSize: 13 }} data-testid="assistant-applications">
          {answer.applications.map((application) => (
            <Link key={application.id} to={`/applications/${encodeURIComponent(application.id)}`}>
              {t("assistant.openApplication", { title: application.title })}
            </Link>
          ))}
        </Flex>
      ) : null}
      {answer.computed ? (
        <div
          data-testid="assistant-computed"
          style={{ marginTop: 8, padding: "6px 10px", background: "#fff", borderLeft: "3px solid #1d4f91" }}
        >
          <Typography.Text type="secondary">{t("assistant.computed")}：</Typography.Text>
          <Typography.Text strong data-testid="assistant-computed-value">
            {answer.computed.type === "deadline" ? date(answer.computed.value) : answer.computed.value}
          </Typography.Text>
          <div style={{ fontSize: 12, color: "#555" }}>
            {t("assistant.rule", { rule: answer.lang === "en" ? answer.computed.ruleEn : answer.computed.ruleZh })}
          </div>
        </div>
      ) : null}
      {answer.citations.length > 0 ? (
        <Flex wrap gap="2px 10px" style={{ marginTop: 8, fontSize: 13 }} data-testid="assistant-citations">
          <Typography.Text type="secondary">{t("assistant.citations")}：</Typography.Text>
          {answer.citations.map((citation) => (
            <ArticleRef key={citedArticle(citation)} article={citedArticle(citation)} />
          ))}
        </Flex>
      ) : null}
      {others.length > 0 ? (
        <div style={{ fontSize: 12, color: "#666", marginTop: 4 }}>
          {t("assistant.sources", { sources: others.map((source) => source.title).join("；") })}
        </div>
      ) : null}
      {answer.rephrased ? <div style={{ fontSize: 12, color: "#666" }}>{t("assistant.rephrased")}</div> : null}
      {quoted.length > 0 ? (
        <details style={{ marginTop: 6, fontSize: 13 }} data-testid="assistant-quotes">
          <summary style={{ cursor: "pointer", color: "#1d4f91" }}>
            {t("assistant.quotes", { count: quoted.length })}
          </summary>
          {quoted.map((citation) => (
            <blockquote
              key={citedArticle(citation)}
              style={{ margin: "6px 0", padding: "4px 8px", borderLeft: "3px solid #c9d3e0", color: "#444" }}
            >
              <ArticleRef article={citedArticle(citation)} />：{citation.quote}
            </blockquote>
          ))}
        </details>
      ) : null}
    </Bubble>
  );
}

function CheckQuestion({
  entry,
  onAnswer,
  busy,
}: {
  entry: Extract<Entry, { kind: "check-question" }>;
  onAnswer: (id: number, question: QuestionStep["question"], value: string | number | boolean, shown: string) => void;
  busy: boolean;
}) {
  const { t, language } = useI18n();
  const [number, setNumber] = useState<number | null>(null);
  const { question } = entry.step;
  const disabled = entry.answered || busy;
  const unit = (language === "en" ? question.unitEn : question.unitZh) ?? "";
  const reply = (value: string | number | boolean, shown: string) => onAnswer(entry.id, question, value, shown);
  return (
    <Bubble
      testId="self-check-question"
      data={{ "data-question": question.id, "data-answered": entry.answered ? "true" : "false" }}
    >
      <div style={{ fontSize: 12, color: "#666" }}>
        {t("assistant.selfCheck.progress", { n: entry.step.answered + 1 })} · {t("assistant.citations")}{" "}
        <ArticleRef article={question.article} />
      </div>
      <div style={{ margin: "4px 0 8px" }} data-testid="self-check-text">
        {question.text}
      </div>
      {entry.answered ? null : question.kind === "choice" ? (
        <Flex wrap gap={6}>
          {(question.options ?? []).map((option) => {
            const label = language === "en" ? option.labelEn : option.labelZh;
            return (
              <Button
                key={option.value}
                size="small"
                disabled={disabled}
                onClick={() => reply(option.value, label)}
                data-testid={`self-check-option-${option.value}`}
              >
                {label}
              </Button>
            );
          })}
        </Flex>
      ) : question.kind === "yes-no" ? (
        <Flex gap={8}>
          <Button
            size="small"
            disabled={disabled}
            onClick={() => reply(true, t("assistant.selfCheck.yes"))}
            data-testid="self-check-yes"
          >
            {t("assistant.selfCheck.yes")}
          </Button>
          <Button
            size="small"
            disabled={disabled}
            onClick={() => reply(false, t("assistant.selfCheck.no"))}
            data-testid="self-check-no"
          >
            {t("assistant.selfCheck.no")}
          </Button>
        </Flex>
      ) : (
        <Flex gap={8} align="center">
          <InputNumber
            min={0}
            precision={question.id === "revenue3y" || question.id === "rdExpense3y" ? 2 : 0}
            value={number}
            onChange={(value) => setNumber(typeof value === "number" ? value : null)}
            onPressEnter={() => number !== null && reply(number, `${number} ${unit}`.trim())}
            disabled={disabled}
            aria-label={question.text}
            data-testid="self-check-number"
            style={{ width: 140 }}
          />
          <span>{unit}</span>
          <Button
            size="small"
            type="primary"
            disabled={disabled || number === null}
            onClick={() => number !== null && reply(number, `${number} ${unit}`.trim())}
            data-testid="self-check-submit"
          >
            {t("assistant.selfCheck.confirm")}
          </Button>
        </Flex>
      )}
    </Bubble>
  );
}

function Verdict({
  step,
  onRestart,
  onStart,
}: {
  step: VerdictStep;
  onRestart: () => void;
  onStart: (href: string) => void;
}) {
  const { t, language, date } = useI18n();
  const failed = step.rules.filter((rule) => rule.outcome === "fail");
  const shown = step.stoppedEarly ? failed : step.rules;
  const callTitle = language === "en" ? step.start.callTitleEn : step.start.callTitleZh;
  return (
    <div
      data-testid="self-check-verdict"
      style={{ margin: "8px 0", padding: 12, border: "1px solid #d6dfeb", borderRadius: 10, background: "#fff" }}
    >
      <Typography.Text strong>{t("assistant.selfCheck.verdict")}：</Typography.Text>
      <Tag
        color={step.overall === "not-eligible" ? "red" : step.overall === "eligible" ? "green" : "gold"}
        data-testid="self-check-overall"
      >
        {t(`assistant.selfCheck.overall.${step.overall}`)}
      </Tag>
      {step.stoppedEarly ? (
        <div style={{ margin: "6px 0", fontSize: 13 }}>{t("assistant.selfCheck.stoppedEarly")}</div>
      ) : null}
      <ul style={{ paddingLeft: 18, margin: "8px 0" }}>
        {shown.map((rule) => (
          <li
            key={rule.ruleId}
            data-testid={`self-check-rule-${rule.ruleId}`}
            style={{ margin: "4px 0", fontSize: 13 }}
          >
            <Tag color={outcomeColor[rule.outcome]}>{t(`assistant.selfCheck.outcome.${rule.outcome}`)}</Tag>
            <ArticleRef article={rule.article} /> {rule.message}
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t("assistant.selfCheck.referenceDate", { date: date(step.referenceDate) })}
        {t("assistant.selfCheck.note")}
      </Typography.Paragraph>
      {callTitle ? (
        <div style={{ fontSize: 13, marginBottom: 8 }}>{t("assistant.selfCheck.call", { title: callTitle })}</div>
      ) : null}
      <Flex gap={8} wrap>
        {step.overall === "not-eligible" ? null : (
          <Button type="primary" onClick={() => onStart(step.start.href)} data-testid="self-check-start">
            {t("assistant.selfCheck.startApplying")}
          </Button>
        )}
        <Button onClick={onRestart} data-testid="self-check-restart">
          {t("assistant.selfCheck.restart")}
        </Button>
      </Flex>
    </div>
  );
}
