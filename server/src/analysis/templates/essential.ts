import { ACTION_ITEM_PROMPT, SUMMARY_PROMPT, TIMELINE_ENTRY_PROMPT, section } from './catalog';
import type { Template } from './types';

/** The default: the five sections every postmortem needs, whatever the team's format. */
export const essential: Template = {
  name: 'essential',
  description: 'Summary, Timeline, Root cause, Resolution, Action items: the five sections every postmortem needs.',
  sections: [
    section('summary', { title: 'Summary', required: true, prompt: SUMMARY_PROMPT }),
    section('timeline', { title: 'Timeline', required: true, prompt: TIMELINE_ENTRY_PROMPT }),
    section('root-cause', { title: 'Root Cause', required: true, prompt: 'Why did it happen? Describe the conditions in the system, not the people.' }),
    section('resolution', { title: 'Resolution', required: true, prompt: 'What restored service, and when?' }),
    section('action-items', { title: 'Action Items', required: true, prompt: ACTION_ITEM_PROMPT }),
  ],
};
