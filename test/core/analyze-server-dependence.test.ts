// FL405–FL407 (time zone, locale, clock), FL208 (runtime identity) and FL206 on optional
// positional parameters, on a fixture library of date, text and equality helpers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { type AnalysisReport, analyzeLibrary } from '../../packages/core/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = 'test/fixtures/analyze/server-dependence';

describe('answers that depend on the server', { timeout: 60_000 }, () => {
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyzeLibrary({
      library: fixture,
      exports: [
        'addDays',
        'differenceInCalendarDays',
        'format',
        'formatUtc',
        'parseLocal',
        'startOfToday',
        'compareNames',
        'shout',
        'isEqual',
        'isPlain',
        'typeTag',
        'paginate',
      ],
      cwd: root,
      root,
    });
  });

  /** `CODE file:line member-or-check` for the hazards of the codes asked. */
  const found = (name: string, codes: string[]): string[] =>
    (report.exports.find(analysis => analysis.name === name)?.hazards ?? [])
      .filter(hazard => codes.includes(hazard.code))
      .map(
        hazard =>
          `${hazard.code} ${path.basename(hazard.location.file)}:${hazard.location.line}:${hazard.location.column} ${String(hazard.detail?.member ?? hazard.detail?.clock ?? hazard.detail?.check ?? hazard.path)}`,
      );
  const server = ['FL208', 'FL405', 'FL406', 'FL407'];

  it('reports local date fields read and written', () => {
    expect(found('addDays', server)).toEqual(['FL405 dates.ts:4:3 setDate', 'FL405 dates.ts:4:18 getDate']);
  });

  it('reports dates built from local fields', () => {
    expect(found('differenceInCalendarDays', server)).toEqual([
      'FL405 dates.ts:9:13 new Date(fields)',
      'FL405 dates.ts:9:22 getFullYear',
      'FL405 dates.ts:9:42 getMonth',
      'FL405 dates.ts:9:59 getDate',
    ]);
  });

  it('reports formatting without a zone or a locale, and not with them', () => {
    expect(found('format', server)).toEqual([
      'FL405 dates.ts:15:13 toLocaleDateString',
      'FL405 dates.ts:15:42 Intl.DateTimeFormat',
      'FL406 dates.ts:15:13 toLocaleDateString',
    ]);
    expect(found('formatUtc', server)).toEqual([]);
  });

  it('reports parsing a string of unknown form in local time, and the clock', () => {
    expect(found('parseLocal', server)).toEqual(['FL405 dates.ts:23:10 new Date(string)']);
    expect(found('startOfToday', server)).toEqual(['FL407 dates.ts:27:15 new Date()']);
  });

  it('reports comparison and case changes with the default locale only', () => {
    expect(found('compareNames', server)).toEqual(['FL406 text.ts:2:10 localeCompare']);
    expect(found('shout', server)).toEqual(['FL406 text.ts:6:44 toLocaleLowerCase']);
  });

  it('reports identity checks on parameters of a deep-equality helper', () => {
    expect(found('isEqual', server)).toEqual([
      'FL208 equal.ts:3:7 instanceof',
      'FL208 equal.ts:4:7 instanceof',
      'FL208 equal.ts:6:9 prototype',
      'FL208 equal.ts:7:40 in',
    ]);
    const mapCheck = report.exports.find(analysis => analysis.name === 'isEqual')?.hazards[2];
    expect(mapCheck?.message).toBe(
      'checks `a instanceof Map` in isEqual on a parameter: a Map arrives as `{}` over the wire, so the check answers differently when the export is remote.',
    );
    expect(mapCheck?.detail).toEqual({ check: 'instanceof', constructor: 'Map', count: 2 });
    expect(found('isPlain', server)).toEqual(['FL208 equal.ts:13:10 constructor']);
    expect(found('typeTag', server)).toEqual(['FL208 equal.ts:17:10 tag']);
  });

  it('reports optional positional parameters: undefined arrives as null', () => {
    expect(found('paginate', ['FL206'])).toEqual([
      'FL206 optional.ts:1:52 args[1]',
      'FL206 optional.ts:1:63 args[2]',
    ]);
  });
});
