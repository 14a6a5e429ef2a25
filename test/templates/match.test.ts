import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sectionKinds } from '../../server/src/analysis/model/sections';
import { BUILT_IN_TEMPLATES } from '../../server/src/analysis/templates';
import { matchSection, normalizeHeading } from '../../server/src/analysis/templates/match';

const essential = BUILT_IN_TEMPLATES.get('essential')!;
const kinds = (title: string, template = essential) => sectionKinds(title, template).join(',');

test('headings as the corpus writes them', () => {
  const cases: Array<[string, string]> = [
    ['Issue Summary:', 'summary'],
    ['📝 Issue summary 📋', 'summary'],
    ['**Issue Summary**', 'summary'],
    ['Summary of outage', 'summary'],
    ['Section 2: Timeline', 'timeline'],
    ['3. Root Cause', 'root-cause'],
    ['IV. Resolution', 'resolution'],
    ['Timeline (all times UTC)', 'timeline'],
    ['Timeline(all times in UTC)', 'timeline'],
    ['Timeline (all times PST) 07/27/2023 - 07/31/2023. All times approximations', 'timeline'],
    ['Root Cause (5 whys)', 'root-cause'],
    ['Root Cause and Resolution', 'root-cause,resolution'],
    ['🔨⚰ Root cause and Resolution 🩹', 'root-cause,resolution'],
    ['Root cause and mitigation', 'root-cause,resolution'],
    ['Corrective/Preventative measures', 'action-items'],
    ['Corrective & Protective Actions', 'action-items'],
    ['Correct and Preventative Measures', 'action-items'],
    ['Medium-term Improvements', 'action-items'],
    ['How are we preventing it from happening again?', 'action-items'],
    ['Why did it happen?', 'root-cause'],
    ['Contributing Factors', 'root-cause'],
    ['Issue Summary: Duration: 2 hours (9:00 AM - 11:00 AM, UTC)', 'summary'],
    ['Root Cause: A database connection pool configuration error led to a spike.', 'root-cause'],
    // Named by key words and their stems, beyond the names in the catalogue.
    ['Preventive steps', 'action-items'],
    ['🛠️ Measures going forward', 'action-items'],
    ['What are we doing about it?', 'action-items'],
    ['⏰ Timeline of Events', 'timeline'],
    ['Chronological account', 'timeline'],
    ['Summation: The Moral of the Story', 'summary'],
    ['How we recovered', 'resolution'],
    ['Measures taken to arrest the issue', 'resolution'],
    ['Resolution and preventive methods', 'resolution,action-items'],
    ['Cause', 'root-cause'],
    // Not in the essential template: recognised from the other built-ins.
    ['IMPACT', 'impact'],
    ["How'd We Do?", 'lessons'],
    ["What Didn't Go Well", 'went-wrong'],
    ['Lessons Learned and Future Improvements', 'lessons,action-items'],
  ];
  for (const [title, expected] of cases) assert.equal(kinds(title), expected, title);
});

test('titles that name no section', () => {
  for (const title of ['Postmortem', 'Postmortem: Database Server Outage', 'Debugging Process: A Detective Story', '#1 priority', 'Improvements/Fixes', 'Q&A', '15:15', 'Incident Timing', 'Brief description', 'This was caused by two factors', 'The service was restored at noon', '']) {
    assert.equal(kinds(title), '', title);
  }
});

test('the active template names a section its own way', () => {
  const pagerduty = BUILT_IN_TEMPLATES.get('pagerduty')!;
  assert.deepEqual(matchSection('Root Cause', pagerduty), ['contributing-factors']);
  assert.deepEqual(matchSection('Overview', pagerduty), ['summary']);
  const atlassian = BUILT_IN_TEMPLATES.get('atlassian')!;
  assert.deepEqual(matchSection('Resolution', atlassian), ['resolution']);
  assert.equal(atlassian.sections.find((section) => section.id === 'resolution')!.title, 'Recovery');
});

test('normalisation', () => {
  assert.equal(normalizeHeading('  2.1) **Root-Cause** :fire: (draft):  '), 'root cause');
  assert.equal(normalizeHeading("What didn't go so well?"), 'what didnt go so well');
});
