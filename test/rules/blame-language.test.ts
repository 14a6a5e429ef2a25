import { blameLanguage } from '../../server/src/analysis/rules/structure/blameLanguage';
import { ruleTester } from '../helpers/ruleTester';

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
    { name: 'a word the team allows', text: '## Root Cause\n\nIf only the canary had been enabled.\n', config: { rules: { 'blame-language': ['info', { allow: ['if only'] }] } } },
  ],
  invalid: [
    {
      name: 'judgement, a person who failed, a possessive fault, anger, hindsight and counterfactuals',
      text: "## Root Cause\n\nThe root cause was human error: the engineer failed to check the config. It was John's mistake!!! He should have known better. If only we had a canary. We could have caught it.\n",
      findings: [
        { range: '2:19-2:30', message: '"human error" judges a person instead of explaining the system. Describe the conditions that made the error possible (a missing check, a confusing tool), and name roles, not people.' },
        { range: '2:36-2:54', message: '"engineer failed to" pins the failure on a person. Say what the process or tooling lacked, e.g. "the runbook had no step to check the replica".' },
        { range: '2:80-2:94', message: '"John\'s mistake" blames a person. Name the role and the gap instead, e.g. "the on-call engineer had no alert for the full disk".' },
        { range: '2:94-2:97', message: '"!!!" reads as alarm or anger. State the facts calmly; the impact speaks for itself.' },
        { range: '2:101-2:125', message: '"should have known better" is hindsight aimed at a person. Say what information was missing or hard to see at the time.' },
        { range: '2:127-2:134', message: '"If only" describes what did not happen. Describe what did happen and why it made sense at the time; put what should change in the action items.' },
        { range: '2:155-2:165', message: '"could have" describes what did not happen. Describe what did happen and why it made sense at the time; put what should change in the action items.' },
      ],
    },
    {
      name: "the team's own words",
      text: '## Timeline\n\n- 10:00 UTC Bob (the usual suspect) restarted the wrong host.\n',
      config: { rules: { 'blame-language': ['info', { words: ['usual suspect'] }] } },
      findings: [{ range: '2:21-2:34', message: '"usual suspect" is on this team\'s list of blaming words (rule option "words"). Describe the system\'s part instead, and name roles, not people.' }],
    },
  ],
});
