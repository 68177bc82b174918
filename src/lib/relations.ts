/**
 * Relations between actors, read from actor frontmatter (`relations:`), as one flat list the map, the actor index and
 * each actor's page share: who, what, whom, in which words, on which paragraphs.
 */
import { RELATIONS, type RelationKind } from '../schemas/relation.ts';
import type { CitationData } from './citations.ts';

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
