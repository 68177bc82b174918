/** Site-wide settings that are not content. */
export const SITE = {
  /** Name shown in the header and in page titles. */
  title: 'Muscat talks briefing',
  /** Used when SITE_URL is not set in the environment. */
  defaultUrl: 'https://muscat-briefing.example.org',
  /** The source a <Cite> points into when it names none. */
  defaultSource: 'muscat-2026-02-06',
  /** File name of the offline edition's zip, written into the hosted site's root. */
  offlineZip: 'muscat-talks-briefing-offline.zip',
  /** File name of the whole briefing as a PDF (printed from /brief/), written into the hosted site's root. */
  briefPdf: 'muscat-talks-briefing.pdf',
  /** File name of the whole briefing as an EPUB 3 (made from /brief/), written into the hosted site's root. */
  briefEpub: 'muscat-talks-briefing.epub',
  /**
   * Content-Security-Policy of every page (a meta tag, so it works on any static host and offline). Scripts only from
   * the site's own files, never inline; 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly. Styles are inlined
   * into each page (one round trip), hence 'unsafe-inline' for styles only.
   */
  contentSecurityPolicy: [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; '),
  /**
   * The licence of our own text (summaries, positions, definitions), which every open data file carries and the Data
   * page states. The source reports themselves are not ours and are not republished.
   */
  licence: {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: 'Muscat talks briefing (our summaries in our own words; the source reports are not included)',
  },
  /** Language of the pages. */
  lang: 'en-GB',
} as const;
