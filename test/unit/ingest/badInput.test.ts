import { describe, expect, it } from 'vitest';
import { readDisclosure, readDisclosureText } from '../../../src/lib/ingest';

const utf8 = (s: string) => new TextEncoder().encode(s);

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const NOVEL = [
  '第一章 春天',
  '',
  '从前有座山，山里有座庙。庙里有个老和尚，每天清晨都会扫地，扫完地就坐在门口看云。',
  '小和尚问他：“师父，云要去哪里？”老和尚笑了笑，说：“云不去哪里，它只是在路上。”',
  '那一年春天来得很早，山下的桃花开了一片，村里的人都说是个好年景，收成一定不错。',
].join('\n');

const OTHER_CSV = 'name,age,city\n张三,30,北京\n李四,25,上海\n王五,41,广州\n';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

describe('bad input → ok:false with a Chinese message naming the file', () => {
  const cases: [string, Uint8Array][] = [
    ['空文件.txt', new Uint8Array()],
    ['只有空白.txt', utf8(' \n\t\n  \r\n')],
    ['小说.txt', utf8(NOVEL)],
    ['people.csv', utf8(OTHER_CSV)],
    ['photo.png', PNG],
    ['random.bin', randomBytes(4096, 7)],
    ['zeros.bin', new Uint8Array(2048)],
    ['report.pdf', utf8('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')],
    ['控制字符.txt', utf8('部门预算收支总表\u0001\u0002\u0003\u0004'.repeat(50))],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => {
      const r = readDisclosure(bytes, name);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toContain(`「${name}」`);
      expect(r.error).toMatch(/[\u4e00-\u9fff]{4}/);
    });
  }

  it('text entry points refuse the same way', () => {
    const r = readDisclosureText(NOVEL, 'novel.txt');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('「novel.txt」不像是部门预算或决算公开文件') });
  });
});
