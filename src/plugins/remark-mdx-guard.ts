/**
 * remark-mdx-guard: MDX content is data, not code. Refuses, at compile time and in the validator, everything in an
 * MDX body that would run at build time or pull in something from outside:
 *
 *   export const x = …      import …            {1 + 1}           <script>…</script>       <div {...props}>
 *   [click](javascript:…)    ![](https://other.example/x.png)
 *
 * Allowed: Markdown, the components in MDX_COMPONENTS with plain attribute values (p="3", p={3}), links to pages,
 * anchors, http(s) and mailto, and images from the site itself. Each refusal names the file, the line and the fix.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { contentError } from './content-error.ts';

/** The components MDX content may use (src/components/mdx-components.ts provides them). */
export const MDX_COMPONENTS = ['Cite', 'PositionMatrix'] as const;

const ALLOWED = new Set<string>(MDX_COMPONENTS);
/** A literal attribute expression: a number or a quoted string. */
const LITERAL = /^\s*(?:-?\d+(?:\.\d+)?|"[^"]*"|'[^']*')\s*$/;
/** Link targets a reader can follow safely: relative, anchors, http(s), mailto. */
const SAFE_LINK = /^(?:[#/?.]|https?:\/\/|mailto:|(?![a-z][a-z0-9+.-]*:))/i;

export default function remarkMdxGuard() {
  return (tree: Root, file: VFile) => {
    const fail = (node: Parameters<typeof contentError>[1], message: string): never => {
      throw contentError(file.path, node, message);
    };
    visit(tree, (node) => {
      switch (node.type) {
        case 'mdxjsEsm':
          return fail(node, 'import and export run code at build time, and content may not run code. Fix: remove the line; use the components <Cite> and <PositionMatrix>, which need no import.');
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          return fail(node, `{${node.value.trim().slice(0, 40)}} is code, and content may not run code. Fix: write the text itself, or escape the brace as \\{.`);
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const el = node as MdxJsxFlowElement | MdxJsxTextElement;
          if (!el.name || !ALLOWED.has(el.name))
            return fail(el, `<${el.name ?? ''}> is not allowed in content: MDX here may use only ${MDX_COMPONENTS.map((c) => `<${c}>`).join(' and ')}. Fix: remove it, or write it in Markdown.`);
          for (const attr of el.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
            if (attr.type === 'mdxJsxExpressionAttribute') return fail(el, `<${el.name} {…}> spreads code into a component. Fix: write each attribute as name="value".`);
            const value = attr.value as string | MdxJsxAttributeValueExpression | null | undefined;
            if (value && typeof value === 'object' && !LITERAL.test(value.value))
              return fail(el, `<${el.name} ${attr.name}={${value.value.slice(0, 40)}}> is code. Fix: write a plain value, e.g. ${attr.name}="3".`);
          }
          return undefined;
        }
        case 'link':
        case 'definition':
          if (!SAFE_LINK.test(node.url.trim()))
            return fail(node, `the link to "${node.url.slice(0, 60)}" is not a page, an anchor, an http(s) or a mailto address. Fix: link to a page of the briefing or an http(s) address.`);
          return undefined;
        case 'image':
          if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(node.url.trim()))
            return fail(node, `the image "${node.url.slice(0, 60)}" comes from another host (or is inline data), and pages load nothing from elsewhere. Fix: put the image in public/ and link it by its path.`);
          return undefined;
        default:
          return undefined;
      }
    });
  };
}
