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
    return `「${fileName}」此${kind}为扫描件，没有文字层，无法读取（暂不支持文字识别）。`;
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
  pageWithoutText(pages: number[]): string {
    return `第 ${pages.join('、')} 页没有文字（空白页或扫描页），其内容未导入`;
  },
};
