/**
 * Writes the ZIP fixtures of test/unit/ingest/bundle/ with Python's zipfile (an independent writer,
 * so the tests do not read back what our own code wrote). Not run by CI (the fixtures are
 * committed); run it again only to change them:
 *
 *   npx tsx scripts/bundle-fixtures.ts
 *
 * - `bundle.zip`, as a site's 「打包下载」 gives a year's disclosures (deflated, UTF-8 names with the
 *   flag): Hebei seeds 000–002 as text in a folder, seed 003 as the LibreOffice .xls of the office
 *   tests, seed 004 inside a ZIP inside it, a cover picture, and a Mac's and Windows' litter
 *   (__MACOSX/._*, Thumbs.db).
 * - `gbk-names.zip`, as Windows' 「发送到 → 压缩(zipped)文件夹」 and older WinRAR write on a Chinese
 *   system: the names in GBK and no UTF-8 flag (zipfile writes ASCII names of the same length, whose
 *   bytes are then replaced in the local headers and the directory).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from '../test/support/shared';

const out = path.resolve('test/unit/ingest/bundle');
mkdirSync(out, { recursive: true });
const seeds = path.join(SHARED, 'seeds');
const xls = path.resolve('test/unit/ingest/office/xls/003_3753cf426c7ec0a0.xls');

const python = String.raw`
import io, sys, zipfile
out, seeds, xls = sys.argv[1], sys.argv[2], sys.argv[3]
T = (2024, 3, 1, 9, 30, 0)
def add(z, name, data, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, T)
    info.compress_type = method
    z.writestr(info, data)
seed = lambda n: open(seeds + '/' + n, 'rb').read()
inner = io.BytesIO()
with zipfile.ZipFile(inner, 'w') as z:
    add(z, '004_4e927ba8514049a8.txt', seed('004_4e927ba8514049a8.txt'))
# The smallest PNG: a 1×1 picture.
png = bytes.fromhex('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e5d6e90000000049454e44ae426082')
with zipfile.ZipFile(out + '/bundle.zip', 'w') as z:
    z.writestr(zipfile.ZipInfo('2023年部门预算/', T), b'')
    for n in ['000_90f61d72552513ea.txt', '001_0e01da1d0149c9a7.txt', '002_64e98bfc144ba4c8.txt']:
        add(z, '2023年部门预算/' + n, seed(n))
    add(z, '2023年部门预算/003_3753cf426c7ec0a0.xls', open(xls, 'rb').read())
    add(z, '其他/更多.zip', inner.getvalue(), zipfile.ZIP_STORED)
    add(z, '封面.png', png, zipfile.ZIP_STORED)
    add(z, '__MACOSX/2023年部门预算/._000_90f61d72552513ea.txt', b'\x00\x05\x16\x07' + bytes(60))
    add(z, 'Thumbs.db', bytes(64))
names = ['预算公开/财政局.txt', '预算公开/信访局.txt']
with zipfile.ZipFile(out + '/gbk-names.zip', 'w') as z:
    for i, (n, s) in enumerate(zip(names, ['000_90f61d72552513ea.txt', '003_3753cf426c7ec0a0.txt'])):
        add(z, chr(65 + i) * len(n.encode('gbk')), seed(s))
data = open(out + '/gbk-names.zip', 'rb').read()
for i, n in enumerate(names):
    g = n.encode('gbk')
    data = data.replace(bytes([65 + i]) * len(g), g)
open(out + '/gbk-names.zip', 'wb').write(data)
`;
execFileSync('python3', ['-c', python, out, seeds, xls], { stdio: 'inherit' });
console.log(`written: ${out}/bundle.zip, ${out}/gbk-names.zip`);
