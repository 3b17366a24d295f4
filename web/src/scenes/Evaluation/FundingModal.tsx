import { useMutation } from "@tanstack/react-query";
import { Form, InputNumber, Modal } from "antd";
import { type FundingByGrade, gradingApi } from "../../api/grading";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

const gradeFields = ["excellent", "qualified", "unqualified"] as const;

/**
 * 按等次安排经费 (Art. 25): one amount in yuan per grade; the server applies it to every graded base of the round and
 * records it on each base's timeline. Amounts are whole yuan, as the department's funding tables are.
 */
export function FundingModal({
  open,
  roundId,
  version,
  initial,
  onClose,
}: {
  open: boolean;
  roundId: string;
  version: number;
  initial: FundingByGrade | null;
  onClose: (saved: boolean) => void;
}) {
  const { t, number } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<Partial<FundingByGrade>>();
  const save = useMutation({
    mutationFn: (values: Partial<FundingByGrade>) =>
      gradingApi.setFunding(
        roundId,
        { excellent: values.excellent ?? 0, qualified: values.qualified ?? 0, unqualified: values.unqualified ?? 0 },
        version,
      ),
    onSuccess: ({ allocated, totalYuan }) => {
      feedback.done(t("grading.fundingSaved", { n: number(allocated), total: number(totalYuan) }));
      onClose(true);
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("grading.funding")}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, "data-testid": "funding-submit" }}
      destroyOnHidden
      width={420}
    >
      <Form<Partial<FundingByGrade>>
        form={form}
        layout="vertical"
        initialValues={initial ?? { excellent: 0, qualified: 0, unqualified: 0 }}
        onFinish={(values) => save.mutate(values)}
      >
        {gradeFields.map((grade) => (
          <Form.Item key={grade} name={grade} label={t(`funding.${grade}`)} rules={[{ required: true }]}>
            <InputNumber<number>
              min={0}
              max={100_000_000}
              precision={0}
              step={10_000}
              style={{ width: 220 }}
              formatter={(value) => (value === undefined ? "" : number(Number(value)))}
              parser={(text) => Number((text ?? "").replace(/[^\d]/g, ""))}
              data-testid={`funding-${grade}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
