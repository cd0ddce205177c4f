'use strict';

// Raw node:http / node:https requests in a CommonJS codebase.
// Shapes adapted from jurelmartin/nodejs-training-exercises (module-1/http/https-get.js),
// pauloheidemann/node-course (playground/6-raw-http.js), Scorpyy1/idk (https.js),
// bospetersen/Complete_NodeJS_Developer_in_2022 (section_04/http_req.js) and
// public health-check scripts that set `timeout` with and without a destroying handler.

const http = require('http');
const https = require('node:https');
const { get } = require('https');

function httpbin() {
  https.get('https://httpbin.org/get', (res) => { // expect: require-timeout
    let data = '';
    res.on('data', (chunk) => { data += chunk; });
    res.on('end', () => console.log(data));
  }).on('error', (err) => console.log('Error: ', err.message));
}

function google() {
  get('https://www.google.com', (res) => { // expect: require-timeout
    res.on('data', (chunk) => console.log(`data chunk: ${chunk}`));
    res.on('end', () => console.log('No more data'));
  });
}

function weather(url) {
  const request = https.request(url, (response) => { // expect: require-timeout
    let data = '';
    response.on('data', (chunk) => { data += chunk.toString(); });
    response.on('end', () => console.log(data));
  });
  request.on('error', (error) => console.log('Error', error));
  request.end();
}

// `timeout` option plus a handler that destroys the request: bounded.
function dashboardProbe() {
  const options = {
    hostname: 'localhost',
    port: 3010,
    path: '/dashboard',
    method: 'GET',
    timeout: 3000,
  };
  const req = http.request(options, (res) => { // ok
    res.setEncoding('utf8');
    res.on('data', () => {});
    res.on('end', () => console.log('Response ended'));
  });
  req.on('error', (e) => console.error(`PROBLEM: ${e.message}`));
  req.on('timeout', () => {
    console.error('Request timed out');
    req.destroy();
  });
  req.end();
}

// `timeout` option with no destroying handler: the timeout only emits an event.
function apiProbe() {
  const options = {
    hostname: 'localhost',
    port: 4000,
    path: '/api',
    method: 'GET',
    timeout: 3000, // expect: require-timeout
  };
  const req = http.request(options, (res) => {
    let data = '';
    res.on('data', (chunk) => { data += chunk; });
    res.on('end', () => console.log('BODY', data));
  });
  req.on('error', (err) => console.error('ERROR', err.message));
  req.end();
}

// A 'timeout' listener that only logs.
function apiProbeLogOnly() {
  const req = http.request({
    hostname: 'localhost',
    port: 4000,
    path: '/ready',
    timeout: 1500, // expect: require-timeout
  });
  req.on('timeout', () => console.warn('slow readiness probe'));
  req.on('error', () => process.exit(1));
  req.end();
}

// req.setTimeout(ms, cb) whose callback destroys the request: bounded.
function youtube() {
  const req = https.request({ host: 'www.youtube.com', port: 443, path: '/watch', method: 'GET' }, (res) => { // ok
    res.resume();
  });
  req.setTimeout(5000, () => {
    req.destroy(new Error('request timeout'));
  });
  req.on('error', (err) => console.log('Request Error: ' + err.message));
  req.end();
}

// req.setTimeout(ms) with nothing that aborts.
function slowUpstream() {
  const req = http.get('http://upstream.internal/slow', (res) => res.resume()); // expect: require-timeout
  req.setTimeout(10_000);
  req.on('error', console.error);
}

// A request created and handed to another function is not judged here.
function send(options, body) {
  const req = https.request(options); // ok
  return finish(req, body);
}

function finish(req, body) {
  if (body) req.write(body);
  req.end();
  return req;
}

function makeRequest(options) {
  return http.request(options); // ok
}

module.exports = { httpbin, google, weather, dashboardProbe, apiProbe, apiProbeLogOnly, youtube, slowUpstream, send, makeRequest };
