import type { Template } from './types';

/** The default: the five sections every postmortem needs, whatever the team's format. */
export const essential: Template = {
  name: 'essential',
  description: 'Summary, Timeline, Root cause, Resolution, Action items: the five sections every postmortem needs.',
  sections: [
    {
      id: 'summary',
      title: 'Summary',
      synonyms: ['issue summary', 'incident summary', 'executive summary', 'overview', 'incident overview', 'tl dr', 'tldr', 'abstract', 'summary of the incident', 'summary of incident', 'brief summary'],
      required: true,
      prompt: '**Duration:** START to END (zone)\n**Impact:** Who or what was affected, and how many?\n**Root cause:** One sentence on why it happened.',
    },
    {
      id: 'timeline',
      title: 'Timeline',
      synonyms: ['incident timeline', 'timeline of events', 'event timeline', 'chronology', 'sequence of events', 'timeline of the incident', 'detailed timeline', 'time line'],
      required: true,
      prompt: '- **HH:MM UTC** What happened, and who noticed?',
    },
    {
      id: 'root-cause',
      title: 'Root Cause',
      synonyms: ['root causes', 'root cause analysis', 'rca', 'cause', 'causes', 'the root cause', 'root cause of the issue', 'technical root cause', 'cause of the outage', 'what caused it'],
      required: true,
      prompt: 'Why did it happen? Describe the conditions in the system, not the people.',
    },
    {
      id: 'resolution',
      title: 'Resolution',
      synonyms: ['resolution and recovery', 'recovery', 'mitigation', 'fix', 'the fix', 'how it was resolved', 'how we fixed it', 'resolution steps', 'remediation', 'solution'],
      required: true,
      prompt: 'What restored service, and when?',
    },
    {
      id: 'action-items',
      title: 'Action Items',
      synonyms: [
        'corrective and preventative measures', 'corrective and preventive measures', 'corrective measures', 'preventative measures',
        'preventive measures', 'corrective actions', 'preventive actions', 'follow ups', 'follow up', 'follow up tasks', 'follow up actions',
        'next steps', 'todos', 'to dos', 'todo', 'tasks', 'action plan', 'actions', 'improvements', 'remediation items',
        'preventing recurrence', 'prevention', 'future prevention',
      ],
      required: true,
      prompt: '- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)',
    },
  ],
};
