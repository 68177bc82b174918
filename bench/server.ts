import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { servedFile } from '../src/lib/output/serve-path.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.wasm': 'application/wasm', '.xml': 'application/xml', '.txt': 'text/plain', '.zip': 'application/zip',
};

/**
 * Serves a built folder on 127.0.0.1:port (folders answer with their index.html; nothing outside the folder, regular
 * files only: src/lib/output/serve-path.ts); resolves to a stop function.
 */
export async function serveFolder(dir: string, port: number): Promise<() => void> {
  const server = createServer(async (req, res) => {
    const served = servedFile(dir, new URL(req.url ?? '/', 'http://x').pathname);
    try {
      if (served.status !== 200) throw new Error(served.reason);
      const body = await readFile(served.file);
      res.writeHead(200, { 'content-type': TYPES[extname(served.file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(served.status === 200 ? 404 : served.status, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return () => server.close();
}
