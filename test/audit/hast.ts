/** HTML to a hast tree, with rehype-parse (the parser the site's own rehype plugins use). */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Root } from 'hast';

const parser = unified().use(rehypeParse);
export const fromHtml = (html: string): Root => parser.parse(html) as Root;
