/**
 * The golden set: queries readers type, each with the page(s) that may come first. e2e/golden.spec.ts runs every one
 * through both editions' search pages (hosted: Pagefind; offline: MiniSearch from disk), and `npm run bench` reports
 * each edition's hit rate. When several pages are listed, any of them first counts as a hit ("enrichment" may open
 * the glossary entry or the issue).
 *
 * Kinds: a name, alias or surname; a misspelling or another transliteration; a topic (issue or term); an acronym;
 * two entities together (actor + issue → that actor's stance); a question in plain words; a nation's adjective
 * ("Israeli air campaign June", searched as typed, not read as a name); "position of X on Y"; "what does X want";
 * an event; and questions the report cannot answer, which list no page (`first` is empty) and say so.
 */
export interface GoldenQuery {
  query: string;
  first: string[];
  kind: 'name' | 'misspelt' | 'transliteration' | 'topic' | 'acronym' | 'pair' | 'question' | 'adjective' | 'stance-of' | 'wants' | 'event' | 'unanswerable';
}

const q = (kind: GoldenQuery['kind'], query: string, ...first: string[]): GoldenQuery => ({ query, first, kind });

export const GOLDEN_QUERIES: GoldenQuery[] = [
  q('name', 'Iran', '/actors/iran/'),
  q('name', 'Tehran', '/actors/iran/'),
  q('name', 'Oman', '/actors/oman/'),
  q('name', 'Israel', '/actors/israel/'),
  q('name', 'Russia', '/actors/russia/'),
  q('name', 'Kremlin', '/actors/russia/'),
  q('name', 'Washington', '/actors/united-states/'),
  q('name', 'United States', '/actors/united-states/'),
  q('name', 'Rubio', '/actors/marco-rubio/'),
  q('name', 'Araqchi', '/actors/abbas-araqchi/'),
  q('name', 'Witkoff', '/actors/steve-witkoff/'),
  q('name', 'Kushner', '/actors/jared-kushner/'),
  q('name', 'Trump', '/actors/donald-trump/'),
  q('name', 'Leavitt', '/actors/karoline-leavitt/'),
  q('name', 'Netanyahu', '/actors/benjamin-netanyahu/'),
  q('name', 'Assad', '/actors/bashar-al-assad/'),
  q('name', 'Revolutionary Guards', '/actors/revolutionary-guards/'),
  q('name', 'state media', '/actors/iranian-state-media/'),
  q('misspelt', 'Rubbio', '/actors/marco-rubio/'),
  q('misspelt', 'Kusner', '/actors/jared-kushner/'),
  q('misspelt', 'Netanyahoo', '/actors/benjamin-netanyahu/'),
  q('misspelt', 'Witkof', '/actors/steve-witkoff/'),
  q('misspelt', 'enrichmnt', '/glossary/enrichment/', '/issues/uranium-enrichment/'),
  q('transliteration', 'Araghchi', '/actors/abbas-araqchi/'),
  q('transliteration', 'Asad', '/actors/bashar-al-assad/'),
  q('transliteration', 'Omaan', '/actors/oman/'),
  q('acronym', 'IRGC', '/actors/revolutionary-guards/'),
  q('acronym', 'HEU', '/glossary/highly-enriched-uranium/'),
  q('acronym', 'JCPOA', '/glossary/jcpoa/'),
  q('topic', 'enrichment', '/glossary/enrichment/', '/issues/uranium-enrichment/'),
  q('topic', 'sanctions relief', '/issues/sanctions-relief/', '/glossary/sanctions-relief/'),
  q('topic', 'ballistic missiles', '/issues/ballistic-missiles/', '/glossary/ballistic-missile/'),
  q('topic', 'Khorramshahr', '/glossary/khorramshahr-4/'),
  q('topic', 'Axis of Resistance', '/glossary/axis-of-resistance/'),
  q('topic', 'consortium', '/glossary/enrichment-consortium/'),
  q('topic', 'military pressure', '/issues/military-pressure/'),
  q('pair', 'Rubio missiles', '/positions/marco-rubio--ballistic-missiles/'),
  q('pair', 'missiles Israel', '/positions/israel--ballistic-missiles/'),
  q('pair', 'Trump military pressure', '/positions/donald-trump--military-pressure/'),
  q('question', 'who wants sanctions relief', '/positions/iran--sanctions-relief/'),
  q('question', 'who rejects missile talks', '/positions/iran--ballistic-missiles/', '/positions/iranian-state-media--ballistic-missiles/'),
  q('question', 'where does Russia stand', '/actors/russia/', '/positions/russia--regional-escalation/'),
  q('question', 'what does Iran want on enrichment', '/positions/iran--uranium-enrichment/'),
  q('question', 'is missile programme negotiable', '/issues/ballistic-missiles/', '/positions/iran--ballistic-missiles/'),
  // The strikes came in the closing phase of the Israeli campaign: the military context and the timeline tell it.
  q('adjective', 'Israeli air campaign June', '/briefing/military-context/', '/timeline/'),
  q('adjective', 'Omani mediators', '/actors/oman/'),
  q('adjective', 'Russian call for restraint', '/actors/russia/', '/positions/russia--regional-escalation/'),
  q('adjective', 'Iranian threats against Gulf bases', '/actors/gulf-host-states/', '/positions/iran--regional-escalation/'),
  q('stance-of', 'position of Israel on missiles', '/positions/israel--ballistic-missiles/'),
  q('stance-of', 'position of Iran on the stockpile', '/positions/iran--enriched-uranium-stockpile/'),
  q('stance-of', 'position of the United States on talks scope', '/positions/united-states--talks-scope/'),
  q('stance-of', 'Rubio position on treatment of population', '/positions/marco-rubio--treatment-of-population/'),
  // Tehran wants recognition of its right to enrich and sanctions relief, on a nuclear-only agenda.
  q('wants', 'what does Iran want', '/positions/iran--talks-scope/', '/positions/iran--uranium-enrichment/', '/positions/iran--sanctions-relief/'),
  q('wants', 'what does Rubio want', '/positions/marco-rubio--talks-scope/', '/actors/marco-rubio/'),
  q('wants', 'what does Russia want', '/actors/russia/', '/positions/russia--regional-escalation/'),
  q('wants', 'what does Israel want', '/actors/israel/', '/positions/israel--ballistic-missiles/'),
  q('event', 'air campaign June', '/briefing/military-context/', '/timeline/'),
  q('event', 'crackdown on protests', '/issues/treatment-of-population/', '/positions/united-states--treatment-of-population/'),
  q('event', 'fall of Assad', '/actors/bashar-al-assad/'),
  q('event', 'massive armada', '/issues/military-pressure/', '/positions/donald-trump--military-pressure/'),
  q('unanswerable', 'Chinese position'),
  q('unanswerable', 'oil prices 2027'),
  q('unanswerable', 'election results'),
];
