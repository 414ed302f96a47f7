import type { SqlJsStatic } from 'sql.js';
import { executionQuery, type ExecutionResult } from '../compare/execution';
import { LibraryDb } from '../db/library';
import { peersQuery, type PeersResult } from '../compare/peers';
import { yoyQuery, type YoyResult } from '../compare/yoy';
import type { StoredDocument } from '../model/document';
import type { Scope, Stage } from '../model/keys';
import {
  CATALOG_FILE, CONTENT_COLUMNS, DOCUMENT_COLUMNS, FIGURE_COLUMNS, FULL_FIGURE_COLUMNS, UNIT_COLUMNS, contentPath, documentsPath,
  figuresPath, metricsPath, parseArchiveCatalog, peersPath, unitsPath, yoyPath, type ArchiveCatalog, type ArchiveCity, type ArchiveProvince,
} from './format';
import { ArchiveError, ArchiveHttp, type FetchFn, type Transfer } from './http';
import { ParquetSource } from './parquet';
import { rankingRows, type RankingRow } from './ranking';
import { archiveDocument, VIEW_TIME, viewDatabase, type ArchiveDocRow, type ArchiveFigureRow } from './viewDb';

export interface ArchiveUnit {
  key: string;
  code: string;
  name: string;
  /** The province's partition key (two digits) and name. */
  province: string;
  provinceName: string;
  city: string;
  years: number[];
  documents: number;
  docRow: number;
  yoyRow: number;
  yoyRows: number;
}

export interface OpenOptions {
  fetch?: FetchFn;
  onProgress?: (t: Transfer) => void;
  /** The page's origin: an archive elsewhere is read only where its host allows it (CORS), and said so when it does not. */
  origin?: string;
  /** What a relative address is relative to (the page's base URI); the origin when not given. */
  base?: string;
}

/**
 * A national archive on a static host, read by range requests (format.ts). Each view fetches the
 * rows it needs (a unit's documents and 同比 rows; a city's documents and 横比 rows of one year; a
 * province's metrics of one year), puts them in a throw-away library (viewDb.ts) and runs the
 * library's own queries on it, so an archive view equals the same view over the same documents
 * imported locally. Errors are ArchiveError with a Chinese sentence naming the file.
 */
export class Archive {
  private unitList: Promise<ArchiveUnit[]> | null = null;
  readonly provinces: Map<string, ArchiveProvince>;

  private constructor(readonly url: string, readonly catalog: ArchiveCatalog, readonly http: ArchiveHttp, private readonly source: ParquetSource, private readonly SQL: SqlJsStatic) {
    this.provinces = new Map(catalog.provinces.map((p) => [p.key, p]));
  }

  /** Opens the archive whose archive.json is at `url` (or in the folder `url`). */
  static async open(url: string, SQL: SqlJsStatic, opts: OpenOptions = {}): Promise<Archive> {
    let catalogUrl: URL;
    try {
      catalogUrl = new URL(url.endsWith('.json') ? url : `${url.replace(/\/?$/, '/')}${CATALOG_FILE}`, opts.base ?? opts.origin ?? undefined);
    } catch {
      throw new ArchiveError(`「${url.slice(0, 80)}」不是有效的档案地址`);
    }
    if (!/^https?:$/.test(catalogUrl.protocol)) throw new ArchiveError(`档案地址必须以 http:// 或 https:// 开头：${url.slice(0, 80)}`);
    const http = new ArchiveHttp(new URL('./', catalogUrl), opts.fetch ?? ((u, i) => fetch(u, i)), opts.onProgress);
    const where = catalogUrl.origin !== opts.origin && opts.origin ? `另一网站（${catalogUrl.origin}）上的档案目录` : '档案目录';
    let json: unknown;
    try {
      json = await http.json(catalogUrl.pathname.split('/').pop()!);
    } catch (e) {
      if (opts.origin && catalogUrl.origin !== opts.origin && e instanceof ArchiveError && e.message.includes('连接不到')) {
        throw new ArchiveError(`无法打开另一网站（${catalogUrl.origin}）上的档案：该网站没有允许本站跨域读取（CORS），或无法连接。请把档案放在与本应用相同的网站上，或请其管理者允许跨域读取并开放 Range 请求头。`);
      }
      throw e;
    }
    const parsed = parseArchiveCatalog(json, where);
    if (!parsed.ok) throw new ArchiveError(parsed.error);
    return new Archive(catalogUrl.href, parsed.catalog, http, new ParquetSource(http, new Map(parsed.catalog.files.map((f) => [f.path, f]))), SQL);
  }

