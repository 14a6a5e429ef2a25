import { metricMismatch } from '../../server/src/analysis/rules/timeline/metricMismatch';
import { ruleTester } from '../helpers/ruleTester';

const report = (stats: string, summary = 'Duration: 2024-03-02 10:00 UTC to 2024-03-02 11:23 UTC') =>
  `# Outage\n\n## Summary\n\n${summary}\n\n## Timeline\n\n- 2024-03-02 10:08 UTC alert fired\n- 10:12 UTC on-call acknowledged\n- 10:48 UTC rolled back\n- 11:23 UTC service restored\n\n## Stats\n\n${stats}\n`;

ruleTester(metricMismatch, {
  valid: [
    { name: 'figures the timeline gives', text: report('- Time to detection: 8 minutes\n- TTA: 4 min\n- Time to mitigate: 48 minutes\n- **Time to recovery:** 1 hour 23 minutes') },
    { name: 'approximately', text: report('- Time to resolve: about 1.5 hours') },
    { name: 'not stated', text: report('- Time to detection: N/A') },
    { name: "a start borrowed from the detection measures nothing", text: report('- Time to detection: 2 minutes', 'Impact: checkout failed.') },
  ],
  invalid: [
    {
      name: 'a time to detect the timeline does not give: the fix writes its figure',
      text: report('- Time to detection: 2 minutes\n- Time to recovery: 13 minutes'),
      findings: [
        {
          range: '15:21-15:30',
          message: '"time to detection" says 2 minutes, but the timeline gives 8 minutes (started at the summary\'s start, detected at "2024-03-02 10:08 UTC"). Correct the figure, or mark the key moments on the timeline ({detected}).',
        },
        {
          range: '16:20-16:30',
          message: '"time to recovery" says 13 minutes, but the timeline gives 83 minutes (started at the summary\'s start, resolved at "11:23 UTC"). Correct the figure, or mark the key moments on the timeline ({resolved}).',
        },
      ],
      output: report('- Time to detection: 8 minutes\n- Time to recovery: 83 minutes'),
    },
    {
      name: 'time to acknowledge counts from detection',
      text: report('- MTTA: 30m'),
      findings: [
        {
          range: '15:8-15:11',
          message: '"mtta" says 30m, but the timeline gives 4 minutes (detected at "2024-03-02 10:08 UTC", acknowledged at "10:12 UTC"). Correct the figure, or mark the key moments on the timeline ({acknowledged}).',
        },
      ],
      output: report('- MTTA: 4 minutes'),
    },
  ],
});
