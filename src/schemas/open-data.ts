/**
 * The open data: the content model as downloads (/data/<name>.json, .csv and .schema.json), one table of datasets.
 * Each record schema takes its fields from the content schemas (same types, patterns and vocabularies), with
 * references flattened to ids and absent values written as null, so every record has every field and a CSV row is
 * a clean table row. Each field's description is written once, here: the JSON Schemas (z.toJSONSchema), the Data
 * page's field tables and data/README.txt all read it.
 *
 *   OPEN_DATASETS.actors.record.shape.name.description → 'Full name, as a reader would look for it.'
 *   openDataFileSchema('actors') → z.object({ dataset, licence, asOf, built, records: z.array(actorRecord) })
 */
import { z } from 'astro/zod';
import { idRef } from './id-ref.ts';
import { actorSchema } from './actor.ts';
import { aliasesSchema, citationSchema, slug } from './common.ts';
import { eventDateSchema, eventSchema } from './event.ts';
import { glossarySchema } from './glossary.ts';
import { issueSchema } from './issue.ts';
import { positionSchema } from './position.ts';
import { relationSchema } from './relation.ts';
import { paragraphSchema, sourceSchema } from './source.ts';

// The content schemas' fields, parsed as the validator parses them (references through idRef); only fields that
// are not references are taken from them, since the downloads carry references as plain ids.
const actor = actorSchema(idRef).shape;
const issue = issueSchema(idRef).shape;
const position = positionSchema(idRef).shape;
const event = eventSchema(idRef).shape;
const eventDate = eventDateSchema.shape;
const derived = eventDateSchema.shape.derived.unwrap().shape;
const term = glossarySchema(idRef).shape;
const relation = relationSchema(idRef).shape;
const paragraph = paragraphSchema.shape;
const source = sourceSchema.shape;

const day = z.iso.date();
const aliases = aliasesSchema.unwrap();
/** An entry id: lowercase words joined by hyphens (positions join actor and issue with "--"). */
const entryId = z.string().regex(/^[a-z0-9]+(?:--?[a-z0-9]+)*$/);
const ids = z.array(slug);

/** A citation: one source and some of its numbered paragraphs. */
export const citationRecord = z.strictObject({
  source: slug.describe('Id of the source (see source-paragraphs).'),
  paragraphs: citationSchema(idRef).shape.paragraphs.describe('Numbers of the cited paragraphs, from 1.'),
});

const citations = (what: string) => z.array(citationRecord).min(1).describe(`The source paragraphs that support ${what}.`);
const page = (what: string) => z.string().describe(`Address of ${what}, relative to the site's home page.`);

export const actorRecord = z.strictObject({
  id: slug.describe('Id of the actor, used by every other file that names it.'),
  name: actor.name.describe('Full name, as a reader would look for it.'),
  shortName: actor.shortName.unwrap().nullable().describe('Short name for tight spaces; null when it is the full name.'),
  kind: actor.kind.describe('What sort of actor it is.'),
  aliases: aliases.describe('Other names the report uses (capitals, surnames).'),
  otherNames: aliases.describe('Names the report does not use but readers may type (transliterations, acronyms); added by the editors.'),
  affiliation: slug.nullable().describe('Id of the actor this one belongs to or speaks for (a minister: their state); null if none.'),
  role: actor.role.describe('The role the report gives it, in a few words.'),
  summary: actor.summary.describe('Who this is in this story, in our words.'),
  citations: citations('the role and summary'),
  page: page('the actor’s page'),
});

export const issueRecord = z.strictObject({
  id: slug.describe('Id of the issue, used by positions and events.'),
  title: issue.title.describe('The issue as a short noun phrase.'),
  shortTitle: issue.shortTitle.describe('Very short label, as the positions matrix heads its column.'),
  aliases: aliases.describe('Other words readers use for it.'),
  summary: issue.summary.describe('What is in dispute, in one sentence of our own.'),
  order: issue.order.describe('Display order (lower first), as the matrix and the issue index follow it.'),
  citations: citations('the issue being on the table'),
  page: page('the issue’s page'),
});

export const positionRecord = z.strictObject({
  id: entryId.describe('Id of the position: actor id, "--", issue id, and "--" and more for a second stance.'),
  title: z.string().describe('The title its page shows: actor on issue, the aspect when needed, "(until …)" once replaced.'),
  actor: slug.describe('Id of the actor who holds it (see actors).'),
  issue: slug.describe('Id of the issue it concerns (see issues).'),
  stance: position.stance.describe('The stance, from a closed vocabulary.'),
  aspect: position.aspect.unwrap().nullable().describe('What sets it apart from the actor’s other positions on the issue; null when it has none.'),
  headline: position.headline.describe('The position in a few words, as the matrix cell shows it.'),
  summary: position.summary.describe('The position in one to three sentences of our own, attributed.'),
  voicedBy: position.voicedBy.unwrap().nullable().describe('Who voiced it, when narrower than the actor; null otherwise.'),
  citations: citations('the stance'),
  asOf: day.describe('Date of the latest source it cites.'),
  supersedes: entryId.nullable().describe('Id of the older position this one replaces; null if it replaces none.'),
  supersededBy: entryId.nullable().describe('Id of the later position that replaces this one; null if none does.'),
  current: z.boolean().describe('Whether this is the actor’s current stance (no later position replaces it).'),
  page: page('the position’s page'),
});

