// A CommonJS task runner: every task gets `{ signal }` and calls local helpers.

const got = require('got');

async function downloadReport(id, signal) {
  return got(`https://reports.internal/v1/${id}.csv`, { signal }).text(); // ok
}

async function uploadReport(id, csv, { signal } = {}) {
  return got.put(`https://archive.internal/v1/${id}.csv`, { body: csv, signal }); // ok
}

function checksum(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

async function archiveTask(job, { signal }) {
  const csv = await downloadReport(job.id); // expect: require-signal-propagation
  await uploadReport(job.id, csv, { signal }); // ok
  return checksum(csv); // ok
}

async function mirrorTask(job, { signal }) {
  const csv = await downloadReport(job.id, signal); // ok
  await uploadReport(job.id, csv); // expect: require-signal-propagation
}

async function retryTask(job, { signal }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const csv = await downloadReport(job.id, signal); // ok
    if (csv) return uploadReport(job.id, csv, { signal: undefined }); // ok
  }
  return null;
}

module.exports = { archiveTask, mirrorTask, retryTask };
