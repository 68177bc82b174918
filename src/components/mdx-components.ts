import Cite from './Cite.astro';
import PositionMatrix from './PositionMatrix.astro';
import WhatEachSideWants from './WhatEachSideWants.astro';
import type { MDX_COMPONENTS } from '../plugins/remark-mdx-guard.ts';

/** The components MDX content may use without importing them; remark-mdx-guard refuses any other. */
export const mdxComponents = { Cite, PositionMatrix, WhatEachSideWants } satisfies Record<(typeof MDX_COMPONENTS)[number], unknown>;
