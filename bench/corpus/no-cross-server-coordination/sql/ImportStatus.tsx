// A Next.js server component that starts a SQL Server import under an application lock.
// Shape adapted from `sp_getapplock` / `sp_releaseapplock` usage with the mssql client.

import sqlServer from 'mssql';

async function startImport(batch: string) {
  const pool = await sqlServer.connect(process.env.MSSQL_URL as string);
  const request = pool.request();
  const result = await request.query("EXEC sp_getapplock @Resource = 'nightly-import', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0"); // expect: no-cross-server-coordination
  try {
    await request.input('batch', batch).query('INSERT INTO imports (batch) VALUES (@batch)'); // ok
  } finally {
    await request.query("EXEC sp_releaseapplock @Resource = 'nightly-import', @LockOwner = 'Session'"); // ok
  }
  return result.returnValue;
}

export default async function ImportStatus({ batch }: { batch: string }) {
  const code = await startImport(batch);
  return <p>{code >= 0 ? 'Import started' : 'Another import holds the lock'}</p>;
}
