/**
 * Relations between actors, read from actor frontmatter (`relations:`), as one flat list the map, the actor index and
 * each actor's page share: who, what, whom, in which words, on which paragraphs.
 */
import { RELATIONS, type RelationKind } from '../../schemas/relation.ts';
import type { CitationData } from '../../schemas/citations.ts';

interface ActorLike {
  id: string;
  data: {
    relations: readonly { kind: RelationKind; with: { id: string }; label?: string | undefined; citations: readonly CitationData[] }[];
  };
}

export interface Relation {
  from: string;
  to: string;
  kind: RelationKind;
  /** The words to show between the two names: the entry's own label, or the vocabulary's. */
  label: string;
  mutual: boolean;
  citations: readonly CitationData[];
}

/** Words a content label may start with that make it a verb phrase already: it is then used as it is. */
const VERB_START = /^(is|are|was|were|has|have|had|does|do|did|can|will|mediates|negotiates|sees|hosts|backs|supports|opposes|threatens|warns)\b/i;
/** Words a content label may start with that need only "is" before them ("in indirect talks with", "the son-in-law of"). */
const NO_ARTICLE = /^(in|at|on|with|under|against|between|among|part|the|a|an|one|its|their|his|her)\b/i;

/**
 * The words between the two names that make a sentence of a relation: the kind's verb, or the entry's own label made
 * one ("key ally of" → "is a key ally of"; "in indirect talks with" → "is in indirect talks with"). `many`: the
 * subject is a group of states, which takes the plural verb.
 */
export function relationVerb(r: Pick<Relation, 'kind' | 'label'>, many = false): string {
  const own = r.label !== RELATIONS[r.kind].label ? r.label : undefined;
  if (own === undefined) return RELATIONS[r.kind].verb[many ? 1 : 0];
  if (VERB_START.test(own)) return own;
  if (many) return `are ${own}`;
  return NO_ARTICLE.test(own) ? `is ${own}` : `is ${/^[aeiou]/i.test(own) ? 'an' : 'a'} ${own}`;
}

/** A relation as a sentence: "Israel sees a threat in Iran." (names as given; `many` as for relationVerb). */
export function relationSentence(r: Pick<Relation, 'kind' | 'label'>, from: string, to: string, many = false): string {
  return `${from} ${relationVerb(r, many)} ${to}.`;
}

export function listRelations(actors: readonly ActorLike[]): Relation[] {
  return actors.flatMap((a) =>
    a.data.relations.map((r) => ({
      from: a.id,
      to: r.with.id,
      kind: r.kind,
      label: r.label ?? RELATIONS[r.kind].label,
      mutual: RELATIONS[r.kind].mutual,
      citations: r.citations,
    })),
  );
}
