import { blameLanguage } from '../../server/src/analysis/rules/structure/blameLanguage';
import { ruleTester } from '../helpers/ruleTester';

const personFault = (written: string) => `"${written}" pins a fault on a person. Name the role and what let the slip through, e.g. "the deploy had no config check, and the on-call engineer pushed an unchecked change".`;
const personCause = (written: string) => `"${written}" makes a person the cause. Name the role and the condition that let the change cause harm, e.g. "a new engineer had write access to production and no review step".`;
const possessive = (written: string) => `"${written}" blames a person. Name the role and the gap instead, e.g. "the on-call engineer had no alert for the full disk".`;

ruleTester(blameLanguage, {
  valid: [
    {
      name: 'systems that fail, owning it as a team, speculation about consequences',
      text: '## Root Cause\n\nThe pod failed to start. Nginx failed to bind port 80. We failed to consider the empty list. A longer stall could have caused more forks; an attacker could have used the key.\n',
    },
    { name: 'counterfactuals in the action items and lessons', text: '## Action Items\n\n- We could have added a canary; add one now.\n\n## Lessons Learned\n\nWe could have caught it sooner.\n' },
    {
      name: 'kinds of cause in general (the ALX introduction)',
      text: '## Introduction\n\nFailures stem from bugs, traffic spikes, hardware failures, human error… Any engineer must learn from his/her mistakes.\n',
    },
    { name: 'headings and code are not prose', text: '## What could have gone better?\n\n```\nhuman error\n```\n' },
    {
      name: 'systems and processes that slip, a team owning its miss, role nouns that only modify',
      text:
        '## Root Cause\n\nThe script accidentally deleted the temp files. The update inadvertently changed the routes. A typo was accidentally introduced. ' +
        'The validation did not check for negative values. Our team forgot to update the runbook. We mistakenly thought it was safe. ' +
        'The Alertmanager failed to notify anyone. The developer portal accidentally exposed a key. The outage was caused by the admin panel crashing. ' +
        'The issue was detected when an engineer saw the graph. The engineer restarted the service, which restored access. Users saw their error messages. ' +
        'Nginx ignored the header. The probe missed two heartbeats. We missed the page. I failed to connect to the database at first.\n',
    },
    { name: 'fenced code is code, even when it reads as prose', text: '## Root Cause\n\n```\nThe intern accidentally deleted the table.\n```\n' },
    { name: 'a word the team allows', text: '## Root Cause\n\nIf only the canary had been enabled.\n', config: { rules: { 'blame-language': ['info', { allow: ['if only'] }] } } },
  ],
  invalid: [
    {
      name: 'judgement, a person who failed, a possessive fault, anger, hindsight and counterfactuals',
      text: "## Root Cause\n\nThe root cause was human error: the engineer failed to check the config. It was John's mistake!!! He should have known better. If only we had a canary. We could have caught it.\n",
      findings: [
        { range: '2:19-2:30', message: '"human error" judges a person instead of explaining the system. Describe the conditions that made the error possible (a missing check, a confusing tool), and name roles, not people.' },
        { range: '2:36-2:54', message: '"engineer failed to" pins the failure on a person. Say what the process or tooling lacked, e.g. "the runbook had no step to check the replica".' },
        { range: '2:80-2:94', message: possessive('John\'s mistake') },
        { range: '2:94-2:97', message: '"!!!" reads as alarm or anger. State the facts calmly; the impact speaks for itself.' },
        { range: '2:101-2:125', message: '"should have known better" is hindsight aimed at a person. Say what information was missing or hard to see at the time.' },
        { range: '2:127-2:134', message: '"If only" describes what did not happen. Describe what did happen and why it made sense at the time; put what should change in the action items.' },
        { range: '2:155-2:165', message: '"could have" describes what did not happen. Describe what did happen and why it made sense at the time; put what should change in the action items.' },
      ],
    },
    {
      name: 'a person with a fault: a role, a name, a pronoun, self-blame, a line with no subject',
      text:
        "## Root Cause\n\nThe new engineer accidentally dropped the table. Sam forgot to renew the certificate. It was my silly mistake. " +
        "Then Alex failed to check the backup. His error went unnoticed.\n\n- Didn't check the config before pushing.\n",
      findings: [
        { range: '2:8-2:29', message: personFault('engineer accidentally') },
        { range: '2:49-2:59', message: personFault('Sam forgot') },
        { range: '2:93-2:109', message: possessive('my silly mistake') },
        { range: '2:116-2:130', message: '"Alex failed to" pins the failure on a person. Say what the process or tooling lacked, e.g. "the runbook had no step to check the replica".' },
        { range: '2:149-2:158', message: possessive('His error') },
        { range: '4:2-4:14', message: personFault('Didn\'t check') },
      ],
    },
    {
      name: 'a person who ignored, missed or skipped',
      text: '## Root Cause\n\nThe on-call engineer ignored the disk alert, and I missed the page.\n',
      findings: [
        { range: '2:12-2:28', message: personFault('engineer ignored') },
        { range: '2:49-2:57', message: personFault('I missed') },
      ],
    },
    {
      name: 'a person made the cause',
      text:
        '## Root Cause\n\nThe outage was caused by a new intern. The problem was the junior developer who renamed the file. ' +
        'It was caused by the deletion of the table by an intern.\n\n' +
        '    Then one of the interns renamed the settings file, which broke every page of the site.\n',
      findings: [
        { range: '2:15-2:37', message: personCause('caused by a new intern') },
        { range: '2:43-2:75', message: personCause('problem was the junior developer') },
        { range: '2:141-2:153', message: personCause('by an intern') },
        { range: '4:9-4:35', message: personCause('one of the interns renamed') },
      ],
    },
    {
      name: 'more roles and faults (rule options "people" and "faults")',
      text: '## Root Cause\n\nThe rookie fumbled the rollout.\n',
      config: { rules: { 'blame-language': ['info', { people: ['rookie'], faults: ['fumbled'] }] } },
      findings: [{ range: '2:4-2:18', message: personFault('rookie fumbled') }],
    },
    {
      name: "the team's own words",
      text: '## Timeline\n\n- 10:00 UTC Bob (the usual suspect) restarted the wrong host.\n',
      config: { rules: { 'blame-language': ['info', { words: ['usual suspect'] }] } },
      findings: [{ range: '2:21-2:34', message: '"usual suspect" is on this team\'s list of blaming words (rule option "words"). Describe the system\'s part instead, and name roles, not people.' }],
    },
  ],
});
