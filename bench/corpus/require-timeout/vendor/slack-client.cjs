"use strict";
// Compiled TypeScript output (tsc → CommonJS) for a Slack client module, plus a require()
// destructured WebClient. Shapes adapted from a public dist/slack-client.js and
// ksksue/rpi-nodejs-course (10_slack_api/slack.js).
Object.defineProperty(exports, "__esModule", { value: true });
exports.slackBounded = exports.slack = void 0;
const web_api_1 = require("@slack/web-api");
const { WebClient } = require("@slack/web-api");
const config_1 = require("./config");
exports.slack = new web_api_1.WebClient(config_1.config.slackBotToken, { // expect: require-timeout
    retryConfig: { retries: 0 },
    logLevel: web_api_1.LogLevel.WARN,
});
exports.slackBounded = new web_api_1.WebClient(config_1.config.slackBotToken, { // ok
    timeout: 10000,
    logLevel: web_api_1.LogLevel.WARN,
});
const web = new WebClient(process.env.SLACK_TOKEN); // expect: require-timeout
exports.web = web;
//# sourceMappingURL=slack-client.js.map
