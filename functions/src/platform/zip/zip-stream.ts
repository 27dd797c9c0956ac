/**
 * ZIP archives written as a stream, for exports. Each file's content is an iterable of chunks,
 * compressed and handed on as the reader asks for more, so an export of any size holds one
 * chunk at a time rather than the archive. fflate's `Zip` rather than archiver or JSZip: it has
 * no dependencies and adds about 12 KB to the API bundle, where archiver added 246 KB and
 * JSZip 127 KB to a bundle already near its ceiling. It is loaded with the first archive, not
 * with the module: fflate fills its compression tables when it loads, a tenth of the casework
 * function's cold start, and most instances never write an archive.
 */
import type { Zip } from 'fflate';

type Chunk = string | Uint8Array;

export interface ZipFile {
  /** A path inside the archive, made by us (never a user's filename). */
  name: string;
  content: Chunk | Iterable<Chunk> | AsyncIterable<Chunk>;
}

async function* chunksOf(content: ZipFile['content']): AsyncGenerator<Chunk> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else yield* content;
}

/** The files as one ZIP, produced as it is read. */
export function zipStream(files: Iterable<ZipFile> | AsyncIterable<ZipFile>): ReadableStream<Uint8Array> {
  const ready: Uint8Array[] = [];
  let finished = false;
  let failure: Error | undefined;
  let zip: Zip | undefined;
  // One step at a time: a step is the start of a file, one of its chunks, or its end.
  async function* steps(): AsyncGenerator<void> {
    // Loaded once, by the first archive: the module cache hands later ones the same module.
    const { Zip, ZipDeflate, strToU8 } = await import('./zip-deflate.ts');
    const archive = (zip = new Zip((error, data, final) => {
      if (error) failure = error;
      else ready.push(data);
      if (final) finished = true;
    }));
    for await (const file of files) {
      const entry = new ZipDeflate(file.name, { level: 6 });
      archive.add(entry);
      for await (const chunk of chunksOf(file.content)) {
        entry.push(typeof chunk === 'string' ? strToU8(chunk) : chunk);
        yield;
      }
      entry.push(new Uint8Array(0), true);
      yield;
    }
    archive.end();
  }
  const walk = steps();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (ready.length === 0 && !finished && !failure) {
        const step = await walk.next();
        if (step.done && ready.length === 0 && !finished) break;
      }
      if (failure) return controller.error(failure);
      while (ready.length > 0) controller.enqueue(ready.shift()!);
      if (finished) controller.close();
    },
    async cancel() {
      zip?.terminate();
      await walk.return(undefined);
    },
  });
}
