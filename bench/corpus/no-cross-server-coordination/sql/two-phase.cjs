// A two-phase commit coordinator over two MySQL shards and two Postgres databases (CommonJS).
// Shapes adapted from the MySQL XA statements in slyang520/bigdata (XA.md: `xa start 'xid1'` …
// `xa end`, `xa prepare`, `xa commit`, `xa rollback`), the mycat XaSqlConnection constants
// (`XA_START = "XA START '%s';"`) found by the code search, and Postgres PREPARE TRANSACTION docs.

const mysql = require('mysql2/promise');
const { Client } = require('pg');

const XA_COMMIT = "XA COMMIT '%s';"; // expect: no-cross-server-coordination

async function transferAcrossShards(xid, from, to, amount) {
  const a = await mysql.createConnection(process.env.SHARD_A_URL);
  const b = await mysql.createConnection(process.env.SHARD_B_URL);
  try {
    await a.query(`XA START '${xid}'`); // expect: no-cross-server-coordination
    await a.query('UPDATE accounts SET balance = balance - ? WHERE id = ?', [amount, from]); // ok
    await a.query(`XA END '${xid}'`); // expect: no-cross-server-coordination
    await b.query(`XA START '${xid}'`); // expect: no-cross-server-coordination
    await b.query('UPDATE accounts SET balance = balance + ? WHERE id = ?', [amount, to]); // ok
    await b.query(`XA END '${xid}'`); // expect: no-cross-server-coordination
    await a.query(`XA PREPARE '${xid}'`); // expect: no-cross-server-coordination
    await b.query(`XA PREPARE '${xid}'`); // expect: no-cross-server-coordination
    await a.query(XA_COMMIT.replace('%s', xid));
    await b.query(XA_COMMIT.replace('%s', xid));
  } catch (err) {
    await a.query(`XA ROLLBACK '${xid}'`).catch(() => undefined); // expect: no-cross-server-coordination
    await b.query(`XA ROLLBACK '${xid}'`).catch(() => undefined); // expect: no-cross-server-coordination
    throw err;
  }
}

async function moveOrder(gid, orderId) {
  const orders = new Client({ connectionString: process.env.ORDERS_DB });
  const archive = new Client({ connectionString: process.env.ARCHIVE_DB });
  await orders.connect();
  await archive.connect();
  try {
    await orders.query('BEGIN'); // ok
    await orders.query('DELETE FROM orders WHERE id = $1', [orderId]); // ok
    await orders.query(`PREPARE TRANSACTION '${gid}'`); // expect: no-cross-server-coordination
    await archive.query('BEGIN');
    await archive.query('INSERT INTO archived_orders (id) VALUES ($1)', [orderId]);
    await archive.query(`PREPARE TRANSACTION '${gid}'`); // expect: no-cross-server-coordination
    await orders.query(`COMMIT PREPARED '${gid}'`); // expect: no-cross-server-coordination
    await archive.query(`COMMIT PREPARED '${gid}'`); // expect: no-cross-server-coordination
  } catch (err) {
    await orders.query(`ROLLBACK PREPARED '${gid}'`).catch(() => undefined); // expect: no-cross-server-coordination
    throw err;
  }
}

// A named prepared statement is not a prepared transaction.
async function findUser(client, id) {
  await client.query('PREPARE get_user (int) AS SELECT * FROM users WHERE id = $1'); // ok
  return client.query('EXECUTE get_user($1)', [id]); // ok
}

// A local single-database transaction.
async function renameUser(client, id, name) {
  await client.query('BEGIN'); // ok
  await client.query('UPDATE users SET name = $2 WHERE id = $1', [id, name]);
  await client.query('COMMIT'); // ok
}

module.exports = { transferAcrossShards, moveOrder, findUser, renameUser };
