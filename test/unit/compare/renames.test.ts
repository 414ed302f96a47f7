import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { likelyRenames, nameCore } from '../../../src/lib/compare/renames';
import type { DocumentRow } from '../../../src/lib/compare/source';
import { groupUnits } from '../../../src/lib/compare/units';
import type { Scope, Stage } from '../../../src/lib/model/keys';
import { goldDir } from '../../support/shared';

type GoldDoc = { doc_id: string; unit_code: string; unit_name: string; scope: Scope; stage: Stage; year: number };
const rowsOf = (docs: readonly GoldDoc[]): DocumentRow[] =>
  docs.map((d) => ({ docId: d.doc_id, unitCode: d.unit_code, unitName: d.unit_name, scope: d.scope, stage: d.stage, year: d.year }));
const row = (unitName: string, year: number, unitCode = '', scope: Scope = 'department', stage: Stage = 'budget'): DocumentRow =>
  ({ docId: `${unitName}-${year}-${scope}-${stage}`, unitCode, unitName, scope, stage, year });

describe('likelyRenames', () => {
  it('offers the long and short forms of the Jiangsu 办公厅 to each other, and nothing to the court', () => {
    // The real names, as gold has them: 2017 printed in full, 2018 and 2019 in the short form, no code.
    const gold = JSON.parse(readFileSync(path.join(goldDir, 'jiangsu-training.json'), 'utf8')) as { documents: GoldDoc[] };
    const { groups } = groupUnits(rowsOf(gold.documents), new Map());
    const names = new Set(gold.documents.map((d) => d.unit_name));
    expect(groups.length).toBe(names.size); // each name a unit of its own: what the suggestion is for
    const office = groups.filter((g) => g.name.endsWith('办公厅'));
    expect(office.length).toBe(2);
    const [full, short] = office[0].years[0] < office[1].years[0] ? office : [office[1], office[0]];
    expect(likelyRenames(short, groups)).toEqual([full]);
    expect(likelyRenames(full, groups)).toEqual([short]);
    for (const g of groups.filter((x) => !office.includes(x))) expect(likelyRenames(g, groups)).toEqual([]);
  });

  it('does not offer a unit with a document of the same year, stage and scope, another printed code, or a look-alike name', () => {
    const { groups } = groupUnits([
      row('中共某县委组织部', 2022), row('中国共产党某县委员会组织部', 2023),
      row('某县财政局', 2022), row('某县财政局（本级）', 2022), // one year: two bodies, or a 部门 and its 单位
      row('某县教育局', 2022, '301'), row('某县教育局（县体育局）', 2023, '302'), // two printed codes
      row('某县审计局', 2022), row('某县统计局', 2023),
      row('信访局', 2022, '543'), row('信访局（市委群工部）', 2023), // a code and a bracketed note
      row('某县人民政府办公室', 2022), row('某县政府办公室', 2022, '', 'department', 'final'), // renamed between 预算 and 决算
      row('某县民政局', 2022), row('中共某县民政局', 2022, '', 'unit'), // a 部门 and a 单位 document of one year: one body at two scopes, as a code groups them
    ], new Map());
    const unit = (name: string) => groups.find((g) => g.names.includes(name))!;
    expect(likelyRenames(unit('中共某县委组织部'), groups).map((g) => g.name)).toEqual(['中国共产党某县委员会组织部']);
    expect(likelyRenames(unit('某县财政局'), groups)).toEqual([]);
    expect(likelyRenames(unit('某县教育局'), groups)).toEqual([]);
    expect(likelyRenames(unit('某县审计局'), groups)).toEqual([]);
    expect(likelyRenames(unit('信访局'), groups).map((g) => g.name)).toEqual(['信访局（市委群工部）']);
    expect(likelyRenames(unit('某县人民政府办公室'), groups).map((g) => g.name)).toEqual(['某县政府办公室']);
    expect(likelyRenames(unit('某县民政局'), groups).map((g) => g.name)).toEqual(['中共某县民政局']);
  });

  it('reads a name with its customary variants set aside', () => {
    expect(nameCore('中国共产党 江苏省委员会办公厅')).toBe('江苏省委办公厅');
    expect(nameCore('中共江苏省委办公厅')).toBe('江苏省委办公厅');
    expect(nameCore('某市人民政府办公室(本级)')).toBe('某市政府办公室');
    expect(nameCore('某县发展和改革委员会')).toBe(nameCore('某县发展和改革委'));
    expect(nameCore('某县教育局')).not.toBe(nameCore('某县体育局'));
  });
});
