// no-unbounded-fanout: an ORM whose every data source in the project runs on an embedded engine
// (TypeORM on better-sqlite3, Sequelize on SQLite) reads a local file; a fan-out of its queries
// opens no connections. Each project on disk (test/fixtures/project-orm-engines) configures its
// data sources in other modules; they sit under test/, so these cases turn `checkTests` on.
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/no-unbounded-fanout.js';
import { overAnyCollection } from '../helpers/fanout-cases.js';

const ruleTester = new RuleTester();
const fixture = (...parts: string[]): string =>
  path.join(import.meta.dirname, '../fixtures/project-orm-engines', ...parts);
const options = [{ checkTests: true }] as const;

/** A NestJS service that reads one row per id through an injected TypeORM repository. */
const REPOSITORY = `import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RuleGroup } from '../app/entity';
export class NotificationService {
  constructor(@InjectRepository(RuleGroup) private readonly groups: Repository<RuleGroup>) {}
  async withGroups(ids: number[]) {
    return Promise.all(ids.map(id => this.groups.findOne({ where: { id } })));
  }
}`;

/** One raw query per user through a Sequelize instance made in another module. */
const SEQUELIZE = `import { sequelize } from '../db';
export const load = (ids: string[]) =>
  Promise.all(ids.map(id => sequelize.query('SELECT * FROM users WHERE id = ?', { replacements: [id] })));`;

const repositoryError = {
  messageId: 'unboundedFanout' as const,
  line: 7,
  column: 12,
  endLine: 7,
  endColumn: 23,
};

ruleTester.run(
  'no-unbounded-fanout',
  rule,
  overAnyCollection({
    valid: [
      // TypeOrmModule.forRoot(ormConfig), the config a literal typed TypeOrmModuleOptions in another module.
      { filename: fixture('sqlite/src/notifications/service.ts'), code: REPOSITORY, options },
      // Sequelize made with `{ dialect: 'sqlite', storage }`.
      { filename: fixture('sequelize-sqlite/src/users/service.ts'), code: SEQUELIZE, options },
    ],
    invalid: [
      // The engine is chosen at run time (`type: env === 'postgres' ? 'postgres' : 'sqlite'`).
      {
        filename: fixture('chosen-at-run-time/src/notifications/service.ts'),
        code: REPOSITORY,
        options,
        errors: [repositoryError],
      },
      // An in-memory sql.js source, but a PostgreSQL config in a module that never imports TypeORM.
      {
        filename: fixture('server-elsewhere/src/notifications/service.ts'),
        code: REPOSITORY,
        options,
        errors: [repositoryError],
      },
      // One Sequelize instance is made from a connection URL read at run time.
      {
        filename: fixture('sequelize-url/src/users/service.ts'),
        code: SEQUELIZE,
        options,
        errors: [{ messageId: 'unboundedFanout', line: 3, column: 3, endLine: 3, endColumn: 14 }],
      },
    ],
  }),
);
