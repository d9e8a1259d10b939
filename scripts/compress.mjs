// How the build compresses what it ships (scripts/precompress.mjs), and what the size check
// and the benchmarks measure with the same settings (bench/first-load.mjs): gzip -9 and brotli
// quality 11, of the asset types a page loads.
import zlib from 'node:zlib';

/** Asset extensions a page loads; the precompressed copies (.gz, .br) sit beside them. */
export const assetPattern = /\.(html|js|wasm|css)$/;

export const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });
export const brotli = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
