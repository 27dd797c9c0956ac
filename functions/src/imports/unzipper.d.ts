/** The part of unzipper (no types of its own) that reads a ZIP's directory without unpacking it. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  interface DirectoryEntry {
    path: string;
    compressedSize: number;
    uncompressedSize: number;
  }
  const unzipper: {
    Open: {
      custom(source: { size(): Promise<number>; stream(offset: number, length?: number): Readable }): Promise<{ files: DirectoryEntry[] }>;
    };
  };
  export default unzipper;
}
