'use strict';

// CommonJS AWS setup plus classes named *Client that are not AWS SDK clients.
// Shapes adapted from public S3 upload helpers and samuellegendre/rackabecix (discord.js Client).

const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const { SecretsManagerClient } = require('@aws-sdk/client-secrets-manager');
const { NodeHttpHandler } = require('@smithy/node-http-handler');
const { Client: DiscordClient, GatewayIntentBits } = require('discord.js');
const { ApiClient } = require('./api-client');

const s3 = new S3Client({ // expect: require-timeout
  region: process.env.AWS_REGION,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});

const secrets = new SecretsManagerClient({ // ok
  region: process.env.AWS_REGION,
  requestHandler: new NodeHttpHandler({
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    throwOnRequestTimeout: true,
  }),
});

// Options object from configuration: opaque.
const s3FromConfig = new S3Client(require('./config').s3); // ok

const discord = new DiscordClient({ intents: [GatewayIntentBits.Guilds] }); // ok
const internal = new ApiClient({ region: 'eu-west-1' }); // ok

async function upload(key, body) {
  return s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, Body: body }));
}

module.exports = { s3, secrets, s3FromConfig, discord, internal, upload };
