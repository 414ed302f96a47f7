import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/lib/ingest/lines';
import { missingTocEnd } from '../../../src/lib/ingest/textDamage';

const TOC = '目 录\n一、部门主要职能\n二、部门机构设置\n三、收支预算总表\n四、收入预算总表\n';

describe('missingTocEnd', () => {
  it('names the entries after the last one printed', () => {
    const w = missingTocEnd(toRows(`${TOC}\n第一部分\n部门主要职能：某某\n二、部门 机构设置\n`));
    expect(w?.message).toContain('「收支预算总表」「收入预算总表」');
    expect(w?.source?.line).toBe(1);
  });

  it('finds entries printed with spaces, split over cells, or by their last four characters', () => {
    expect(missingTocEnd(toRows(`${TOC}\n说明\n上海市某某局主要职能\n收支预算 总表\n收入\t预算总表\n`))).toBeNull();
  });

  it('says nothing when every entry is missing (the body words differ) or there is no 目录', () => {
    expect(missingTocEnd(toRows(`${TOC}\n说明\n别的话\n`))).toBeNull();
    expect(missingTocEnd(toRows('一、部门主要职能\n二、部门机构设置\n三、收支预算总表\n四、收入预算总表\n'))).toBeNull();
  });
});
