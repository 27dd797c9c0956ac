/** The parts of fflate that zip-stream.ts writes archives with, imported by it when it writes its first. */
export { Zip, ZipDeflate, strToU8 } from 'fflate';
