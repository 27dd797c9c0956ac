import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipStream } from './zip-stream.ts';

async function read(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('zipStream', () => {
  it('writes each file whole, from strings, chunks and async chunks', async () => {
    async function* lines() {
      for (let i = 0; i < 1000; i++) yield `row ${i}\n`;
    }
    const zip = await read(
      zipStream([
        { name: 'a.txt', content: 'hello' },
        { name: 'dir/b.csv', content: lines() },
        { name: 'c.json', content: ['{"x":', '1}'] },
      ]),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['a.txt', 'dir/b.csv', 'c.json']);
    expect(strFromU8(files['a.txt']!)).toBe('hello');
    expect(strFromU8(files['dir/b.csv']!).split('\n')).toHaveLength(1001);
    expect(JSON.parse(strFromU8(files['c.json']!))).toEqual({ x: 1 });
  });

  it('makes a valid empty archive', async () => {
    expect(Object.keys(unzipSync(await read(zipStream([]))))).toEqual([]);
  });
});
