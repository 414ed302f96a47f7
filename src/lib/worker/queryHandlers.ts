import { auditCsv } from '../audit/csv';
import { departments } from '../compare/departments';
import { peersFrame } from '../compare/peers';
import { peerColumns } from '../compare/peerCells';
import { loadUnits } from '../compare/units';
import { yoyQuery } from '../compare/yoy';
import { loadStoredDocuments } from '../db/documents';
import { linkUnits, unlinkUnit } from '../db/unitLinks';
import { documentsToExcelCsv } from '../model/excelCsv';
import { documentsToRows, rowsToCsv } from '../model/formatCsv';
import { auditPage, storedAudits } from './audits';
import { LastAnswers } from './lastAnswers';
import type { HandlersFor, WorkerState } from './state';

/** What the page reads of the library: documents, figures, sources, audit results, exports, comparisons, and unit links. */
export function queryHandlers(w: WorkerState) {
  const last = new LastAnswers();
  const again = <T>(kind: string, question: unknown, compute: () => T): T => last.answer(kind, w.lib, w.lib.compare.version(), question, compute);
  const handlers: HandlersFor<'listDocuments' | 'sourcePdf' | 'figures' | 'warnings' | 'sourceLines' | 'audits' | 'auditPage' | 'auditCsv' | 'exportCsv'
    | 'compareUnits' | 'yoy' | 'peers' | 'linkUnits' | 'unlinkUnit'
    | 'execution' | 'executionPeers' | 'ranking' | 'trend'> = {
    listDocuments: (req) => w.lib.documentListSince(req.since),
    sourcePdf: (req) => w.lib.sourcePdf(req.docId, req.file),
    figures: (req) => w.lib.figures(req.docId),
    warnings: (req) => w.lib.warnings(req.docId),
    sourceLines: (req) => w.lib.sourceLines(req.docId, req.line - req.context, req.line + req.context, req.file),
    audits: (req) => storedAudits(w.lib, req.docIds, req.withFindings),
    auditPage: (req) => auditPage(w.lib, req.from, req.size, req.docId),
    auditCsv: (req) => auditCsv(storedAudits(w.lib, req.docIds, true), { bom: true, severities: req.severities }),
    exportCsv(req) {
      const docs = loadStoredDocuments(w.lib.db, req.docIds);
      return req.kind === 'excel' ? documentsToExcelCsv(docs) : rowsToCsv(documentsToRows(docs));
    },
    compareUnits: () => {
      const { groups } = loadUnits(w.lib.compare);
      return { units: groups, departments: departments(groups) };
    },
    yoy: (req) => again('yoy', [req.unitKey, req.stage], () => yoyQuery(w.lib.compare, req.unitKey, req.stage)),
    peers(req) {
      // What is kept is the 横比 without its cells: a page's cells are built on each request, for its page of columns only.
      const frame = again('peers', req.query, () => peersFrame(w.lib.compare, req.query));
      return peerColumns(w.lib.compare, frame, req.page ?? null);
    },
    linkUnits(req) {
      linkUnits(w.lib.db, req.fromKey, req.toKey);
      w.changed();
      return null;
    },
    unlinkUnit(req) {
      unlinkUnit(w.lib.db, req.unitKey);
      w.changed();
      return null;
    },
    // Issue 19: 执行, 变化最大 and the long trend, loaded with their first question: a first visit
    // asks none of them before its data is on screen (issue 17: ≤ 150 KB of app code).
    execution: async (req) => {
      const { executionQuery } = await import('../compare/execution');
      return again('execution', [req.unitKey, req.year], () => executionQuery(w.lib.compare, req.unitKey, req.year));
    },
    executionPeers: async (req) => {
      const { executionPeersQuery } = await import('../compare/executionPeers');
      return again('executionPeers', req.year, () => executionPeersQuery(w.lib.compare, req.year));
    },
    ranking: async (req) => {
      const { rankingQuery } = await import('../compare/ranking');
      return again('ranking', req.options, () => rankingQuery(w.lib.compare, req.options));
    },
    trend: async (req) => {
      const { trendQuery } = await import('../compare/trend');
      return again('trend', [req.unitKey, req.item], () => trendQuery(w.lib.compare, req.unitKey, req.item));
    },
  };
  return handlers;
}
