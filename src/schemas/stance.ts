/**
 * The closed vocabulary of stances an actor can take on an issue.
 * Each has a label for readers and a short symbol so the matrix never relies on colour alone.
 */
export const STANCES = {
  demands: { label: 'Demands', symbol: '!', description: 'Insists on it as a condition or goal.' },
  rejects: { label: 'Rejects', symbol: '✕', description: 'Refuses it outright.' },
  'open-to': { label: 'Open to', symbol: '○', description: 'Signals it could accept or consider it.' },
  conditional: { label: 'Conditional', symbol: '⇄', description: 'Could consider it in return for something; not a commitment.' },
  warns: { label: 'Warns', symbol: '⚠', description: 'Threatens or cautions about consequences.' },
  urges: { label: 'Urges', symbol: '→', description: 'Calls on others to act.' },
  concerned: { label: 'Concerned', symbol: '?', description: 'Voices worry without a demand.' },
  criticises: { label: 'Criticises', symbol: '−', description: 'Publicly condemns what another side did.' },
  defends: { label: 'Defends', symbol: '■', description: 'Justifies its own course of action.' },
} as const;

export type Stance = keyof typeof STANCES;
export const STANCE_KEYS = Object.keys(STANCES) as [Stance, ...Stance[]];

/** Type guard for values read from outside the schema (URLs, tests). */
export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && Object.hasOwn(STANCES, value);
}
