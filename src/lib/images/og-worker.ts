/**
 * The worker-thread side of drawing preview images (src/lib/images/og-draw.ts): piscina loads this file on each thread and
 * runs its default export once per image. Node loads it itself, not vite, by type stripping, so it and everything it
 * imports must be erasable TypeScript (no enums, namespaces or parameter properties).
 *
 *   { title: 'Marco Rubio', type: 'actor', siteTitle: 'Muscat talks briefing' }  →  the PNG's bytes
 */
import { renderOgImage, type OgImageInput } from './og-image.ts';

export default function drawOgImage(input: OgImageInput): Promise<Uint8Array> {
  return renderOgImage(input);
}
