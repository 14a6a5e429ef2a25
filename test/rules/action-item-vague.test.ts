import { actionItemVague } from '../../server/src/analysis/rules/actions/actionItemVague';
import { ruleTester } from '../helpers/ruleTester';

const section = (items: string) => `# Postmortem\n\n## Action Items\n\n${items}`;

ruleTester(actionItemVague, {
  valid: [
    { name: 'a number makes a vague verb measurable', text: section('- Improve alerting for checkout when p99 latency > 2s\n- Increase the database connection pool size to 200 permanently\n') },
    { name: 'a named artifact with a specific object', text: section('- Enhance the alert for connection pool usage on the orders database\n') },
    { name: 'a concrete verb and object', text: section('- Add a runbook for pool exhaustion\n- Patch the bug in the recent code deployment\n') },
    { name: 'a cadence makes "regular" concrete', text: section('- Audit database configurations regularly, every quarter\n') },
    { name: 'done items are not judged', text: section('- [x] Improve monitoring\n') },
    { name: 'the word lists can be replaced: "review" is no longer vague', text: section('- Review runbooks\n'), config: { rules: { 'action-item-vague': ['warning', { vagueVerbs: ['enhance'] }] } } },
    { name: 'a purpose that names what will be true', text: section('- Improve monitoring to detect missing critical packages.\n- Ensure that package removals are logged before each update.\n') },
    { name: 'a purpose after an aim: "to ensure that" a named thing holds', text: section('- Improve the data migration to ensure that search indexes are updated.\n') },
    { name: 'a relative clause is not a purpose, but a concrete verb needs none', text: section('- Add a check that blocks deploys without a ticket\n') },
    { name: 'a subject and its modal before a concrete action', text: section('- The SRE team will add an alert when pool usage > 80%\n') },
    { name: 'the manner words can be replaced', text: section('- Code should be reviewed more carefully\n'), config: { rules: { 'action-item-vague': ['warning', { mannerWords: ['slowly'] }] } } },
    {
      name: 'user words are matched as words, never run as patterns',
      text: section('- Add a check for pool usage.*\n'),
      config: { rules: { 'action-item-vague': ['warning', { vagueVerbs: ['.*', '(add|fix)+', '^\\w'], hedges: ['[a-z]+', '(', ''] }] } },
    },
  ],
  invalid: [
    {
      name: 'a vague lead verb with no measurable outcome',
      text: section('- Enhance monitoring\n'),
      findings: [{ range: '4:0-4:20', message: '"Enhance monitoring" cannot be checked off: "enhance" names no measurable outcome. Say what will exist when it is done, e.g. "Add an alert when pool usage > 80% for 5 min".' }],
    },
    {
      name: 'hedges, grouped by what they do',
      text: section('- Try to reduce toil as needed\n- Review runbooks regularly\n'),
      findings: [
        { range: '4:0-4:30', message: '"Try to reduce toil as needed" cannot be checked off: "try to" and "as needed" make it optional. Say what will exist when it is done, e.g. "Add an alert when pool usage > 80% for 5 min".' },
        { range: '5:0-5:27', message: '"Review runbooks regularly" cannot be checked off: "review" names no measurable outcome and "regularly" sets no cadence. Say what will exist when it is done, e.g. "Write a runbook for pool exhaustion and link it from the alert".' },
      ],
    },
    {
      name: 'no object, a topic, an abstract object',
      text: section('- Investigate\n- Documentation\n- Update the connection pool management policy to prevent exhaustion.\n'),
      findings: [
        { range: '4:0-4:13', message: '"Investigate" cannot be checked off: "investigate" has no object. Say what will exist when it is done, e.g. "Add an alert when pool usage > 80% for 5 min".' },
        { range: '5:0-5:15', message: '"Documentation" cannot be checked off: it names a topic, not an action. Say what will exist when it is done, e.g. "Write a runbook for pool exhaustion and link it from the alert".' },
        { range: '6:0-6:69', message: '"Update the connection pool management policy to prevent…" cannot be checked off: "update … policy" does not say what will change. Say what will exist when it is done, e.g. "Write a runbook for pool exhaustion and link it from the alert".' },
      ],
    },
    {
      name: '"Title: body" reads the body when it acts; "Task 1:" is skipped',
      text: section('- **Monitoring**: Enhance dashboards\n- Task 2: Maybe add a canary\n'),
      findings: [
        { range: '4:0-4:36', message: /^"Enhance dashboards" cannot be checked off: "enhance" names no measurable outcome\./ },
        { range: '5:0-5:28', message: /^"Maybe add a canary" cannot be checked off: "maybe" makes it optional\./ },
      ],
    },
    {
      name: 'a purpose only graded, or only aimed at, says nothing checkable',
      text: section('- Enhance monitoring systems to detect degradation more accurately\n- Conduct regular audits of configurations to ensure alignment with best practices\n'),
      findings: [
        { range: '4:0-4:66', message: '"Enhance monitoring systems to detect degradation more accurately" cannot be checked off: "enhance" names no measurable outcome. Say what will exist when it is done, e.g. "Add an alert when pool usage > 80% for 5 min".' },
        { range: '5:0-5:82', message: /^"Conduct regular audits of configurations to ensure alignment…" cannot be checked off: "regular" sets no cadence\./ },
      ],
    },
    {
      name: 'a manner with no object to check, and a wish for more',
      text: section('- Code should be reviewed more carefully\n- More automated alarms for when issues arise.\n'),
      findings: [
        { range: '4:0-4:40', message: /^"Code should be reviewed more carefully" cannot be checked off: "more carefully" says how, not what will change\./ },
        { range: '5:0-5:46', message: /^"More automated alarms for when issues arise" cannot be checked off: "more" asks for more, not for a change\./ },
      ],
    },
    {
      name: 'items written as lines that run together, and sentences of a section written as prose',
      text: '# Postmortem\n\n## Action Items\n\n-Enhance monitoring\n-Add a runbook for pool exhaustion\n\n# Other\n\n## Next Steps\n\nWe will enhance our processes. We will add a runbook for pool exhaustion.\n',
      findings: [
        { range: '4:0-4:19', message: /^"Enhance monitoring" cannot be checked off: "enhance" names no measurable outcome\./ },
        { range: '11:0-11:30', message: /^"We will enhance our processes" cannot be checked off: "enhance" names no measurable outcome\./ },
      ],
    },
    {
      name: 'what to find out is not a purpose; a subject and its modal are read past',
      text: section('- Figure out how to monitor the critical CVEs\n- The platform team is going to rebuild the deployment process to allow a more mature release cycle\n'),
      findings: [
        { range: '4:0-4:45', message: /^"Figure out how to monitor the critical CVEs" cannot be checked off: "figure out" names no measurable outcome\./ },
        { range: '5:0-5:99', message: /^"The platform team is going to rebuild the…" cannot be checked off: "rebuild … process" does not say what will change\./ },
      ],
    },
    {
      name: 'a user word list adds words',
      text: section('- Harden the API gateway\n'),
      config: { rules: { 'action-item-vague': ['warning', { vagueVerbs: ['harden'] }] } },
      findings: [{ range: '4:0-4:24', message: /^"Harden the API gateway" cannot be checked off: "harden" names no measurable outcome\./ }],
    },
  ],
});
