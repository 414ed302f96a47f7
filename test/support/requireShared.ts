import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from './shared';

/**
 * vitest globalSetup: most tests read the real disclosures in ../shared and compare with its gold.
 * Without it they would fail one by one with ENOENT stack traces; stop at once with one line that
 * says what is missing and where to put it. Never a silent pass: the run fails.
 */
export default function requireShared(): void {
  const missing = ['seeds', 'gold', 'corpus'].filter((d) => !existsSync(path.join(SHARED, d)));
  if (!missing.length) return;
  console.error(
    `测试需要 ${SHARED} 下的 ${missing.join('、')}（种子文件、核对数据与语料），但没有找到。` +
      `请把 shared/ 放在仓库旁边，或用环境变量 BUDGET_LENS_SHARED 指向它。` +
      ` (Tests need ${missing.join(', ')} in ${SHARED}: put shared/ beside the repository or set BUDGET_LENS_SHARED.)`,
  );
  process.exit(1);
}
