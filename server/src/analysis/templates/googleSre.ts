import { ACTION_ITEM_PROMPT, SUMMARY_PROMPT, TIMELINE_ENTRY_PROMPT, lessonParts, section } from './catalog';
import type { Template } from './types';

/**
 * The example postmortem of Google's "Site Reliability Engineering" book (chapter 15, appendix D):
 * the Shakespeare Sonnet++ report. Its order puts the analysis first and the timeline near the end.
 */
export const googleSre: Template = {
  name: 'google-sre',
  description: 'The Google SRE book postmortem: Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Timeline, Supporting information.',
  sections: [
    section('summary', { title: 'Summary', required: true, prompt: SUMMARY_PROMPT }),
    section('impact', {
      title: 'Impact',
      required: true,
      prompt: 'Who was affected, and how badly? Give numbers: users or queries affected, error rate, revenue or error budget lost, and for how long.',
    }),
    section('root-cause', {
      title: 'Root Causes',
      required: true,
      prompt: 'Why did it happen? Describe the latent conditions in the system (bugs, gaps, load, pressures) that let the trigger turn into an outage, not the people involved.',
    }),
    section('trigger', { title: 'Trigger', required: true, prompt: 'What set it off? The change, load or event that activated the latent problem, and when.' }),
    section('resolution', { title: 'Resolution', required: true, prompt: 'What did responders do to mitigate it, then to fix it, and when was service fully restored?' }),
    section('detection', {
      title: 'Detection',
      required: true,
      prompt: 'How did you find out (an alert, a customer, a colleague), and how long after the impact began? What would have caught it sooner?',
    }),
    section('action-items', { title: 'Action Items', required: true, prompt: ACTION_ITEM_PROMPT }),
    section('lessons', {
      title: 'Lessons Learned',
      required: true,
      prompt: 'What should the next on-call engineer remember from this incident?',
      children: lessonParts({ wentWell: 'What went well', wentWrong: 'What went wrong', gotLucky: 'Where we got lucky' }),
    }),
    section('timeline', {
      title: 'Timeline',
      required: true,
      prompt: `From the first sign of trouble to the all-clear, with the zone of every time.\n\n${TIMELINE_ENTRY_PROMPT}`,
    }),
    section('supporting-information', {
      title: 'Supporting information',
      required: false,
      prompt: 'Links to the dashboards, graphs, logs, tickets and chat transcripts behind the timeline.',
    }),
  ],
};
