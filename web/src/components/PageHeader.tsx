import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** Page title with its actions on the right, the same on every page. */
export function PageHeader({ title, extra, intro }: { title: string; extra?: ReactNode; intro?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap style={{ maxWidth: "100%" }}>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {intro ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
