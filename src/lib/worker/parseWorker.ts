/// <reference lib="webworker" />
import { parseJob, type ParseJob, type ParseReply } from './parseJob';

/**
 * A worker of the parse pool (parsePool.ts): reads the files the database worker hands it, one at
 * a time, so that parsing the next files of a burst overlaps storing and auditing the previous
 * ones, which only the database worker can do. No SQL here.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ParseJob>) => {
  const { job, file, fileName } = event.data;
  let reply: ParseReply;
  try {
    reply = { job, ...(await parseJob(file, fileName)) };
  } catch (e) {
    reply = { job, pass: false, read: { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}` } };
  }
  self.postMessage(reply);
};
