import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { CODES } from '../../packages/core/src/analyze/codes.js';

const docs = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/hazards.md'),
  'utf8',
);

describe('docs/hazards.md', () => {
  it('has one section per code, with the code’s name', () => {
    const sections = [...docs.matchAll(/^### (FL\d{3}) ([a-z-]+)$/gm)].map(
      match => `${match[1]} ${match[2]}`,
    );
    expect(sections).toEqual(CODES.map(info => `${info.code} ${info.name}`));
  });

  it('states the severity the code table gives each hazard', () => {
    for (const info of CODES.filter(entry => !entry.code.startsWith('FL9'))) {
      const section = docs.split(`### ${info.code} `)[1]?.split('\n### ')[0] ?? '';
      expect(section, info.code).toContain(`**Severity** ${info.severity}.`);
    }
  });
});
