// The CI gate behind `--fail-on`: does the report hold a finding at least this serious?
import type { AnalysisReport } from '../analyze/model.js';

/**
 * True when some export is blocked (`blocked`), or when some export has a hazard of warning or
 * error severity (`warning`).
 */
export function hasFindingAtLeast(report: AnalysisReport, level: 'blocked' | 'warning'): boolean {
  if (level === 'blocked') return report.exports.some(analysis => analysis.verdict.status === 'blocked');
  return report.exports.some(analysis => analysis.hazards.some(hazard => hazard.severity !== 'info'));
}
