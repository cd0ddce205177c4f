// The closure as a picture: DOT text (pure), and SVG rendered in-process by Graphviz compiled to
// WebAssembly (@hpcc-js/wasm-graphviz), so no system Graphviz is needed. One cluster per file;
// each requested export is a bold node, coloured by its verdict; external packages are boxes.
import type { AnalysisReport, VerdictStatus } from '../analyze/model.js';

const VERDICT_COLOR: Record<VerdictStatus, string> = {
  extractable: '#2e7d32',
  'extractable-with-changes': '#b26a00',
  blocked: '#c62828',
};

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The closures of every analysed export as one DOT digraph, deterministic for a given report. */
export function closureDot(report: AnalysisReport): string {
  const nodes = new Map<string, { name: string; kind: string; file: string; typeOnly: boolean }>();
  const edges = new Set<string>();
  const externals = new Set<string>();
  const hazardous = new Set<string>();
  for (const analysis of report.exports) {
    for (const declaration of analysis.closure.declarations)
      nodes.set(declaration.id, {
        name: declaration.name,
        kind: declaration.kind,
        file: declaration.location.file,
        typeOnly: declaration.typeOnly,
      });
    for (const edge of analysis.closure.edges) {
      edges.add(`${quote(edge.from)} -> ${quote(edge.to)}`);
      if (edge.to.startsWith('pkg:')) externals.add(edge.to);
    }
    for (const hazard of analysis.hazards) {
      if (hazard.severity === 'info') continue;
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
  const lines = [
    'digraph closure {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, label=' +
      quote(
        `${report.library.name}: closure of ${report.exports.map(analysis => analysis.name).join(', ')}`,
      ) +
      ', labelloc=t];',
    '  node [fontname="Helvetica", fontsize=10, shape=ellipse, style=filled, fillcolor="#ffffff"];',
    '  edge [color="#777777", arrowsize=0.6];',
  ];
  const byFile = new Map<string, string[]>();
  for (const [id, node] of [...nodes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
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
    for (const id of ids) {
      const node = nodes.get(id) as { name: string; kind: string; typeOnly: boolean };
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
  for (const edge of [...edges].sort()) lines.push(`  ${edge};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Renders DOT to SVG with Graphviz compiled to WebAssembly (loaded on first use). */
export async function renderSvg(dot: string): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, 'svg');
}
