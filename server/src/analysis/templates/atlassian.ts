import { ACTION_ITEM_PROMPT, SUMMARY_PROMPT, TIMELINE_ENTRY_PROMPT, section } from './catalog';
import type { Template } from './types';

/** The postmortem template of Atlassian's Incident Handbook. */
export const atlassian: Template = {
  name: 'atlassian',
  description: "Atlassian's incident handbook postmortem: Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Five whys, Root cause, Backlog check, Related incidents, Lessons learned, Follow-up tasks.",
  sections: [
    section('summary', { title: 'Incident summary', required: true, prompt: SUMMARY_PROMPT }),
    section('leadup', {
      title: 'Leadup',
      required: true,
      prompt: 'What circumstances led to the incident? For example, an earlier change that introduced a latent bug, and when it was made.',
    }),
    section('fault', { title: 'Fault', required: true, prompt: 'What did not work as expected? Link the graphs or data that show the fault.' }),
    section('impact', {
      title: 'Impact',
      required: true,
      prompt: 'How were internal and external users affected, how many, and for how long? Include the number of support cases raised.',
    }),
    section('detection', {
      title: 'Detection',
      required: true,
      prompt: 'How and when was the incident detected? As a thought exercise, what would have halved the time to detection?',
    }),
    section('response', { title: 'Response', required: true, prompt: 'Who responded, when and how? Were there delays or barriers to the response?' }),
    section('resolution', {
      title: 'Recovery',
      required: true,
      prompt: 'How and when was service restored? How did you get to the point of knowing how to mitigate it, and what would have halved that time?',
    }),
    section('timeline', {
      title: 'Timeline',
      required: true,
      prompt: `In order, with the zone of every time: the lead-up, the start of impact, detection, escalations, decisions and changes, and the end of impact.\n\n${TIMELINE_ENTRY_PROMPT}`,
    }),
    section('five-whys', {
      title: 'Five whys',
      required: true,
      prompt: '1. Why were users affected? Because ...\n2. Why did that happen? Because ...\n3. Keep asking why until you reach a cause the team can change.',
    }),
    section('root-cause', { title: 'Root cause', required: true, prompt: 'The final cause: what has to change so that this class of incident cannot happen again?' }),
    section('backlog-check', {
      title: 'Backlog check',
      required: false,
      prompt: 'Was anything on the backlog that would have prevented this or reduced its impact? If so, why was it not done?',
    }),
    section('related-incidents', {
      title: 'Related incidents',
      required: false,
      prompt: 'Have other incidents had the same cause? What was tried then, and why did it happen again?',
    }),
    section('lessons', { title: 'Lessons learned', required: true, prompt: 'What went well in the response, what could have gone better, and where can the team improve?' }),
    section('action-items', { title: 'Follow-up tasks', required: true, prompt: ACTION_ITEM_PROMPT }),
  ],
};
