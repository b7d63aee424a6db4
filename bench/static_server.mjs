// A CDN-like static server for bench.press_files: node static_server.mjs DIR PORT KEY CERT [h1|h2]. TLS, brotli,
// CORS and no-cache, as Shopify's CDN serves an extension's assets; HTTP/2 (one connection) or HTTP/1.1 only.
import fs from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir, port, key, cert, protocol] = process.argv.slice(2);
const compressed = {};
const tls = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };

function serve(request, response) {
  const file = path.join(dir, path.basename(new URL(request.url, 'https://cdn').pathname));
  if (!fs.existsSync(file)) {
    response.writeHead(404);
    return response.end();
  }
  compressed[file] ??= zlib.brotliCompressSync(fs.readFileSync(file));
  response.writeHead(200, {
    'content-type': 'text/javascript',
    'content-encoding': 'br',
    'access-control-allow-origin': '*',
    'cache-control': 'no-cache',
  });
  response.end(compressed[file]);
}

const server = protocol == 'h1' ? https.createServer(tls, serve) : http2.createSecureServer(tls, serve);
server.listen(+port, '127.0.0.1', () => console.log('listening'));
