/**
 * The layout variants kept as LibreOffice printed them (scripts/libreoffice-pdfs.ts writes them; the
 * test reads them): the national nine tables flat and in A4 portrait, Jiangsu's twelve with numbered
 * titles, Shanghai's in 元. Between them: a title wrapped in a narrow box, a name wrapped around its row,
 * heads wrapped over a 栏次 row on two pages, the money unit and year beside the unit's name.
 */
export const LIBREOFFICE_VARIANTS = ['national-flat-headers', 'national-a4-portrait', 'jiangsu-numbered-titles', 'shanghai-yuan-a4-landscape'] as const;
