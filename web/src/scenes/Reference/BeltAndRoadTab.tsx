import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, DatePicker, Form, Input, Modal, Select, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { referenceApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import type { BeltAndRoadEntry } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { toIsoDate } from "../../i18n/format";
import { useI18n } from "../../i18n/I18nProvider";

interface Values {
  country: string;
  since: Dayjs;
  until?: Dayjs | null;
  note?: string;
}

/** 一带一路共建国家: a dated list (since/until), so a look-back uses the list as it stood on the reference date. */
export function BeltAndRoadTab() {
  const me = useSession();
  const { t, pick, date } = useI18n();
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: ["belt-and-road"], queryFn: referenceApi.beltAndRoad });
  const countries = useQuery({ queryKey: ["countries"], queryFn: referenceApi.countries, staleTime: 10 * 60_000 });
  const names = useMemo(
    () => new Map(countries.data?.map((c) => [c.code, pick(c.nameZh, c.nameEn)]) ?? []),
    [countries.data, pick],
  );
  return (
    <>
      {hasAbility(me, "reference.manage") ? (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setAdding(true)}
          data-testid="bri-add"
        >
          {t("reference.addBri")}
        </Button>
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<BeltAndRoadEntry>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: t("reference.country"),
            dataIndex: "country",
            render: (code: string) => `${names.get(code) ?? code}（${code}）`,
          },
          { title: t("reference.since"), dataIndex: "since", render: (v: string) => date(v) },
          {
            title: t("reference.until"),
            dataIndex: "until",
            render: (v: string | null) => (v ? date(v) : t("reference.ongoing")),
          },
          { title: t("reference.note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
        ]}
      />
      <AddModal open={adding} onClose={() => setAdding(false)} countries={countries.data} />
    </>
  );
}

function AddModal({
  open,
  onClose,
  countries,
}: {
  open: boolean;
  onClose: () => void;
  countries: Array<{ code: string; nameZh: string; nameEn: string; isChineseRegion: boolean }> | undefined;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const add = useMutation({
    mutationFn: (values: Values) =>
      referenceApi.addBeltAndRoad({
        country: values.country,
        since: toIsoDate(values.since),
        until: values.until ? toIsoDate(values.until) : null,
        note: values.note?.trim() || null,
      }),
    onSuccess: () => {
      feedback.done(t("common.saved"));
      void client.invalidateQueries({ queryKey: ["belt-and-road"] });
      void client.invalidateQueries({ queryKey: ["countries"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  // 中国香港/中国澳门/中国台湾 are regions of China, never 一带一路 partner countries (Art. 30).
  const options = (countries ?? [])
    .filter((c) => !c.isChineseRegion && c.code !== "CN")
    .map((c) => ({ value: c.code, label: `${pick(c.nameZh, c.nameEn)}（${c.code}）` }));
  return (
    <Modal
      open={open}
      title={t("reference.addBri")}
      okText={t("action.save")}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
        <Form.Item
          name="country"
          label={t("reference.country")}
          rules={[{ required: true, message: t("reference.countryRequired") }]}
        >
          <Select showSearch={{ optionFilterProp: "label" }} options={options} />
        </Form.Item>
        <Form.Item
          name="since"
          label={t("reference.since")}
          rules={[{ required: true, message: t("reference.sinceRequired") }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="until" label={t("reference.until")}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t("reference.note")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
