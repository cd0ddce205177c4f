// Minimal text edits on one file: insertions and small replacements at node boundaries, applied
// in one pass, so the rest of the file (formatting, comments, line endings) stays byte for byte
// what the person wrote. Several edits can meet at one position (`await mapConcurrent(` before a
// receiver that gets its own `(await `): openings of the outer node go first, closings of the
// inner node go first.

export interface TextEdit {
  start: number;
  /** Equal to `start` for an insertion. */
  end: number;
  text: string;
  /** `open` starts a node's wrapping, `close` ends it, `replace` swaps text. */
  kind: 'open' | 'close' | 'replace';
  /** The length of the node the edit wraps: decides the order of edits at one position. */
  span: number;
  /** Tie-break among edits of one node (lower first for openings, higher first for closings). */
  rank?: number;
}

const KIND_ORDER = { close: 0, open: 1, replace: 2 };

/** Applies the edits to `text`; throws if two replacements overlap (a bug in the planner). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) =>
      a.start - b.start ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.kind === 'close' ? a.span - b.span : b.span - a.span) ||
      (a.kind === 'close' ? (b.rank ?? 0) - (a.rank ?? 0) : (a.rank ?? 0) - (b.rank ?? 0)),
  );
  let output = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    output += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}
