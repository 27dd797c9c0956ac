/**
 * The reads of one pass over an uploaded file, watched: a read the object store refuses, one
 * whose stream fails, and one that ends before the bytes the store said the file has are all a
 * `StoredFileReadError`, kept here whatever the CSV, ZIP or Excel reader then concludes. So the
 * readers (which may see a failed read only as a damaged or short file, or not at all) never
 * turn a storage or network fault into a problem with the council's file.
 */
import { Transform, type Readable } from 'node:stream';
import type { ImportFileSource } from './import-file.ts';

/** The stored file could not be read this time; nothing is known to be wrong with the file itself. */
export class StoredFileReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoredFileReadError';
  }
}

export class StoredFileReads {
  /** The first read that failed in this pass, if any. */
  failure: StoredFileReadError | undefined;
  private readonly failed: Promise<never>;
  private fail!: (error: StoredFileReadError) => void;

  constructor(private readonly source: ImportFileSource) {
    this.failed = new Promise<never>((_resolve, reject) => {
      this.fail = (error) => {
        if (this.failure) return;
        this.failure = error;
        reject(error);
      };
    });
    // Only awaited where a reader might wait for ever; unheard elsewhere.
    this.failed.catch(() => undefined);
  }

  get size(): number {
    return this.source.size;
  }

  /** The bytes from `start` to the end, failing (here and in `failure`) unless every one of them arrives. */
  async stream(start = 0): Promise<Readable> {
    let body: Readable;
    try {
      body = await this.source.stream(start);
    } catch (error) {
      throw this.failedWith(new StoredFileReadError(`The stored file could not be read from byte ${start}.`, { cause: error }));
    }
    const expected = Math.max(0, this.source.size - start);
    let received = 0;
    const checked = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(null, chunk);
      },
      flush: (done) => done(received < expected ? this.failedWith(new StoredFileReadError(`The stored file's read from byte ${start} ended after ${received} of ${expected} bytes.`)) : null),
    });
    // Heard here, and by whoever reads `checked`: exceljs and unzipper pipe it without listening for errors.
    checked.on('error', () => undefined);
    let closed = false;
    body.on('error', (error) => {
      // Closing the store's stream early (below) may end it with an error of its own: no fault.
      if (closed) return;
      checked.destroy(this.failedWith(new StoredFileReadError(`The stored file's read from byte ${start} failed after ${received} bytes.`, { cause: error })));
    });
    // A reader that stops early (it has what it needs) closes the store's stream with it.
    checked.on('close', () => {
      closed = true;
      body.destroy();
    });
    body.pipe(checked);
    return checked;
  }

  /** `work`, unless a read fails first. */
  unlessFailed<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed]);
  }

  /** Each item of `items`, until a read fails. */
  async *eachUnlessFailed<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = items[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.unlessFailed(iterator.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Only a reader that is not stuck waiting on a failed read is asked to finish.
      if (!this.failure) await iterator.return?.();
    }
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private failedWith(error: StoredFileReadError): StoredFileReadError {
    this.fail(error);
    return this.failure ?? error;
  }
}
