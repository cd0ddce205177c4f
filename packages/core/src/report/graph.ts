// The closure as a picture: DOT text (pure), and SVG rendered in-process by Graphviz compiled to
// WebAssembly (@hpcc-js/wasm-graphviz), so no system Graphviz is needed. One cluster per file;
// each requested export is a bold node, coloured by its verdict; external packages are boxes,
// consumer packages too, with their call sites; a legend says which is which. Type-only
// declarations appear on request, and large closures collapse per file.
import type { AnalysisReport, VerdictStatus } from '../analyze/model.js';

const VERDICT_COLOR: Record<VerdictStatus, string> = {
  extractable: '#2e7d32',
  'extractable-with-changes': '#b26a00',
  blocked: '#c62828',
};

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export interface GraphOptions {
  /** Draw type-only declarations (interfaces, type aliases) too; by default only runtime code. */
  types?: boolean;
  /**
   * Above this many declarations, each file's plain declarations (not an export, not holding a
   * hazard) collapse into one node per file, so a large closure stays readable. Default 60.
   */
  collapseAbove?: number;
}

interface GraphNode {
  name: string;
  kind: string;
  file: string;
  typeOnly: boolean;
}

/**
 * The closures of every analysed export as one DOT digraph, deterministic for a given report:
 * one cluster per file, the exports outlined in their verdict colour, declarations holding
 * hazards filled, external packages and consumer packages as boxes, and a legend.
 */
