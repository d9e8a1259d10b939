// A static server for the release build in dist/, serving the precompressed .br/.gz copies
// where the browser accepts them, with the single-page-app fallback any host of the apps
// needs: unknown paths under /dashboard/ serve the QA dashboard's dashboard/index.html, every
// other unknown path the form's index.html. Loopback only. With a third argument, a directory
// holding key.pem and cert.pem, it serves HTTP/2 over TLS as a real host does (bench/lighthouse.mjs;
// HTTP/1.1 still answers a client without HTTP/2).
import http from 'node:http';
import http2 from 'node:http2';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? new URL('../../dist', import.meta.url).pathname);
const port = Number(process.argv[3] ?? 4173);
const tls = process.argv[4];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const handle = (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  let file = path.join(root, pathname);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      const app = pathname === '/dashboard' || pathname.startsWith('/dashboard/') ? 'dashboard' : '';
      file = path.join(root, app, 'index.html');
    }
    // The precompressed copy scripts/build wrote beside it (brotli, else gzip), when the
    // browser takes it, as a host with `brotli_static`/`gzip_static` serves it.
    const accepts = req.headers['accept-encoding'] ?? '';
    const encoding = [['br', '.br'], ['gzip', '.gz']].find(
      ([name, ext]) => accepts.includes(name) && fs.existsSync(file + ext),
    );
    res.writeHead(200, {
      'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding[0] } : {}),
    });
    fs.createReadStream(encoding ? file + encoding[1] : file).pipe(res);
  });
};

const server = tls
  ? http2.createSecureServer(
      { allowHTTP1: true, key: fs.readFileSync(path.join(tls, 'key.pem')), cert: fs.readFileSync(path.join(tls, 'cert.pem')) },
      handle,
    )
  : http.createServer(handle);
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} at ${tls ? 'https' : 'http'}://127.0.0.1:${port}`));
