/**
 * The error our remark plugins throw for a content mistake: "file:line: message", with the same place attached as
 * `loc` (and line/column), so Astro's error overlay and build output point at the line the message names.
 */
interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}

export function contentError(path: string | undefined, node: Positioned, message: string): Error {
  const file = path ?? '(unknown file)';
  const line = node.position?.start.line;
  const column = node.position?.start.column ?? 1;
  const error = new Error(`${file}:${line ?? '?'}: ${message}`) as Error & { loc?: object; line?: number; column?: number };
  if (line !== undefined) Object.assign(error, { loc: { file, line, column }, line, column });
  return error;
}
