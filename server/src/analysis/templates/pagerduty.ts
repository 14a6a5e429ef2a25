import { ACTION_ITEM_PROMPT, SUMMARY_PROMPT, TIMELINE_ENTRY_PROMPT, lessonParts, section } from './catalog';
import type { Template } from './types';

/** PagerDuty's postmortem template (response.pagerduty.com, "Postmortem Template"). */
export const pagerduty: Template = {
  name: 'pagerduty',
  description: "PagerDuty's postmortem: Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline, How'd We Do, Action Items, Messaging.",
  sections: [
    section('summary', { title: 'Overview', required: true, prompt: SUMMARY_PROMPT }),
    section('what-happened', {
      title: 'What Happened',
      required: true,
      prompt: 'Tell the story in a short paragraph: what the symptoms were, what responders saw, and what they did.',
    }),
    section('contributing-factors', {
      title: 'Contributing Factors',
      required: true,
      prompt: 'Which conditions contributed to the incident? Include actions during the response that made it worse, so the team can learn from them, without naming who took them.',
    }),
    section('resolution', { title: 'Resolution', required: true, prompt: 'What solved the problem? If a temporary fix is in place, describe it and the long-term solution.' }),
    section('impact', {
      title: 'Impact',
      required: true,
      prompt: 'Be specific and use exact numbers: how many customers, requests or notifications were affected, and for how long.',
    }),
    section('responders', { title: 'Responders', required: true, prompt: 'Who was the incident commander? The scribe? Who else helped?' }),
    section('timeline', {
      title: 'Timeline',
      required: true,
      prompt: `When the problem began, when you were paged, when the status page was updated, each significant action, and when it ended, with a link to the log behind each time.\n\n${TIMELINE_ENTRY_PROMPT}`,
    }),
    section('lessons', {
      title: "How'd We Do?",
      required: true,
      prompt: 'Look back at the response itself, not only the fault.',
      children: lessonParts({ wentWell: 'What went well?', wentWrong: "What didn't go so well?" }),
    }),
    section('action-items', { title: 'Action Items', required: true, prompt: ACTION_ITEM_PROMPT }),
    section('messaging', {
      title: 'Messaging',
      required: false,
      prompt: 'Internal: a short paragraph for employees, with a link to this report. External: what the status page says, including a genuine apology.',
    }),
  ],
};
