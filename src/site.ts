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
  /** Language of the pages. */
  lang: 'en-GB',
} as const;
