/**
 * Documents in the audit matrix at once: at 5,000 documents the whole summary was 11 MB and 125,000
 * cells. A hundred rows of seventeen checks took 85–140 ms to open the view at 5,000 documents
 * (Chromium), most of it laying out the table; fifty are about three screens.
 */
export const AUDIT_PAGE = 50;