export function closureDot(report: AnalysisReport, options: GraphOptions = {}): string {
  const collapseAbove = options.collapseAbove ?? 60;
  const nodes = new Map<string, GraphNode>();
  const rawEdges: { from: string; to: string }[] = [];
  const hazardous = new Set<string>();
  for (const analysis of report.exports) {
    for (const declaration of analysis.closure.declarations)
      nodes.set(declaration.id, {
        name: declaration.name,
        kind: declaration.kind,
        file: declaration.location.file,
        typeOnly: declaration.typeOnly,
      });
    rawEdges.push(...analysis.closure.edges);
    for (const hazard of analysis.hazards) {
      if (hazard.severity === 'info' || hazard.code.startsWith('FL8')) continue;
      // The declaration the hazard sits in: the last one starting before it in its file.
      const declaration = analysis.closure.declarations
        .filter(
          candidate =>
            candidate.location.file === hazard.location.file &&
            candidate.location.line <= hazard.location.line,
        )
        .sort((a, b) => b.location.line - a.location.line)[0];
      if (declaration) hazardous.add(declaration.id);
    }
  }
  const exportIds = new Map<string, VerdictStatus>();
  for (const analysis of report.exports) {
    const own = analysis.closure.declarations[0];
    if (own) exportIds.set(own.id, analysis.verdict.status);
  }
  // Type-only declarations are left out unless asked for (they do not run, and crowd the picture).
  const shown = new Map(
    [...nodes].filter(([id, node]) => options.types || !node.typeOnly || exportIds.has(id)),
  );
  // Large closures: plain declarations collapse into one node per file.
  const collapse = shown.size > collapseAbove;
  const target = (id: string): string | undefined => {
    if (id.startsWith('pkg:')) return id;
    const node = shown.get(id);
    if (!node) return undefined;
    if (collapse && !exportIds.has(id) && !hazardous.has(id)) return `file:${node.file}`;
    return id;
  };
  const edges = new Set<string>();
  const externals = new Set<string>();
  for (const edge of rawEdges) {
    const from = target(edge.from);
    const to = target(edge.to);
    if (!from || !to || from === to) continue;
    edges.add(`${quote(from)} -> ${quote(to)}`);
    if (to.startsWith('pkg:')) externals.add(to);
  }
  const lines = [
    'digraph closure {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, label=' +
      quote(
        `${report.library.name}: closure of ${report.exports.map(analysis => analysis.name).join(', ')}${collapse ? ' (plain declarations grouped per file)' : ''}`,
      ) +
      ', labelloc=t];',
    '  node [fontname="Helvetica", fontsize=10, shape=ellipse, style=filled, fillcolor="#ffffff"];',
    '  edge [color="#777777", arrowsize=0.6];',
  ];
  const byFile = new Map<string, string[]>();
  for (const [id, node] of [...shown.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const list = byFile.get(node.file) ?? [];
    list.push(id);
    byFile.set(node.file, list);
  }
  let cluster = 0;
  for (const [file, ids] of byFile) {
    lines.push(
      `  subgraph cluster_${cluster++} {`,
      `    label=${quote(file)}; style="rounded,dashed"; color="#999999";`,
    );
    const grouped = ids.filter(id => target(id) !== id);
    if (grouped.length > 0) {
      const names = grouped.map(id => (shown.get(id) as GraphNode).name);
      const label = `${names.length} declaration${names.length === 1 ? '' : 's'}\n${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
      lines.push(`    ${quote(`file:${file}`)} [label=${quote(label)}, shape=note, fillcolor="#fafafa"];`);
    }
    for (const id of ids) {
      if (target(id) !== id) continue;
      const node = shown.get(id) as GraphNode;
      const verdict = exportIds.get(id);
      const attributes = new Map<string, string>([['label', quote(`${node.name}\n${node.kind}`)]]);
      if (node.typeOnly) attributes.set('style', '"filled,dashed"').set('fillcolor', '"#f4f4f4"');
      if (hazardous.has(id)) attributes.set('fillcolor', '"#fff3cd"');
      if (verdict)
        attributes
          .set('penwidth', '2.5')
          .set('color', quote(VERDICT_COLOR[verdict]))
          .set('fontname', '"Helvetica-Bold"');
      lines.push(
        `    ${quote(id)} [${[...attributes].map(([key, value]) => `${key}=${value}`).join(', ')}];`,
      );
    }
    lines.push('  }');
  }
  for (const external of [...externals].sort())
    lines.push(`  ${quote(external)} [label=${quote(external.slice(4))}, shape=box, fillcolor="#e3f2fd"];`);
  // Consumers: one box per package that calls an export, with its call sites and async functions.
  const consumerEdges: string[] = [];
  const consumers = new Set<string>();
  for (const analysis of report.exports) {
    const own = analysis.closure.declarations[0];
    if (!own) continue;
    const calls = new Map<string, number>();
    for (const site of analysis.ripple.callSites)
      if (!site.test) calls.set(site.package, (calls.get(site.package) ?? 0) + 1);
    for (const site of analysis.chattiness)
      if (!site.test && !analysis.ripple.applies) calls.set(site.package, (calls.get(site.package) ?? 0) + 1);
    for (const [name, count] of [...calls].sort(([a], [b]) => a.localeCompare(b))) {
      consumers.add(name);
      const chatty = analysis.chattiness.filter(site => site.package === name && !site.test).length;
      const label = `${count} call site${count === 1 ? '' : 's'}${chatty ? `, ${chatty} in loops` : ''}`;
      consumerEdges.push(
        `  ${quote(`consumer:${name}`)} -> ${quote(own.id)} [label=${quote(label)}, style=dashed, color="#6a1b9a", fontcolor="#6a1b9a", fontsize=9];`,
      );
    }
  }
  for (const name of [...consumers].sort())
    lines.push(
      `  ${quote(`consumer:${name}`)} [label=${quote(name)}, shape=component, fillcolor="#f3e5f5"];`,
    );
  for (const edge of [...edges].sort()) lines.push(`  ${edge};`);
  lines.push(...consumerEdges);
  lines.push(
    '  subgraph cluster_legend {',
    '    label="legend"; style="rounded"; color="#bbbbbb"; fontsize=10;',
    '    "legend:export" [label="export\\n(outline: verdict)", penwidth=2.5, color="#b26a00"];',
    '    "legend:hazard" [label="holds a hazard", fillcolor="#fff3cd"];',
    '    "legend:plain" [label="declaration"];',
    ...(options.types
      ? ['    "legend:type" [label="type only", style="filled,dashed", fillcolor="#f4f4f4"];']
      : []),
    ...(collapse
      ? ['    "legend:file" [label="declarations\\ngrouped per file", shape=note, fillcolor="#fafafa"];']
      : []),
    '    "legend:package" [label="external package", shape=box, fillcolor="#e3f2fd"];',
    '    "legend:consumer" [label="consumer package", shape=component, fillcolor="#f3e5f5"];',
    '    "legend:export" -> "legend:plain" [label="uses", fontsize=9];',
    '  }',
  );
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Renders DOT to SVG with Graphviz compiled to WebAssembly (loaded on first use). */
export async function renderSvg(dot: string): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, 'svg');
}
