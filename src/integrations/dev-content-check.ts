/**
 * Dev server only: when a file under the content folder changes, reload the open pages, so a content problem shows in
 * Astro's error overlay at once (site-data.ts checks the files on each load) and clears as soon as it is fixed.
 */
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/content-dir.ts';

export default function devContentCheck(): AstroIntegration {
  return {
    name: 'briefing:dev-content-check',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const dir = contentDir();
        let timer: NodeJS.Timeout | undefined;
        server.watcher.add(dir);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(dir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => server.ws.send({ type: 'full-reload' }), 150);
        });
      },
    },
  };
}
