/**
 * Time in the briefing: when each entry was last backed by a source, which positions later sources replaced, and the
 * updates a reader can follow (one per source date). Pure: the content graph calls it with its records.
 *
 *   timeline(records, sources, positions)
 *   → { asOfEntry('positions/iran--sanctions-relief') → Date, history('iran--x') → [older, …, current],
 *       updates: [{ date, sources, added, changed, revised }, …] (oldest first) }
 *
 * An entry's date is the latest date of the sources it cites; it was added on the earliest. A position that names
 * another in `supersedes` replaces it from its own date on: the older record stays (its page says what replaced it),
 * and the matrix, issue and actor pages show the newest.
 */
import type { Citation } from '../../schemas/citations.ts';

/** What the timeline needs of an entry: its key ("positions/iran--x") and every citation it makes. */
export interface DatedRecord {
  collection: string;
  id: string;
  filePath?: string | undefined;
  citations: readonly Citation[];
}

export interface DatedSource {
  id: string;
  date: Date;
}

export interface SupersedingPosition {
  id: string;
  filePath?: string | undefined;
  actor: string;
  issue: string;
  stance: string;
  /** The id of the position this one replaces. */
  supersedes?: string | undefined;
}

/** One stance change: `position` replaced `previous` on `date`. */
export interface StanceChange {
  position: string;
  previous: string;
  from: string;
  to: string;
}

/** One update of the briefing: everything the sources of one date brought. */
export interface Update {
  /** The sources' date (UTC midnight). */
  date: Date;
  /** The sources published that day, by id. */
  sources: string[];
  /** Entries first cited on this date ("collection/id"), in record order. */
  added: string[];
  /** Positions that replaced an older one on this date. */
  changed: StanceChange[];
  /** Entries cited before that also cite this date's sources (and are not in `changed`). */
  revised: string[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function timeline(records: readonly DatedRecord[], sources: readonly DatedSource[], positions: readonly SupersedingPosition[]) {
  const sourceDate = new Map(sources.map((s) => [s.id, s.date]));
  const datesOf = (r: DatedRecord) =>
    [...new Set(r.citations.map((c) => sourceDate.get(c.source)).filter((d): d is Date => !!d).map((d) => d.getTime()))].sort((a, b) => a - b);
  const span = new Map<string, { first: number; last: number }>();
  for (const r of records) {
    const dates = datesOf(r);
    if (dates.length) span.set(`${r.collection}/${r.id}`, { first: dates[0]!, last: dates.at(-1)! });
  }

  const byId = new Map(positions.map((p) => [p.id, p]));
  const supersededBy = new Map<string, string>();
  for (const p of positions) if (p.supersedes && byId.has(p.supersedes)) supersededBy.set(p.supersedes, p.id);

  /** The problems an editor can make with `supersedes`, each naming the file, the field and the fix. */
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const p of positions) {
    if (!p.supersedes) continue;
    const file = p.filePath ?? `positions/${p.id}`;
    const old = byId.get(p.supersedes);
    if (!old) continue; // A reference to nothing is reported by the integrity check, with the same field.
    if (old.id === p.id) {
      problems.push(`${file}: field "supersedes" names the position itself. Fix: name the older position this one replaces, or remove the field.`);
      continue;
    }
    if (old.actor !== p.actor || old.issue !== p.issue)
      problems.push(`${file}: field "supersedes" names ${old.id}, which is ${old.actor} on ${old.issue}, not ${p.actor} on ${p.issue}. ` +
        'Fix: a position can only replace the same actor\'s position on the same issue.');
    const other = claimed.get(old.id);
    if (other) problems.push(`${file}: field "supersedes" names ${old.id}, which ${other} already replaces. Fix: replace the newest position in the chain (${other}).`);
    else claimed.set(old.id, p.id);
    const mine = span.get(`positions/${p.id}`);
    const theirs = span.get(`positions/${old.id}`);
    if (mine && theirs && mine.last <= theirs.last)
      problems.push(`${file}: field "supersedes" names ${old.id}, but this position's latest source (${day(new Date(mine.last))}) is not later than that one's (${day(new Date(theirs.last))}). ` +
        'Fix: cite the later source that reports the change, or remove the field.');
  }
  // Loops (a replaces b replaces a) would make history endless.
  for (const start of positions) {
    const seen = new Set<string>();
    for (let at: string | undefined = start.id; at; at = byId.get(at)?.supersedes) {
      if (seen.has(at)) {
        if (at === start.id && [...seen].sort()[0] === start.id && start.supersedes !== start.id)
          problems.push(`${start.filePath ?? `positions/${start.id}`}: field "supersedes" makes a loop: ${[...seen, at].join(' → ')}. Fix: the oldest position in a chain supersedes nothing.`);
        break;
      }
      seen.add(at);
    }
  }

  /** The latest source date an entry cites ("positions/iran--x"); undefined for entries that cite nothing. */
  const asOfEntry = (key: string): Date | undefined => {
    const s = span.get(key);
    return s ? new Date(s.last) : undefined;
  };
  /** A position's history, oldest first, ending with the position itself or the newest record that replaced it. */
  const history = (id: string): string[] => {
    let oldest = id;
    const guard = new Set<string>([id]);
    for (let prev = byId.get(oldest)?.supersedes; prev && byId.has(prev) && !guard.has(prev); prev = byId.get(oldest)?.supersedes) {
      guard.add(prev);
      oldest = prev;
    }
    const chain = [oldest];
    for (let next = supersededBy.get(oldest); next && !chain.includes(next); next = supersededBy.get(next)) chain.push(next);
    return chain;
  };
  /** Is this position the current one (nothing later replaces it)? */
  const isCurrent = (id: string) => !supersededBy.has(id);

  const dates = [...new Set(sources.map((s) => s.date.getTime()))].sort((a, b) => a - b);
  const updates: Update[] = dates.map((t) => {
    const added: string[] = [];
    const revised: string[] = [];
    const changed: StanceChange[] = [];
    for (const p of positions) {
      const s = span.get(`positions/${p.id}`);
      const old = p.supersedes ? byId.get(p.supersedes) : undefined;
      if (old && s?.last === t) changed.push({ position: p.id, previous: old.id, from: old.stance, to: p.stance });
    }
    const changedKeys = new Set(changed.map((c) => `positions/${c.position}`));
    for (const r of records) {
      const key = `${r.collection}/${r.id}`;
      const s = span.get(key);
      if (!s || changedKeys.has(key)) continue;
      if (s.first === t) added.push(key);
      else if (datesOf(r).includes(t)) revised.push(key);
    }
    return { date: new Date(t), sources: sources.filter((s) => s.date.getTime() === t).map((s) => s.id), added, changed, revised };
  });

  return { asOfEntry, history, isCurrent, supersededBy: (id: string) => supersededBy.get(id), updates, problems };
}

export type Timeline = ReturnType<typeof timeline>;
