/**
 * The 情况说明's facts (table `facts`, column `amount`): FORMAT.md's keys, and those this importer
 * adds (src/lib/ingest/README.md). A 类 code (201) is also a facts row: the narrative's spending of
 * that class, named by model/keys.ts FUNCTION_CLASSES.
 */
export const FORMAT_FACTS: Readonly<Record<string, string>> = {
  income_total: '收入总计', expense_total: '支出总计', basic: '基本支出', personnel: '人员经费',
  public: '公用经费', project: '项目支出', operating_cost: '机关运行经费',
  three_public_total: '“三公”经费', change_vs_prior: '比上年增减',
  procurement_total: '政府采购预算', assets_total: '固定资产总额',
};

/** The importer's own facts: the parts the narrative states after a total. */
export const IMPORTER_FACTS: Readonly<Record<string, string>> = {
  basic_change: '基本支出比上年增减',
  project_change: '项目支出比上年增减',
  three_public_overseas: '因公出国（境）费',
  three_public_vehicle: '公务用车购置及运行维护费',
  three_public_vehicle_purchase: '公务用车购置费',
  three_public_vehicle_operation: '公务用车运行维护费',
  three_public_reception: '公务接待费',
};

export const FACT_ROWS: Record<string, string> = { ...FORMAT_FACTS, ...IMPORTER_FACTS };
