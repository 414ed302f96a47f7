import { AnswerMemo } from '../../../src/ui/state/answers';
import type { DbClient } from '../../../src/lib/worker/client';
import type { LibraryState } from '../../../src/ui/state/library.svelte';

/** What KeptViews reads of the library: the document list (state, replaced on every change) and the memo's stamp. */
export class FakeLibrary {
  documents = $state.raw<object[]>([]);
  readonly db = { generation: 0 };
  readonly answers = new AnswerMemo(this.db as DbClient, () => this.documents);

  get asLibrary(): LibraryState {
    return this as unknown as LibraryState;
  }
}
