/** The fixed-asset table (assets): rows and how they add up. */
export const ASSET_ROWS = {
  total: '合计', buildings: '房屋', office_space: '其中：办公用房', vehicles: '车辆',
  major_equipment: '单价在20万元以上的设备', other: '其他',
} as const;

export type AssetRow = keyof typeof ASSET_ROWS;

/** The kinds that make up 资产总额 (办公用房 is part of 房屋, not an addend). */
export const ASSET_PARTS = ['buildings', 'vehicles', 'major_equipment', 'other'] as const satisfies readonly AssetRow[];

/** Columns where the assets table's `total` means a value, not a sum of money columns. */
export const ASSET_COLUMNS = { total: '价值' } as const;
