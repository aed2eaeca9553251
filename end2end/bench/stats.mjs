// The benchmarks' shared arithmetic: one median, one way to weigh a file
// compressed (what a host serving brotli or gzip at their best would send).
import zlib from 'node:zlib';

/** The median of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Bytes after brotli at quality 11. */
export function brotliSize(buf) {
  return zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

/** Raw, gzip -9 and brotli q11 sizes of a buffer. */
export function compressedSizes(buf) {
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli: brotliSize(buf) };
}
