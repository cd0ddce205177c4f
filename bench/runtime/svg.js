// Draws goodput against offered load as a self-contained SVG (no charting dependency).

const SERIES = [
  { variant: 'naive', label: 'plain node:http, no admission control', color: '#d62728', dash: '' },
  { variant: 'deadline', label: 'runtime, deadline only (admission off)', color: '#ff7f0e', dash: '6 4' },
  { variant: 'admission', label: 'runtime with admission control', color: '#2ca02c', dash: '' },
];

function escape(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the overload sweep (goodput rps per offered rps, per server variant) as an SVG document. */
export function renderGoodputSvg({ capacityRps, sweep }) {
  const width = 760;
  const height = 440;
  const margin = { top: 48, right: 24, bottom: 64, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const maxX = Math.max(...sweep.map(r => r.offeredRps)) * 1.05;
  const maxY = Math.max(capacityRps, ...sweep.map(r => r.goodputRps)) * 1.2;
  const x = v => margin.left + (v / maxX) * plotW;
  const y = v => margin.top + plotH - (v / maxY) * plotH;
  const parts = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">Goodput against offered load (capacity ${capacityRps} rps, client deadline 500 ms)</text>`,
  );
  const tickStep = niceStep(maxX / 6);
  for (let v = 0; v <= maxX; v += tickStep) {
    parts.push(
      `<line x1="${x(v)}" y1="${margin.top}" x2="${x(v)}" y2="${margin.top + plotH}" stroke="#eee"/>`,
      `<text x="${x(v)}" y="${margin.top + plotH + 18}" text-anchor="middle">${v}</text>`,
    );
  }
  const yStep = niceStep(maxY / 6);
  for (let v = 0; v <= maxY; v += yStep) {
    parts.push(
      `<line x1="${margin.left}" y1="${y(v)}" x2="${margin.left + plotW}" y2="${y(v)}" stroke="#eee"/>`,
      `<text x="${margin.left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin.left}" y1="${margin.top + plotH}" x2="${margin.left + plotW}" y2="${margin.top + plotH}" stroke="#333"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotH}" stroke="#333"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 20}" text-anchor="middle">offered load (requests/s, open loop)</text>`,
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">goodput (200s within the deadline, per second)</text>`,
    `<line x1="${margin.left}" y1="${y(capacityRps)}" x2="${margin.left + plotW}" y2="${y(capacityRps)}" stroke="#555" stroke-dasharray="2 3"/>`,
    `<text x="${margin.left + plotW - 4}" y="${y(capacityRps) - 6}" text-anchor="end" fill="#555">capacity ${capacityRps} rps</text>`,
    `<line x1="${margin.left}" y1="${y(0.9 * capacityRps)}" x2="${margin.left + plotW}" y2="${y(0.9 * capacityRps)}" stroke="#999" stroke-dasharray="1 4"/>`,
    `<text x="${margin.left + plotW - 4}" y="${y(0.9 * capacityRps) + 14}" text-anchor="end" fill="#999">90 % target</text>`,
  );
  SERIES.forEach((series, index) => {
    const points = sweep
      .filter(r => r.variant === series.variant)
      .sort((a, b) => a.offeredRps - b.offeredRps);
    if (points.length === 0) return;
    const path = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.offeredRps).toFixed(1)},${y(p.goodputRps).toFixed(1)}`)
      .join(' ');
    parts.push(
      `<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2.5" stroke-dasharray="${series.dash}"/>`,
    );
    for (const p of points) {
      parts.push(
        `<circle cx="${x(p.offeredRps).toFixed(1)}" cy="${y(p.goodputRps).toFixed(1)}" r="4" fill="${series.color}"><title>${escape(`${series.label}: ${Math.round(p.offeredRps)} offered, ${Math.round(p.goodputRps)} goodput`)}</title></circle>`,
      );
    }
    // The legend sits in the empty band between the admission-control plateau near capacity and
    // the collapsed series at zero, right of where the lines cross.
    const lx = margin.left + plotW * 0.5;
    const ly = margin.top + plotH * 0.45 + index * 18;
    parts.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${series.color}" stroke-width="2.5" stroke-dasharray="${series.dash}"/>`,
      `<text x="${lx + 36}" y="${ly + 4}">${escape(series.label)}</text>`,
    );
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}