export const eventRecord = z.strictObject({
  id: slug.describe('Id of the event, the anchor of its entry on the timeline.'),
  title: event.title.describe('What happened, as a short headline of our own.'),
  date: eventDate.on.nullable().describe('The date to the precision the report allows (YYYY-MM-DD, YYYY-MM or YYYY); null when it gives none.'),
  datePrecision: eventDate.precision.nullable().describe('Precision of the date; null when undated.'),
  dateDerivedFrom: derived.from.nullable().describe('When the date was worked out from relative wording: that wording ("last June"); null otherwise.'),
  dateReasoning: derived.reasoning.nullable().describe('How a derived date was worked out from the dateline; null otherwise.'),
  when: event.when.unwrap().nullable().describe('For an undated event: where it falls, in words; null otherwise.'),
  after: slug.nullable().describe('For an undated event: id of the event the report places it after; null if none.'),
  before: slug.nullable().describe('For an undated event: id of the event the report places it before; null if none.'),
  order: event.order.describe('Reading order on the timeline (lower first).'),
  summary: event.summary.describe('One to three sentences of our own.'),
  actors: ids.describe('Ids of the actors involved (see actors).'),
  issues: ids.describe('Ids of the issues it bears on (see issues).'),
  citations: citations('the event'),
  page: page('its entry on the timeline'),
});

export const relationRecord = z.strictObject({
  from: slug.describe('Id of the actor the relation reads from (see actors).'),
  kind: relation.kind.describe('What the relation is, from a closed vocabulary.'),
  to: slug.describe('Id of the actor it reads to.'),
  label: relation.label.unwrap().describe('The words between the two names: the entry’s own, or the vocabulary’s.'),
  mutual: z.boolean().describe('Whether it reads the same both ways (drawn without an arrow on the actor map).'),
  citations: citations('the relation'),
});

export const termRecord = z.strictObject({
  id: slug.describe('Id of the term.'),
  term: term.term.describe('The term as it is usually written.'),
  aliases: aliases.describe('Other spellings, abbreviations and plurals.'),
  definition: term.definition.describe('What the term means in general: background knowledge, not a cited claim.'),
  related: ids.describe('Ids of related terms.'),
  page: page('the term’s page'),
});

export const sourceParagraphRecord = z.strictObject({
  source: slug.describe('Id of the source document, as citations name it.'),
  n: paragraph.n.describe('Number of the paragraph in the source, from 1, in reading order.'),
  section: paragraph.section.unwrap().nullable().describe('The subheading it sits under in the source; null if none.'),
  summary: paragraph.summary.describe('What the paragraph reports, in one line of our own (never the source’s sentence).'),
  sourceTitle: source.title.describe('Our title for the source document.'),
  sourceDate: day.describe('Publication date of the source document.'),
  page: page('the paragraph on its source page'),
});

/** The datasets, in the order the Data page lists them. `file` names the downloads: <file>.json, .csv, .schema.json. */
export const OPEN_DATASETS = {
  actors: { file: 'actors', title: 'Actors', description: 'Every state, group of states, person and organisation in the briefing.', record: actorRecord },
  issues: { file: 'issues', title: 'Issues', description: 'The questions on the table.', record: issueRecord },
  positions: {
    file: 'positions', title: 'Positions',
    description: 'Each actor’s stance on each issue, with its history: replaced positions stay, marked as not current.',
    record: positionRecord,
  },
  events: { file: 'events', title: 'Events', description: 'The timeline, dated as precisely as the report allows.', record: eventRecord },
  relations: { file: 'relations', title: 'Relations', description: 'How one actor stands to another, as the actor map draws it.', record: relationRecord },
  glossary: { file: 'glossary', title: 'Glossary terms', description: 'The terms a reader meets, with short general definitions.', record: termRecord },
  sourceParagraphs: {
    file: 'source-paragraphs', title: 'Source paragraphs',
    description: 'One row per numbered paragraph of each source: our one-line summary of what it reports.',
    record: sourceParagraphRecord,
  },
} as const;

export type DatasetName = keyof typeof OPEN_DATASETS;
export const DATASET_NAMES = Object.keys(OPEN_DATASETS) as DatasetName[];
export type DatasetRecord<N extends DatasetName> = z.output<(typeof OPEN_DATASETS)[N]['record']>;

export function isDatasetName(value: unknown): value is DatasetName {
  return typeof value === 'string' && Object.hasOwn(OPEN_DATASETS, value);
}

/** The licence every download carries. */
export const licenceRecord = z.strictObject({
  id: z.string().describe('SPDX identifier of the licence.'),
  name: z.string().describe('Name of the licence.'),
  url: z.url().describe('Where the licence is published.'),
  attribution: z.string().describe('How to credit the data.'),
});

/** A JSON download: what it is, under which licence, as of when, built when, and its records. */
export function openDataFileSchema<N extends DatasetName>(name: N) {
  const spec = OPEN_DATASETS[name];
  return z
    .strictObject({
      dataset: z.literal(spec.file).describe('Which dataset this is.'),
      licence: licenceRecord.describe('The licence the records are published under.'),
      asOf: day.describe('The briefing’s "as of" date: the date of its latest source.'),
      built: z.iso.datetime().describe('When this file was built (UTC): the date of the commit it was built from.'),
      records: z.array(spec.record).describe(spec.description),
    })
    .meta({ title: `${spec.title}: Muscat talks briefing open data`, description: spec.description });
}

/** A JSON download as its schema parses it, with the records of its own dataset. */
export interface OpenDataFile<N extends DatasetName> {
  dataset: string;
  licence: z.output<typeof licenceRecord>;
  asOf: string;
  built: string;
  records: DatasetRecord<N>[];
}
