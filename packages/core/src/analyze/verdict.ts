// The verdict of one export, from its hazards: blocked by any error, extractable with changes when
// a warning asks for work, extractable otherwise. Reasons group findings by code, most severe first.
import { CODES } from './codes.js';
import type { Hazard, Severity, Unknown, Verdict } from './model.js';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function where(hazard: Hazard): string {
  const at = `${hazard.location.file}:${hazard.location.line}:${hazard.location.column}`;
  if (hazard.path) return `${hazard.path} (${at})`;
  if (hazard.detail?.key) return `${String(hazard.detail.key)} (${at})`;
  if (hazard.detail?.variable) return `${String(hazard.detail.variable)} (${at})`;
  if (hazard.detail?.errorClass) return `${String(hazard.detail.errorClass)} (${at})`;
  return at;
}

/** Decides the verdict of one export. */
export function decideVerdict(hazards: readonly Hazard[], unknowns: readonly Unknown[]): Verdict {
  const worst = hazards.reduce<Severity>(
    (current, hazard) => (ORDER[hazard.severity] < ORDER[current] ? hazard.severity : current),
    'info',
  );
  const status = hazards.some(hazard => hazard.severity === 'error')
    ? 'blocked'
    : hazards.some(hazard => hazard.severity === 'warning')
      ? 'extractable-with-changes'
      : 'extractable';
  const groups = new Map<string, Hazard[]>();
  for (const hazard of hazards) {
    if (hazard.severity === 'info' && worst !== 'info') continue;
    const list = groups.get(hazard.code);
    if (list) list.push(hazard);
    else groups.set(hazard.code, [hazard]);
  }
  const reasons = [...groups.entries()]
    .sort(
      ([a, listA], [b, listB]) =>
        ORDER[(listA[0] as Hazard).severity] - ORDER[(listB[0] as Hazard).severity] || a.localeCompare(b),
    )
    .map(([code, list]) => {
      const title = CODES.find(info => info.code === code)?.title ?? code;
      // The same place twice (two findings on one parameter) is said once.
      const places = [...new Set(list.map(where))];
      const shown = places.slice(0, 3).join(', ');
      const more = places.length > 3 ? ` and ${places.length - 3} more` : '';
      return `${code} ${title}: ${shown}${more}`;
    });
  if (status === 'extractable' && reasons.length === 0)
    reasons.push('nothing in its closure, types or callers stands in the way');
  if (unknowns.length > 0)
    reasons.push(
      `not everything could be known: ${unknowns.length} gap${unknowns.length === 1 ? '' : 's'} (see unknowns)`,
    );
  return { status, reasons, complete: unknowns.length === 0 };
}
