import { TreeSelect } from "antd";
import { useMemo } from "react";
import type { Recommender } from "../api/types";
import { useI18n } from "../i18n/I18nProvider";

interface TreeNode {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeNode[];
}

/**
 * 推荐部门 as a tree (Art. 17): the 17 division bureaus with their sub-recommenders (districts, development zones),
 * then the units that recommend directly to the province (provincial/ministerial universities, institutes, central
 * enterprises).
 */
export function RecommenderPicker({
  recommenders,
  loading,
  value,
  onChange,
  id,
}: {
  recommenders: Recommender[] | undefined;
  loading?: boolean;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const { t, pick } = useI18n();
  const treeData = useMemo(() => {
    const list = recommenders ?? [];
    const ids = new Set(list.map((r) => r.id));
    const node = (r: Recommender): TreeNode => {
      const children = list.filter((child) => child.parentId === r.id).map(node);
      return { value: r.id, title: pick(r.nameZh, r.nameEn), ...(children.length ? { children } : {}) };
    };
    const roots = list.filter((r) => r.parentId === null || !ids.has(r.parentId));
    const divisions = roots.filter((r) => r.kind !== "direct").map(node);
    const direct = roots.filter((r) => r.kind === "direct").map(node);
    const group: TreeNode[] = direct.length
      ? [{ value: "__direct", title: t("recommender.directGroup"), selectable: false, children: direct }]
      : [];
    return [...divisions, ...group];
  }, [recommenders, pick, t]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={loading}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandAll={false}
      placeholder={t("recommender.placeholder")}
      allowClear
      data-testid="recommender-picker"
    />
  );
}
