import type { PdfOpenFailure } from './types';

/** The messages of a PDF that cannot be imported, each naming the file and saying what to do. */
/**
 * `kind`: the file's format as its reader names it to the user: a PDF, or an OFD (ofd.ts), whose
 * pages go through the same reader.
 */
export type PagedFormat = 'PDF' | 'OFD';

export const pdfMessages = {
  open(fileName: string, reason: PdfOpenFailure, kind: PagedFormat = 'PDF', detail?: string): string {
    if (reason === 'encrypted') return `「${fileName}」是加密（有密码保护）的 ${kind}，无法读取。请用原密码打开后另存为不加密的 ${kind} 再导入。`;
    if (reason === 'unavailable') return `「${fileName}」是 ${kind}，但此环境没有可用的 ${kind} 读取器。`;
    if (kind === 'OFD') return `「${fileName}」不是完整有效的 OFD 版式文件${detail ? `（${detail}）` : '（文件可能损坏或没有下载完整）'}，无法读取。请重新下载，或用 OFD 阅读器另存为 PDF 后再导入。`;
    return `「${fileName}」不是完整有效的 PDF（文件可能损坏或没有下载完整），无法读取。请重新下载后再导入。`;
  },
  scanned(fileName: string, kind: PagedFormat = 'PDF'): string {
    return `「${fileName}」此${kind}为扫描件，没有文字层，无法读取（此处没有文字识别）。`;
  },
  cancelled(fileName: string): string {
    return `已取消导入「${fileName}」，没有导入任何数据。`;
  },
  pageFailed(page: number, detail: string): string {
    return `第 ${page} 页无法读取（${detail}），已跳过`;
  },
  damaged(fileName: string, problems: number, first: string): string {
    return `「${fileName}」可能已损坏（${first}${problems > 1 ? `；共 ${problems} 处页面问题` : ''}），读到的内容中没有找到预算公开表，没有导入任何数据。`;
  },
  cutPage(page: number, onto: number): string {
    return `第 ${page} 页是第 ${onto} 页表格右侧的几列（打印时表格比纸宽，被分页截开），已按行的位置接回第 ${onto} 页，请核对`;
  },
  ocrUnavailable(fileName: string, detail: string): string {
    return `「${fileName}」是扫描件，需要文字识别（OCR），但识别组件没能加载（${detail}）。识别组件在第一次识别扫描件时下载，之后可离线使用：请联网后再导入一次。`;
  },
  ocrNothing(fileName: string, kind: PagedFormat = 'PDF'): string {
    return `「${fileName}」此${kind}为扫描件，已做文字识别（OCR），但识别出的文字中没有找到预算公开表（扫描可能不够清晰，或不是预算公开文件），没有导入任何数据。`;
  },
  ocrPages(pages: number[]): string {
    return `${pageList(pages)}是扫描页，其文字和数字由文字识别（OCR）读出，可能有认错的字或数字：请与原件核对，审核发现的不符也可能来自识别`;
  },
  pageWithoutText(pages: number[]): string {
    return `第 ${pages.join('、')} 页没有文字（空白页或扫描页），其内容未导入`;
  },
};

/** 「第 1–3、5 页」: runs of pages as ranges. */
function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j;
  }
  return `第 ${parts.join('、')} 页`;
}
