/**
 * Synthetic but schema-valid content for the scale benchmark: about `pages` pages of actors, issues, positions,
 * events, glossary terms and briefing pages, with citations into one 13-paragraph source and mentions of actors and
 * terms in prose, so the citation checks, the linker, backlinks, search and the offline edition all do real work.
 * The text is filler built from a small vocabulary; it is never published.
 *
 * The mix follows the real briefing (81 pages: 18 actors, 10 issues, 27 positions, 13 events, 13 terms, 5 briefing
 * pages), so positions spread over issues as they do there (one to six each, about three on average), not onto a few.
 * `busyIssue` is the stress case: that many extra positions all on one issue, to show no page grows with it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE } from '../src/site.ts';
import { STANCE_KEYS } from '../src/schemas/stance.ts';

const WORDS = ['talks', 'envoy', 'agenda', 'pressure', 'relief', 'stockpile', 'mediator', 'deterrent', 'region', 'sanctions',
  'delegation', 'proposal', 'warning', 'deadline', 'inspection', 'facility', 'shuttle', 'channel', 'allies', 'restraint'];

/** A deterministic filler sentence (same seed, same text), so two runs build the same site. */
function sentence(seed: number, length = 14): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}`;
}

const cite = (seed: number) => `{ source: ${SITE.defaultSource}, paragraphs: [${(seed % 13) + 1}] }`;
const yamlList = (xs: string[]) => `[${xs.join(', ')}]`;

export interface GeneratedCounts {
  actors: number;
  issues: number;
  positions: number;
  events: number;
  glossary: number;
  briefing: number;
}

export interface GenerateOptions {
  /** Extra positions, all on issue 0 (the stress case). */
  busyIssue?: number;
}

export function generateContent(dir: string, pages: number, options: GenerateOptions = {}): GeneratedCounts {
  rmSync(dir, { recursive: true, force: true });
  const busy = options.busyIssue ?? 0;
  const n = {
    actors: Math.max(4, Math.round(pages * 0.22)),
    issues: Math.max(2, Math.round(pages * 0.12)),
    positions: Math.round(pages * 0.33) + busy,
    events: Math.round(pages * 0.16),
    glossary: Math.max(1, Math.round(pages * 0.16)),
    briefing: Math.max(1, Math.round(pages * 0.06)),
  };
  for (const folder of ['actors', 'issues', 'positions', 'events', 'glossary', 'briefing', 'sources']) mkdirSync(join(dir, folder), { recursive: true });
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);

  write(`sources/${SITE.defaultSource}.yaml`, [
    'title: Synthetic source for the scale benchmark', 'kind: news-article', 'dateline: Muscat', 'date: 2026-02-06',
    'outlet: null', 'headline: null', 'provenanceNote: Generated filler; never published.', 'paragraphs:',
    ...Array.from({ length: 13 }, (_, i) => `  - { n: ${i + 1}, summary: "${sentence(i, 8)}." }`),
  ].join('\n'));

  const actorName = (i: number) => `Actor${i} Person`;
  const termName = (i: number) => `Term${i} concept`;
  for (let i = 0; i < n.actors; i++) {
    write(`actors/actor-${i}.mdx`, [
      '---', `name: ${actorName(i)}`, 'kind: person', `aliases: [Alias${i}]`, ...(i > 0 ? [`affiliation: actor-${i % Math.min(i, 10)}`] : []),
      `role: Synthetic role number ${i}`, `summary: ${sentence(i)} about ${actorName((i + 1) % n.actors)} and ${termName(i % n.glossary)}.`,
      `citations: [${cite(i)}]`,
      // Every fifth actor has a relation, so the actor map has lines to draw at every size.
      ...(i % 5 === 4 ? [`relations: [{ kind: ally-of, with: actor-${(i * 3) % n.actors}, citations: [${cite(i)}] }]`] : []),
      `order: ${i}`, '---', '',
      `${sentence(i + 1)} with ${actorName((i + 2) % n.actors)} and ${termName((i + 3) % n.glossary)}<Cite p="${(i % 13) + 1}" />.`, '',
    ].join('\n'));
  }
  for (let i = 0; i < n.issues; i++) {
    write(`issues/issue-${i}.mdx`, [
      '---', `title: Issue number ${i}`, `shortTitle: Issue ${i}`, `summary: ${sentence(i + 5)} on Term${i % n.glossary} concept.`,
      `citations: [${cite(i)}]`, `order: ${i}`, '---', '', `${sentence(i + 2)} and ${actorName(i % n.actors)}<Cite p="${(i % 13) + 1}" />.`, '',
    ].join('\n'));
  }
  for (let i = 0; i < n.positions; i++) {
    const actor = i % n.actors;
    // Spread like the real briefing: a deterministic scatter over the issues, each getting a few; the busy issue's
    // extra positions come last.
    const issue = i >= n.positions - busy ? 0 : (i * 7 + Math.floor(i / n.issues)) % n.issues;
    write(`positions/actor-${actor}--issue-${issue}--${i}.yaml`, [
      `actor: actor-${actor}`, `issue: issue-${issue}`, `stance: ${STANCE_KEYS[i % STANCE_KEYS.length]}`, `headline: Synthetic stance ${i}`,
      `summary: ${sentence(i + 3)} says ${actorName(actor)} about ${termName(i % n.glossary)}.`, `citations: [${cite(i)}]`,
      // The busy issue's extras give actors several stances on one issue, which must each say what sets it apart.
      ...(busy && issue === 0 ? [`aspect: stance number ${i}`] : []),
    ].join('\n'));
  }
  for (let i = 0; i < n.events; i++) {
    const year = 2000 + (i % 26);
    write(`events/event-${i}.yaml`, [
      `title: Synthetic event ${i}`, `date: ${i % 5 === 0 ? 'null' : `{ on: "${year}", precision: year }`}`, ...(i % 5 === 0 ? ['when: undated'] : []),
      `order: ${i}`, `summary: ${sentence(i + 7)} involving ${actorName(i % n.actors)}.`, `actors: ${yamlList([`actor-${i % n.actors}`])}`,
      `issues: ${yamlList([`issue-${i % n.issues}`])}`, `citations: [${cite(i)}]`,
    ].join('\n'));
  }
  for (let i = 0; i < n.glossary; i++) {
    write(`glossary/term-${i}.mdx`, [
      '---', `term: ${termName(i)}`, `aliases: [T${i}X]`, `definition: A synthetic definition of term ${i} for the benchmark.`,
      ...(i > 0 ? [`related: [term-${i - 1}]`] : []), '---', '', '## In these talks', '',
      `${sentence(i + 9)} and ${actorName(i % n.actors)}<Cite p="${(i % 13) + 1}" />.`, '',
    ].join('\n'));
  }
  for (let i = 0; i < n.briefing; i++) {
    const body = Array.from({ length: 6 }, (_, k) =>
      `## Section ${k}\n\n${sentence(i + k)} as ${actorName((i * 6 + k) % n.actors)} and ${termName((i * 6 + k) % n.glossary)} put it<Cite p="${((i + k) % 13) + 1}" />.`);
    write(`briefing/${i === 0 ? 'overview' : `page-${i}`}.mdx`, [
      '---', `title: Synthetic briefing ${i}`, `navTitle: Briefing ${i}`, `description: A synthetic briefing page ${i} for the benchmark.`,
      `order: ${i}`, '---', '', ...body, ...(i === 0 ? ['', '<PositionMatrix />'] : []), '',
    ].join('\n'));
  }
  return n;
}
