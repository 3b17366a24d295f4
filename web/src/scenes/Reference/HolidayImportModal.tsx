import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Typography, Upload, type UploadFile } from "antd";
import { useEffect, useState } from "react";
import { isApiError } from "../../api/errors";
import { type HolidayYearList, holidayYearsApi } from "../../api/holiday-years";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { useWarningNotice } from "./HolidayYearModal";

interface Values {
  documentNumber: string;
  note?: string;
  year?: number | null;
  correction?: boolean;
}

/** Errors about the file's rows and columns (`rows[3].日期`, `columns.类型`): listed, not put on a form field. */
const isFileError = (path: string) => path.startsWith("rows") || path.startsWith("columns") || path === "file";

/**
 * 导入: an Excel or CSV file of 日期/类型 rows and the notice's 文号. The server reads the file; every bad row comes
 * back with its row number and is listed here, and nothing is saved until the whole file is right.
 */
export function HolidayImportModal({
  open,
  packaged,
  onClose,
}: {
  open: boolean;
  packaged: HolidayYearList["packaged"] | undefined;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const client = useQueryClient();
  const feedback = useFeedback();
  const showWarnings = useWarningNotice();
  const year = Form.useWatch("year", form);
  const inPackaged = packaged !== undefined && typeof year === "number" && year >= packaged.from && year <= packaged.to;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFile(null);
    setFileErrors([]);
  }, [open, form]);

  const upload = useMutation({
    mutationFn: (values: Values) => {
      const chosen = file?.originFileObj;
      if (!chosen) throw new Error(t("holidays.fileRequired"));
      return holidayYearsApi.importFile(chosen, {
        documentNumber: values.documentNumber,
        note: values.note?.trim() || undefined,
        year: values.year ?? undefined,
        correction: Boolean(values.correction),
      });
    },
    onSuccess: (saved) => {
      feedback.done(
        t("holidays.imported", {
          year: saved.year.year,
          rows: saved.rows ?? 0,
          holidays: saved.year.holidayCount,
          working: saved.year.adjustedWorkingDayCount,
        }),
      );
      showWarnings(saved.warnings);
      void client.invalidateQueries({ queryKey: ["reference", "holiday-years"] });
      onClose();
    },
    onError: (error) => {
      const listed = isApiError(error) ? error.fieldErrors.filter((e) => isFileError(e.path)) : [];
      setFileErrors(listed.map((e) => (language === "zh" ? e.messageZh : e.messageEn)));
      feedback.fail(error, form);
    },
  });

  return (
    <Modal
      open={open}
      title={t("holidays.importTitle")}
      okText={t("holidays.importAction")}
      okButtonProps={{ disabled: file === null, "data-testid": "holiday-import-ok" }}
      confirmLoading={upload.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t("holidays.importHelp")}{" "}
        <Button type="link" size="small" icon={<DownloadOutlined />} href={holidayYearsApi.templateUrl}>
          {t("holidays.template")}
        </Button>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => upload.mutate(values)}>
        <Form.Item label={t("holidays.file")} required>
          <div data-testid="holiday-import-upload">
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={(chosen) => {
                setFile({ uid: chosen.uid, name: chosen.name, originFileObj: chosen });
                setFileErrors([]);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setFileErrors([]);
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="holiday-import-file">
                {t("holidays.chooseFile")}
              </Button>
            </Upload>
          </div>
        </Form.Item>
        {fileErrors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("holidays.importFailed", { n: fileErrors.length })}
            description={
              <ul style={{ paddingInlineStart: 18, margin: 0, maxHeight: 200, overflowY: "auto" }}>
                {fileErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            }
            data-testid="holiday-import-errors"
          />
        ) : null}
        <Form.Item
          name="documentNumber"
          label={t("holidays.documentNumber")}
          extra={t("holidays.documentNumberHelp")}
          rules={[{ required: true, whitespace: true, message: t("holidays.documentNumberRequired") }]}
        >
          <Input
            maxLength={100}
            placeholder={t("holidays.documentNumberPlaceholder")}
            data-testid="holiday-import-number"
          />
        </Form.Item>
        <Form.Item name="year" label={t("holidays.importYear")} extra={t("holidays.importYearHelp")}>
          <InputNumber min={1900} max={2200} precision={0} style={{ width: 120 }} data-testid="holiday-import-year" />
        </Form.Item>
        {inPackaged ? (
          <Form.Item name="correction" valuePropName="checked">
            <Checkbox>{t("holidays.correction")}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t("holidays.note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
