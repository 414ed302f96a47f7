import { answerJob, type ParseJob, type ParseReply } from '../../../src/lib/worker/parseJob';
import { ParsePool } from '../../../src/lib/worker/parsePool';

/** A pool worker as the browser runs it (parseWorker.ts: answerJob on each message), or one that fails to start. */
export class FakeWorker {
  onmessage: ((e: MessageEvent<ParseReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  jobs = 0;
  terminated = false;
  constructor(private readonly fails = false) {}
  postMessage(job: ParseJob): void {
    this.jobs++;
    if (this.fails) {
      setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent));
      return;
    }
    // As the message arrives: a structured clone, with the figures' buffers transferred.
    void answerJob(job).then(({ reply, transfer }) => this.onmessage?.({ data: structuredClone(reply, { transfer }) } as MessageEvent<ParseReply>));
  }
  terminate(): void {
    this.terminated = true;
  }
}

export function fakePool(size: number, fails = false): { pool: ParsePool; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const pool = new ParsePool(() => {
    const w = new FakeWorker(fails);
    workers.push(w);
    return w as unknown as Worker;
  }, size);
  return { pool, workers };
}

