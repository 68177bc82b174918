// The content faults the validator must refuse, each with the one message it must give: the file, the field and the
// fix. Used in-process by faults.test.ts, and one of them end to end (a real `npm run build`) by rebuild.test.ts.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ContentFault {
  name: string;
  /** The file the fault is injected into, relative to the project root. */
  file: string;
  change: (text: string) => string;
  /** The one problem expected, naming the file as the build does (relative to the project root). */
  message: RegExp;
  /**
   * For faults that are not an edit (a symbolic link, an image file): makes them in the project copy at `root`,
   * instead of `change`. `outside/` beside content/ stands for any folder outside it.
   */
  setup?: (root: string) => void;
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, to);
  assert.notEqual(next, text, `the fault was not injected: ${from}`);
  return next;
};

const fault = (name: string, file: string, change: (t: string) => string, message: RegExp): ContentFault => ({ name, file, change, message });

/** A fault made by `setup` rather than by an edit; `file` is the file the message names. */
const made = (name: string, file: string, setup: (root: string) => void, message: RegExp): ContentFault =>
  ({ name, file, change: (t) => t, message, setup });

const outsideYaml = (root: string) => {
  mkdirSync(join(root, 'outside'), { recursive: true });
  const target = join(root, 'outside', 'secret.yaml');
  writeFileSync(target, readFileSync(join(root, 'content/positions/iran--talks-scope.yaml')));
  return target;
};

