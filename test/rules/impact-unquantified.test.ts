import { impactUnquantified } from '../../server/src/analysis/rules/structure/impactUnquantified';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(impactUnquantified, {
  valid: [
    {
      name: 'a share nested under the impact field (seed 001)',
      text: '## Summary\n\n- **Impact**:\n  - **Service(s) Affected**: Web application\n  - **Percentage of Users Affected**: Approximately 30%.\n- **Root Cause**: pool\n',
    },
    { name: 'counts, durations, money, "all" and "none"', text: '## Impact\nAbout 1,200 orders failed over 45 minutes.\n\n## Customer impact\nAll users were affected.\n\n## Partner impact\nNo customer impact.\n\n## Cost\nWe refunded $4,000.\n' },
    { name: 'an empty impact section is empty-section\'s business', text: '## Impact\n\n## Timeline\n- a\n' },
  ],
  invalid: [
    {
      name: 'an impact field and an impact section without a number; a status code is not a count',
      text: '## Summary\n\n- **Impact:** Users could not log in and saw HTTP 500 errors.\n- **Root cause:** A leak.\n\n## Impact\n\nCustomers in Europe were affected.\n',
      findings: [
        { range: '2:0-2:61', message: 'The "Impact" field says who or what was affected ("Users could not log in and saw HTTP 500 errors.") but not how much. Add a number: how many users, requests or orders (or what share), for how long, or what it cost.' },
        { range: '5:0-5:9', message: 'The section "Impact" says who or what was affected ("Customers in Europe were affected.") but not how much. Add a number: how many users, requests or orders (or what share), for how long, or what it cost.' },
      ],
    },
  ],
});
