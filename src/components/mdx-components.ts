import Cite from './Cite.astro';
import PositionMatrix from './PositionMatrix.astro';

/** The components MDX content may use without importing them. */
export const mdxComponents = { Cite, PositionMatrix };