export const FAULTS: ContentFault[] = [
  fault('malformed frontmatter (YAML syntax)', 'content/actors/iran.mdx', replace(/^name: .*$/m, 'name: "Iran'),
    /content\/actors\/iran\.mdx:\d+: the frontmatter is not valid YAML \(.+\)\. Fix: correct the YAML syntax/),
  fault('a missing required field', 'content/actors/oman.mdx', replace(/^role: .*\n/m, ''),
    /content\/actors\/oman\.mdx: field "role": is missing\. Fix: add role: \(string\); see src\/schemas\/actor\.ts\./),
  fault('an unknown actor reference', 'content/positions/iran--talks-scope.yaml', replace(/^actor: .*$/m, 'actor: atlantis'),
    /content\/positions\/iran--talks-scope\.yaml: field "actor" refers to actors "atlantis", which does not exist\. Use the file name/),
  fault('an unknown issue reference', 'content/positions/iran--talks-scope.yaml', replace(/^issue: .*$/m, 'issue: weather'),
    /content\/positions\/iran--talks-scope\.yaml: field "issue" refers to issues "weather", which does not exist/),
  fault('an unknown glossary term reference', 'content/glossary/jcpoa.mdx', replace(/^related:.*$/m, 'related: [no-such-term]'),
    /content\/glossary\/jcpoa\.mdx: field "related\[0\]" refers to glossary "no-such-term", which does not exist/),
  fault('an unknown source reference', 'content/positions/iran--talks-scope.yaml', replace(/muscat-2026-02-06/, 'some-other-paper'),
    /content\/positions\/iran--talks-scope\.yaml: field "citations\[0\]" cites source "some-other-paper", which does not exist\. Known sources: muscat-2026-02-06\./),
  fault('a citation to paragraph 99', 'content/positions/iran--talks-scope.yaml', replace(/paragraphs: \[[^\]]*\]/, 'paragraphs: [99]'),
    /content\/positions\/iran--talks-scope\.yaml: field "citations\[0\]" cites paragraph 99 of "muscat-2026-02-06", which has paragraphs 1–13\. Cite an existing paragraph\./),
  fault('a <Cite> to paragraph 99 in an MDX body', 'content/briefing/overview.mdx', replace(/<Cite p="[^"]*" \/>/, '<Cite p="99" />'),
    /content\/briefing\/overview\.mdx:\d+: <Cite p="99"> cites paragraph 99, but source "muscat-2026-02-06" has paragraphs 1–13\. Cite an existing paragraph\./),
  fault('two entries with the same slug', 'content/actors/oman.mdx', replace(/^---\n/, '---\nslug: iran\n'),
    /content\/actors\/oman\.mdx: its id "iran" is already used by content\/actors\/iran\.mdx\. Fix: rename one of the files/),
  fault('two entries with the same alias', 'content/actors/oman.mdx', replace(/^aliases:.*$/m, 'aliases: ["Tehran"]'),
    /The alias "tehran" is claimed by content\/actors\/iran\.mdx and content\/actors\/oman\.mdx\. Remove it from the aliases of one of them/),
  fault('an invalid date', 'content/sources/muscat-2026-02-06.yaml', replace(/^date: .*$/m, 'date: 2026-02-30'),
    /content\/sources\/muscat-2026-02-06\.yaml: field "date": "2026-02-30" is not a real calendar date; write it as YYYY-MM-DD\./),
  fault('an invalid event date', 'content/events/rubio-statement.yaml', replace(/on: ["']?2026-02-04["']?/, 'on: "2026-13-04"'),
    /content\/events\/rubio-statement\.yaml: field "date\.on": "2026-13-04" is not a real calendar date; write it as YYYY, YYYY-MM or YYYY-MM-DD\./),
  fault('an MDX syntax error', 'content/briefing/what-to-watch.mdx', replace(/\n\n/, '\n\nA stray <div> opens here.\n\n'),
    /content\/briefing\/what-to-watch\.mdx:\d+: the MDX body cannot be read \(.+\)\. Fix: correct the markup/),
  fault('a stance outside the vocabulary', 'content/positions/iran--talks-scope.yaml', replace(/^stance: .*$/m, 'stance: maybe'),
    /content\/positions\/iran--talks-scope\.yaml: field "stance": is "maybe"\. Fix: use one of demands, rejects, open-to, conditional, warns, urges, concerned, criticises, defends\./),
  fault('a relation to an unknown actor', 'content/actors/russia.mdx', replace(/with: iran/, 'with: atlantis'),
    /content\/actors\/russia\.mdx: field "relations\[0\]\.with" refers to actors "atlantis", which does not exist/),
  fault('a relation outside the vocabulary', 'content/actors/russia.mdx', replace(/kind: ally-of/, 'kind: frenemy-of'),
    /content\/actors\/russia\.mdx: field "relations\.0\.kind": is "frenemy-of"\. Fix: use one of mediates-for, negotiates-with, ally-of/),
  // Strict schemas: a key no schema declares is an error, with the field it most likely means.
  fault('a misspelt optional field', 'content/positions/iran--talks-scope.yaml', replace(/^summary:/m, 'voicedby: Iranian officials\nsummary:'),
    /^content\/positions\/iran--talks-scope\.yaml: field "voicedby": is not a field this schema knows, so it would be ignored\. Fix: did you mean voicedBy\? Rename it, or remove it \(see src\/schemas\/position\.ts\)\.$/),
  fault('a misspelt supersedes', 'content/positions/iran--talks-scope.yaml', replace(/^summary:/m, 'supercedes: iran--uranium-enrichment\nsummary:'),
    /^content\/positions\/iran--talks-scope\.yaml: field "supercedes": is not a field this schema knows, so it would be ignored\. Fix: did you mean supersedes\? Rename it, or remove it/),
  fault('an unknown key in a citation', 'content/positions/iran--talks-scope.yaml', replace(/paragraphs: \[/, 'paragraph: 1, paragraphs: ['),
    /^content\/positions\/iran--talks-scope\.yaml: field "citations\.0\.paragraph": is not a field this schema knows, so it would be ignored\. Fix: did you mean paragraphs\?/),
  fault('an unknown key in a relation', 'content/actors/russia.mdx', replace(/kind: ally-of/, 'kind: ally-of\n    lable: "close partner of"'),
    /^content\/actors\/russia\.mdx: field "relations\.0\.lable": is not a field this schema knows, so it would be ignored\. Fix: did you mean label\? Rename it, or remove it \(see src\/schemas\/actor\.ts\)\.$/),
  fault('an unknown key in an event date', 'content/events/rubio-statement.yaml', replace(/precision: day/, 'precision: day\n  approximate: true'),
    /^content\/events\/rubio-statement\.yaml: field "date\.approximate": is not a field this schema knows, so it would be ignored\. Fix: remove it, or use one of the fields on, precision, derived \(see src\/schemas\/event\.ts\)\.$/),
  fault('a paragraph cited twice', 'content/positions/iran--talks-scope.yaml', replace(/paragraphs: \[[^\]]*\]/, 'paragraphs: [3, 3]'),
    /^content\/positions\/iran--talks-scope\.yaml: field "citations\.0\.paragraphs": lists paragraph 3 more than once\. Fix: list each paragraph once, e\.g\. \[3\]\.$/),
  // Invisible characters: refused before YAML or MDX reads them, with the line and the field.
  fault('a raw control character in frontmatter', 'content/actors/oman.mdx', replace(/^role: "(\w+)/m, 'role: "$1\u0007'),
    /^content\/actors\/oman\.mdx:\d+: field "role" holds the invisible control character U\+0007, which pages, the feed and the EPUB cannot carry\. Fix: delete it; if you cannot see it, retype the text around it\.$/),
  fault('a raw control character in a YAML file', 'content/positions/iran--talks-scope.yaml', replace(/^headline: (.*)$/m, 'headline: $1\u001b[31m'),
    /^content\/positions\/iran--talks-scope\.yaml:\d+: field "headline" holds the invisible control character U\+001B/),
  fault('a C1 control character in an MDX body', 'content/briefing/overview.mdx', replace(/\n\n([A-Z])/, '\n\n\u0085$1'),
    /^content\/briefing\/overview\.mdx:\d+: the text holds the invisible control character U\+0085/),
  fault('a control character written as a YAML escape', 'content/positions/iran--talks-scope.yaml', replace(/^voicedBy: .*$/m, 'voicedBy: "an official\\x00"'),
    /^content\/positions\/iran--talks-scope\.yaml: field "voicedBy" holds the invisible control character U\+0000/),
  fault('a lone surrogate written as a YAML escape', 'content/sources/muscat-2026-02-06.yaml', replace(/^dateline: (.*)$/m, 'dateline: "Muscat \\ud800"'),
    /^content\/sources\/muscat-2026-02-06\.yaml: field "dateline" holds half a character \(a lone surrogate, U\+D800\), which pages/),
  // Citations: sources looked up as own keys only, ranges checked from their ends, each attribute once.
  fault('a citation to a source named like an Object property', 'content/positions/iran--talks-scope.yaml', replace(/muscat-2026-02-06/, 'constructor'),
    /^content\/positions\/iran--talks-scope\.yaml: field "citations\[0\]" cites source "constructor", which does not exist\. Known sources: muscat-2026-02-06\.$/),
  fault('a <Cite> to a source named __proto__', 'content/briefing/overview.mdx', replace(/<Cite p="[^"]*" \/>/, '<Cite s="__proto__" p="1" />'),
    /^content\/briefing\/overview\.mdx:\d+: <Cite s="__proto__"> names an unknown source\. Known sources: muscat-2026-02-06\. Fix the s attribute or add the source to content\/sources\/\.$/),
  fault('a <Cite> range of a hundred million paragraphs', 'content/briefing/overview.mdx', replace(/<Cite p="[^"]*" \/>/, '<Cite p="1-99999999" />'),
    /^content\/briefing\/overview\.mdx:\d+: <Cite p="1-99999999"> cites paragraph 14–99999999, but source "muscat-2026-02-06" has paragraphs 1–13\. Cite an existing paragraph\.$/),
  fault('a <Cite> with p written twice', 'content/briefing/overview.mdx', replace(/<Cite p="([^"]*)" \/>/, '<Cite p="$1" p="4" />'),
    /^content\/briefing\/overview\.mdx:\d+: <Cite> has the attribute p twice, and only the last would count\. Fix: write it once, listing every paragraph, e.g\. p="3,4"\.$/),
  // Images: raster files inside content/, nothing else.
  fault('an SVG image from outside content/', 'content/briefing/overview.mdx', replace(/\n\n/, '\n\n![map](../../../outside/evil.svg)\n\n'),
    /^content\/briefing\/overview\.mdx:\d+: the image "\.\.\/\.\.\/\.\.\/outside\/evil\.svg" is not a PNG, JPEG, WebP, AVIF or GIF file \(content may not use SVG, which can carry scripts, or other formats\)\. Fix: save the image as PNG, JPEG, WebP, AVIF or GIF in content\/images\/ and link it relatively, e\.g\. !\[A map\]\(\.\.\/images\/map\.png\)\.$/),
  fault('a remote image by reference', 'content/briefing/overview.mdx', replace(/\n\n/, '\n\n![map][i]\n\n[i]: https://evil.example/ref.png\n\n'),
    /^content\/briefing\/overview\.mdx:\d+: the image "https:\/\/evil\.example\/ref\.png" comes from another host \(or is inline data\), and pages load nothing from elsewhere\. Fix: save the image/),
  fault('a missing image', 'content/briefing/overview.mdx', replace(/\n\n/, '\n\n![map](../images/map.png)\n\n'),
    /^content\/briefing\/overview\.mdx:\d+: the image "\.\.\/images\/map\.png" does not exist \(looked for content\/images\/map\.png\)\. Fix: save the image/),
  made('an image path that escapes with %2F', 'content/briefing/overview.mdx', (root) => {
    mkdirSync(join(root, 'outside'), { recursive: true });
    writeFileSync(join(root, 'outside/map.png'), Buffer.from('89504e470d0a1a0a0000000d', 'hex'));
    const file = join(root, 'content/briefing/overview.mdx');
    writeFileSync(file, replace(/\n\n/, '\n\n![map](..%2F..%2Foutside%2Fmap.png)\n\n')(readFileSync(file, 'utf8')));
  }, /^content\/briefing\/overview\.mdx:\d+: the image "\.\.%2F\.\.%2Foutside%2Fmap\.png" is outside the content folder, and content may only show images kept in it\. Fix: save the image/),
  // Files: content is read from files that are in content/, never through a link, and an editor's leftovers stop nothing.
  made('a symbolic link to a file outside content/', 'content/positions/iran--secret.yaml',
    (root) => symlinkSync(outsideYaml(root), join(root, 'content/positions/iran--secret.yaml')),
    /^content\/positions\/iran--secret\.yaml: is a symbolic link, and content is read only from files that are in content\/ itself \(.*\)\. Fix: replace the link with a copy of the file it points to, or delete it\.$/),
  made('a symbolic link that loops', 'content/actors/loop.mdx',
    (root) => symlinkSync('loop.mdx', join(root, 'content/actors/loop.mdx')),
    /^content\/actors\/loop\.mdx: is a symbolic link, .*Fix: replace the link/),
  made('a dangling symbolic link', 'content/issues/gone.mdx',
    (root) => symlinkSync('/nonexistent/gone.mdx', join(root, 'content/issues/gone.mdx')),
    /^content\/issues\/gone\.mdx: is a symbolic link, .*Fix: replace the link/),
  made('a linked folder', 'content/events/more',
    (root) => symlinkSync(join(outsideYaml(root), '..'), join(root, 'content/events/more')),
    /^content\/events\/more: is a symbolic link, .*Fix: replace the link/),
];

/**
 * Not faults: files an editor's tools leave behind that the validator passes over without reading (so the content
 * still has no problem). Emacs's lock file is a symbolic link to nowhere.
 */
export const IGNORED: { name: string; setup: (root: string) => void }[] = [
  { name: "an Emacs lock file (.#oman.mdx, a dangling link)", setup: (root) => symlinkSync('user@host.1234:1700000000', join(root, 'content/actors/.#oman.mdx')) },
  { name: 'a hidden folder with a broken file', setup: (root) => { mkdirSync(join(root, 'content/glossary/.trash')); writeFileSync(join(root, 'content/glossary/.trash/x.mdx'), '---\n: :\n'); } },
];
