// SendGrid (`@sendgrid/mail`): the module's default export is a MailService whose `send` and
// `sendMultiple` POST through its own @sendgrid/client Client, which calls axios with a default
// request that sets no timeout (sendgrid/sendgrid-nodejs packages/client/src/classes/client.js: a
// `defaultRequest` of the base URL, method, headers and body limits, then `axios(request)`, in 7.7
// and 8.1); axios's own default is none. `setTimeout(ms)` on the service sets the client's default request timeout
// (packages/mail/src/classes/mail-service.js: `this.client.setDefaultRequest('timeout', timeout)`),
// for every send through that service, wherever in the process it is called.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { isFalsyNone, judgeTimeoutProp, lookupLayers, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

function decideSendgrid(input: JudgeInput): Verdict {
  const timeout = lookupLayers(input, 'timeout');
  // axios: a timeout of 0 sets no timer.
  return judgeTimeoutProp(timeout.prop, 'timeout', isFalsyNone) ?? missingOrUnknown(timeout.opaque);
}

/** What a MailService sends: a message, or several (an array is sent as one request each, at once). */
const SENDS: MemberTable = { send: call('sendgrid', NONE), sendMultiple: call('sendgrid', NONE) };

export const sendgridFamily: ClientFamily = {
  family: {
    id: 'sendgrid',
    label: 'SendGrid',
    reportAt: 'call',
    fix: 'call `setTimeout(ms)` on the mail service once, where its API key is set (`sgMail.setTimeout(10_000)`)',
  },
  modules: {
    '@sendgrid/mail': { ...SENDS, MailService: factory('sendgrid', 'sendgrid', NONE) },
  },
  instances: { sendgrid: { members: SENDS } },
  types: [
    {
      names: ['MailService'],
      modules: ['@sendgrid/mail'],
      packages: ['/@sendgrid/mail/'],
      instance: 'sendgrid',
      family: 'sendgrid',
    },
  ],
  decide: decideSendgrid,
};