  get transfer(): Transfer {
    return { ...this.http.transfer };
  }

  province(key: string): ArchiveProvince {
    const p = this.provinces.get(key);
    if (!p) throw new ArchiveError(`档案中没有编号为 ${key} 的省份`);
    return p;
  }

  city(province: string, name: string): ArchiveCity {
    const c = this.province(province).cities.find((x) => x.name === name);
    if (!c) throw new ArchiveError(`档案中 ${this.province(province).name} 没有「${name}」`);
    return c;
  }

  /** Every unit of the archive (units.parquet, read once): the search index. */
  units(): Promise<ArchiveUnit[]> {
    this.unitList ??= this.source.rows(unitsPath, UNIT_COLUMNS, 0, this.source.file(unitsPath).rows).then((rows) => rows.map((r) => ({
      key: String(r.unit_key), code: String(r.unit_code), name: String(r.unit_name), province: String(r.province),
      provinceName: this.provinces.get(String(r.province))?.name ?? '', city: String(r.city),
      years: String(r.years).split(',').filter(Boolean).map(Number), documents: Number(r.documents),
      docRow: Number(r.doc_row), yoyRow: Number(r.yoy_row), yoyRows: Number(r.yoy_rows),
    })), (e) => {
      this.unitList = null;
      throw e;
    });
    return this.unitList;
  }

  private docs(province: string, start: number, count: number): Promise<ArchiveDocRow[]> {
    return this.source.rows<ArchiveDocRow>(documentsPath(province), DOCUMENT_COLUMNS, start, count);
  }

  /** 同比 of one unit of the archive: its documents of every year and the figures 同比 reads. */
  async yoy(unit: ArchiveUnit, stage: Stage = 'budget'): Promise<YoyResult | null> {
    const [docs, figures] = await Promise.all([
      this.docs(unit.province, unit.docRow, unit.documents),
      this.source.rows<ArchiveFigureRow>(yoyPath(unit.province), FIGURE_COLUMNS, unit.yoyRow, unit.yoyRows),
    ]);
    const db = viewDatabase(this.SQL, docs, figures);
    try {
      return yoyQuery(db.compare, unit.key, stage);
    } finally {
      db.close();
    }
  }

  /**
   * 横比 of a city's units (all, or those given) for one year: the city's documents of every year
   * (so the view can say why a unit has no column) and the 横比 rows of that year.
   */
  async peers(province: string, cityName: string, year: number, stage: Stage = 'budget', scope: Scope | 'all' = 'department', unitKeys?: readonly string[]): Promise<PeersResult> {
    const city = this.city(province, cityName);
    const range = city.peers[String(year)] ?? [0, 0];
    const [docs, figures] = await Promise.all([
      this.docs(province, city.docRows[0], city.docRows[1]),
      this.source.rows<ArchiveFigureRow>(peersPath(province), FIGURE_COLUMNS, range[0], range[1]),
    ]);
    const keys = unitKeys ?? [...new Set(docs.map((d) => d.unit_key))];
    const db = viewDatabase(this.SQL, docs, figures);
    try {
      const result = peersQuery(db.compare, { year, stage, scope, selection: { kind: 'units', keys: [...keys] } });
      // The years one can choose are the archive's, not only this city's.
      return { ...result, years: this.catalog.years.filter((y) => this.catalog.stages.includes(stage) && y >= 0) };
    } finally {
      db.close();
    }
  }

