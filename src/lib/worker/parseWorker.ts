/// <reference lib="webworker" />
import { answerJob, type ParseJob } from './parseJob';

/**
 * A worker of the parse pool (parsePool.ts): reads the files the database worker hands it, one at
 * a time, so that parsing the next files of a burst overlaps storing and auditing the previous
 * ones, which only the database worker can do. No SQL here.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ParseJob>) => {
  const { reply, transfer } = await answerJob(event.data);
  self.postMessage(reply, transfer);
};
