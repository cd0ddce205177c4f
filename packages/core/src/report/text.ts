// The readable terminal report of an analysis: per export, the verdict first, then the closure,
// hazards, async ripple, chattiness and what could not be known. Pure: report in, text out;
// colour only when asked (the CLI asks on a TTY).
import type {
  AnalysisReport,
  ExportAnalysis,
  Hazard,
  Location,
  RippleCallSite,
  Severity,
  VerdictStatus,
} from '../analyze/model.js';

export interface FormatOptions {
  /** ANSI colours. */
  color?: boolean;
  /** List every closure declaration, hazard and call site (default: long lists are cut). */
  verbose?: boolean;
}

type Paint = (text: string) => string;

/** Without --verbose: hazards shown per code, and entries shown per list (call sites, unknowns…). */
const HAZARDS_PER_CODE = 5;
const LIST_LIMIT = 15;

function palette(color: boolean): Record<'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan', Paint> {
  const wrap =
    (open: number, close: number): Paint =>
    text =>
      color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

const VERDICT_TEXT: Record<VerdictStatus, string> = {
  extractable: 'extractable',
  'extractable-with-changes': 'extractable with changes',
  blocked: 'blocked',
};

const SEVERITY_MARK: Record<Severity, string> = { error: 'error', warning: 'warn ', info: 'info ' };

function at(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Formats the whole report for a terminal (or a log, without colour). */
export function formatReport(report: AnalysisReport, options: FormatOptions = {}): string {
  const p = palette(options.color ?? false);
  const lines: string[] = [];
  const library = report.library;
  lines.push(
    `${p.bold('faultline analyze')} ${library.name}${library.version ? `@${library.version}` : ''} ${p.dim(`(${library.root}, ${plural(library.files, 'file')}, ${library.language}, entry ${library.entries.join(', ')})`)}`,
  );
  lines.push(
    report.consumers.length > 0
      ? `consumers: ${report.consumers.map(consumer => `${consumer.name} ${p.dim(`(${consumer.root}, ${plural(consumer.files, 'file')})`)}`).join(', ')}`
      : p.dim(
          'consumers: none found (no workspace of the monorepo imports the library); the async ripple and chattiness cover the library only',
        ),
  );
  if (report.problems.length > 0) {
    lines.push('', p.bold('input problems') + p.dim(' (the analysis went on where it could)'));
    for (const problem of report.problems)
      lines.push(
        `  ${p.dim(problem.code)} ${problem.location ? `${at(problem.location)} ` : ''}${problem.message}`,
      );
  }
  for (const analysis of report.exports)
    lines.push('', ...formatExport(analysis, p, options.verbose ?? false));
  const summary = report.summary;
  lines.push(
    '',
    `${plural(report.exports.length, 'export')}: ${p.green(`${summary.extractable} extractable`)}, ${p.yellow(`${summary['extractable-with-changes']} extractable with changes`)}, ${p.red(`${summary.blocked} blocked`)}`,
  );
  return `${lines.join('\n')}\n`;
}

function verdictPaint(status: VerdictStatus, p: ReturnType<typeof palette>): Paint {
  return status === 'blocked' ? p.red : status === 'extractable' ? p.green : p.yellow;
}

function severityPaint(severity: Severity, p: ReturnType<typeof palette>): Paint {
  return severity === 'error' ? p.red : severity === 'warning' ? p.yellow : p.cyan;
}

function formatExport(analysis: ExportAnalysis, p: ReturnType<typeof palette>, verbose: boolean): string[] {
  const lines: string[] = [];
  const paint = verdictPaint(analysis.verdict.status, p);
  const alias =
    analysis.declaration.name !== analysis.name ? ` (declared as ${analysis.declaration.name})` : '';
  lines.push(
    `${p.bold(analysis.name)}${alias} ${p.dim(analysis.kind)}${analysis.signature ? ` ${p.dim(analysis.signature)}` : ''}`,
  );
  lines.push(
    `  verdict: ${paint(p.bold(VERDICT_TEXT[analysis.verdict.status]))}${analysis.verdict.complete ? '' : p.dim(' (incomplete: see unknowns)')}`,
  );
  for (const reason of analysis.verdict.reasons) lines.push(`    - ${reason}`);
  for (const overload of analysis.overloads ?? [])
    lines.push(
      `    overload[${overload.index}] ${p.dim(overload.signature)}: ${verdictPaint(overload.verdict.status, p)(VERDICT_TEXT[overload.verdict.status])} ${p.dim(`(${plural(overload.callSites, 'call site')})`)}`,
    );
  lines.push(`  declared at ${at(analysis.declaration.location)}`);

  // Closure.
  const closure = analysis.closure;
  const runtime = closure.declarations.filter(declaration => !declaration.typeOnly).length;
  lines.push(
    `  ${p.bold('closure')}: ${plural(closure.declarations.length, 'declaration')} (${runtime} runtime) in ${plural(closure.files.length, 'file')}`,
  );
  const byFile = new Map<string, string[]>();
  for (const declaration of closure.declarations) {
    const list = byFile.get(declaration.location.file) ?? [];
    list.push(`${declaration.name}${p.dim(`:${declaration.kind}`)}`);
    byFile.set(declaration.location.file, list);
  }
  const fileEntries = [...byFile.entries()];
  for (const [file, names] of verbose ? fileEntries : fileEntries.slice(0, 12)) {
    const shown =
      verbose || names.length <= 8 ? names : [...names.slice(0, 8), p.dim(`… ${names.length - 8} more`)];
    lines.push(`    ${file}: ${shown.join(', ')}`);
  }
  if (!verbose && fileEntries.length > 12)
    lines.push(p.dim(`    … ${fileEntries.length - 12} more files (--verbose lists them)`));
  if (closure.externals.length > 0) {
    const externals = closure.externals.map(external => {
      const version =
        external.kind === 'builtin'
          ? ''
          : ` ${external.installed ?? 'not installed'}${external.declared ? ` (declared ${external.declared})` : p.dim(' (not declared in package.json)')}`;
      return `${external.name}${version}${external.typeOnly ? p.dim(' types only') : ''}`;
    });
    lines.push(`    external: ${externals.join(', ')}`);
  } else {
    lines.push(`    external: ${p.dim('none')}`);
  }

  // Hazards.
  const hazards = analysis.hazards.filter(hazard => hazard.code !== 'FL801' && hazard.code !== 'FL802');
  if (hazards.length > 0) {
    lines.push(`  ${p.bold('hazards')}:`);
    // Long lists are cut per code (643 FL803 lines for one export bury everything else).
    const shownPerCode = new Map<string, number>();
    const cut = new Map<string, number>();
    hazards.forEach((hazard, index) => {
      const shown = shownPerCode.get(hazard.code) ?? 0;
      if (!verbose && shown >= HAZARDS_PER_CODE) {
        cut.set(hazard.code, (cut.get(hazard.code) ?? 0) + 1);
        if (hazards[index + 1]?.code !== hazard.code)
          lines.push(p.dim(`    … ${cut.get(hazard.code)} more ${hazard.code} (--verbose lists them)`));
        return;
      }
      shownPerCode.set(hazard.code, shown + 1);
      lines.push(...formatHazard(hazard, p));
    });
  } else {
    lines.push(
      `  ${p.bold('hazards')}: ${p.dim(analysis.hazards.length > 0 ? 'none in the export itself (its callers: below)' : 'none')}`,
    );
  }

  // Async ripple.
  const ripple = analysis.ripple;
  if (analysis.kind === 'function') {
    if (!ripple.applies) {
      lines.push(
        `  ${p.bold('async ripple')}: ${p.dim('none: it already returns a promise, so callers keep their shape')}`,
      );
    } else {
      const counted = ripple.callSites.filter(site => !site.test);
      const changing = counted.filter(site => site.change !== 'manual').length;
      const manual = counted.length - changing;
      const functions = ripple.functions.filter(fn => !fn.test).length;
      lines.push(
        `  ${p.bold('async ripple')}: ${p.yellow(`${plural(changing, 'call site')} to change, ${plural(functions, 'function')} to make async`)}${manual ? `, ${p.red(`${manual} by hand`)}` : ''}`,
      );
      for (const count of ripple.perPackage)
        lines.push(
          `    ${count.package}: ${plural(count.callSites, 'call site')}, ${plural(count.functions, 'function')}${count.manual ? `, ${count.manual} by hand` : ''}`,
        );
      const shipping = ripple.callSites.filter(site => !site.test);
      const inTests = ripple.callSites.filter(site => site.test);
      const sites = verbose ? shipping : shipping.slice(0, LIST_LIMIT);
      const line = (site: RippleCallSite): string => {
        const change =
          site.change === 'manual'
            ? p.red('by hand')
            : site.change === 'await'
              ? 'await'
              : site.change === 'promise-all'
                ? 'await Promise.all'
                : 'for…of + await';
        const overload = site.overload !== undefined ? p.dim(` overload[${site.overload}]`) : '';
        return `    ${at(site.location)}  ${change}  ${site.callee}${overload}${site.enclosing ? p.dim(` in ${site.enclosing}`) : ''}${site.note ? p.dim(` — ${site.note}`) : ''}`;
      };
      for (const site of sites) lines.push(line(site));
      if (sites.length < shipping.length)
        lines.push(p.dim(`    … ${shipping.length - sites.length} more (--verbose lists them)`));
      const made = verbose
        ? ripple.functions.filter(fn => !fn.test)
        : ripple.functions.filter(fn => !fn.test).slice(0, LIST_LIMIT);
      for (const fn of made)
        lines.push(
          `    becomes async: ${fn.name} ${p.dim(`${at(fn.location)} (${fn.because}${fn.exported ? '; exported: callers outside the analysed packages are not known' : ''})`)}`,
        );
      const madeTotal = ripple.functions.filter(fn => !fn.test).length;
      if (made.length < madeTotal)
        lines.push(p.dim(`    … ${madeTotal - made.length} more functions (--verbose lists them)`));
      if (inTests.length > 0) {
        // Tests do not ship, but they call the export too: once it is async they must await it.
        lines.push(
          `    ${p.bold('in tests')} ${p.dim(`(not counted above; they must await it too)`)}: ${plural(inTests.length, 'call site')}`,
        );
        const shownTests = verbose ? inTests : inTests.slice(0, 5);
        for (const site of shownTests) lines.push(line(site));
        if (shownTests.length < inTests.length)
          lines.push(p.dim(`    … ${inTests.length - shownTests.length} more (--verbose lists them)`));
      }
    }
  }

  // Chattiness.
  const chattiness = analysis.chattiness.filter(site => !site.test);
  if (chattiness.length > 0) {
    lines.push(
      `  ${p.bold('chattiness')}: ${p.yellow(`${plural(chattiness.length, 'call site')} in loops`)}: offer a batch endpoint (${analysis.name}Many(items))`,
    );
    const chatty = verbose ? chattiness : chattiness.slice(0, LIST_LIMIT);
    for (const site of chatty)
      lines.push(
        `    ${at(site.location)}  ${site.loop}${site.through ? ` through ${site.through}${site.calls && site.calls > 1 ? ` (${site.calls} calls per item)` : ''}` : ''}${site.enclosing ? p.dim(` in ${site.enclosing}`) : ''} ${p.dim(`(${site.package})`)}`,
      );
    if (chatty.length < chattiness.length)
      lines.push(p.dim(`    … ${chattiness.length - chatty.length} more (--verbose lists them)`));
  } else if (analysis.kind === 'function') {
    lines.push(`  ${p.bold('chattiness')}: ${p.dim('no call site in a loop')}`);
  }

  // Unknowns.
  if (analysis.unknowns.length > 0) {
    lines.push(`  ${p.bold('could not be known')}:`);
    const unknowns = verbose ? analysis.unknowns : analysis.unknowns.slice(0, LIST_LIMIT);
    for (const unknown of unknowns)
      lines.push(
        `    ${p.dim(unknown.code)} ${unknown.location ? `${at(unknown.location)} ` : ''}${unknown.message}`,
      );
    if (unknowns.length < analysis.unknowns.length)
      lines.push(p.dim(`    … ${analysis.unknowns.length - unknowns.length} more (--verbose lists them)`));
  }
  return lines;
}

function formatHazard(hazard: Hazard, p: ReturnType<typeof palette>): string[] {
  const paint = severityPaint(hazard.severity, p);
  const head = `    ${paint(SEVERITY_MARK[hazard.severity])} ${paint(hazard.code)} ${p.dim(hazard.name)}  ${at(hazard.location)}`;
  const path = hazard.path
    ? `      ${p.bold(hazard.path)}${hazard.type ? `: ${hazard.type}` : ''}`
    : undefined;
  return [head, ...(path ? [path] : []), `      ${hazard.message}`];
}