  /** The change ranking of a province's units for one year (metrics/*.parquet, computed at build). */
  async ranking(province: string, year: number, metric = 'expense_total', stage: Stage = 'budget'): Promise<RankingRow[]> {
    const range = this.province(province).metrics[String(year)] ?? [0, 0];
    const rows = await this.source.rows(metricsPath(province), ['doc_id', 'unit_key', 'unit_code', 'unit_name', 'city', 'scope', 'stage', 'year', metric, 'prior_year', `prior_${metric}`], range[0], range[1]);
    return rankingRows(rows, metric, stage);
  }

  /** One document whole (every figure, its tables, projects, warnings and narrative), for the local library. */
  async document(province: string, docRow: number): Promise<StoredDocument> {
    const [d] = await this.docs(province, docRow, 1);
    if (!d) throw new ArchiveError('档案中找不到这份文档');
    return this.whole(province, d);
  }

  private async whole(province: string, d: ArchiveDocRow): Promise<StoredDocument> {
    const [figures, content] = await Promise.all([
      this.source.rows<ArchiveFigureRow>(figuresPath(province, d.year), FULL_FIGURE_COLUMNS, d.fig_row, d.figures),
      this.source.rows(contentPath(province, d.year), CONTENT_COLUMNS, d.part_row, 1),
    ]);
    const c = content[0];
    if (!c || c.doc_id !== d.doc_id || figures.some((f) => f.doc_id !== d.doc_id)) throw new ArchiveError(`档案中文档 ${d.doc_id} 的数据与目录不符（档案可能不完整）`);
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    return archiveDocument(d, figures, {
      tables: json(c.tables), projects: json(c.projects), warnings: json(c.warnings),
      narrative: c.narrative ? json(c.narrative) : undefined, rawTables: c.raw_tables ? json(c.raw_tables) : undefined,
    });
  }

  /**
   * 执行 (预算 vs 决算) of a unit and year: its 预算 and 决算 of that year fetched whole (figures and
   * content, the 决算's narrative gives the reasons), put in a throw-away library, and the library's
   * own executionQuery run on it. A unit with several documents of a stage that year (部门 and 单位)
   * brings them all, so the query picks as it does locally; the unit's
   * other documents come as their rows only (already fetched for the year list).
   */
  async execution(unit: ArchiveUnit, year: number): Promise<ExecutionResult | null> {
    const rows = await this.unitDocuments(unit);
    const wanted = rows.filter((d) => d.year === year && (d.stage === 'budget' || d.stage === 'final'));
    if (wanted.length === 0) return null;
    const whole = await Promise.all(wanted.map((d) => this.whole(unit.province, d)));
    // The unit's other documents enter by their rows only (no figures), so the unit (its names, years) reads as it does locally.
    const docs = rows.map((d) => whole.find((w) => w.docId === d.doc_id) ?? archiveDocument(d, []));
    const lib = LibraryDb.create(this.SQL);
    try {
      lib.addDocuments(docs, 'archive', 'archive', undefined, VIEW_TIME);
      return executionQuery(lib.compare, unit.key, year);
    } finally {
      lib.close();
    }
  }

  /** The years in which a unit has both a 预算 and a 决算 in the archive (the execution view's year picker). */
  async executionYears(unit: ArchiveUnit): Promise<number[]> {
    const rows = await this.unitDocuments(unit);
    const of = (stage: Stage) => new Set(rows.filter((d) => d.stage === stage).map((d) => d.year));
    const finals = of('final');
    return [...of('budget')].filter((y) => finals.has(y)).sort((a, b) => a - b);
  }

  /** The documents of a unit (their rows in documents/*.parquet), for listing and import. */
  unitDocuments(unit: ArchiveUnit): Promise<ArchiveDocRow[]> {
    return this.docs(unit.province, unit.docRow, unit.documents);
  }
}
