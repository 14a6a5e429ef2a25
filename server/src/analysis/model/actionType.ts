/**
 * Action item types, after the Google SRE workbook's postmortem action items: does the item mitigate
 * the incident, prevent it from recurring, detect it sooner, repair the damage, or change how the team
 * works (process)? Inferred from the words of the item when it does not say.
 */
import type { ActionType } from './types';
import { PhraseSet, tokenize } from './words';

export const ACTION_TYPES: readonly ActionType[] = ['mitigate', 'prevent', 'detect', 'repair', 'process'];

/** What each type's items usually talk about; the earliest cue in the item wins ("Add an alert ... and a runbook" detects). */
const CUES: Record<ActionType, PhraseSet> = {
  detect: new PhraseSet([
    'alert', 'alerts', 'alerting', 'alarm', 'alarms', 'monitor', 'monitors', 'monitoring', 'dashboard', 'dashboards', 'metric', 'metrics',
    'observability', 'logging', 'logs', 'detect', 'detection', 'detects', 'paging', 'page on-call', 'health check', 'health checks', 'probe',
    'probes', 'tracing', 'visibility', 'notify', 'notification', 'notifications', 'watchdog', 'uptime', 'slo', 'slos', 'anomaly',
  ]),
  prevent: new PhraseSet([
    'test', 'tests', 'testing', 'validation', 'validate', 'validates', 'limit', 'limits', 'guard', 'guards', 'lint', 'linter', 'canary',
    'staging', 'quota', 'quotas', 'timeout', 'timeouts', 'rate limit', 'rate limiting', 'prevent', 'restrict', 'enforce', 'autoscaling',
    'auto-scaling', 'capacity', 'pool size', 'load test', 'load testing', 'pre-commit', 'ci', 'precheck', 'pre-deploy', 'sanitize', 'permissions',
    'access control', 'code review', 'code reviews', 'peer review', 'redundancy', 'chaos',
  ]),
  mitigate: new PhraseSet([
    'mitigate', 'mitigation', 'workaround', 'fallback', 'failover', 'degrade', 'graceful', 'gracefully', 'kill switch', 'feature flag',
    'circuit breaker', 'circuit breakers', 'throttle', 'load shedding', 'shed', 'drain', 'backoff', 'retry', 'retries', 'isolate', 'isolation',
  ]),
  repair: new PhraseSet([
    'fix', 'fixes', 'patch', 'patches', 'rollback', 'roll back', 'revert', 'restore', 'repair', 'restart', 'bug', 'leak', 'leaks', 'replace',
    'reindex', 're-index', 'backfill', 'clean up', 'cleanup', 'upgrade', 'correct',
  ]),
  process: new PhraseSet([
    'runbook', 'runbooks', 'playbook', 'playbooks', 'training', 'train', 'document', 'documentation', 'docs', 'wiki', 'process', 'processes',
    'procedure', 'procedures', 'review', 'reviews', 'audit', 'audits', 'postmortem', 'on-call', 'escalation', 'communication', 'communicate',
    'guidelines', 'policy', 'policies', 'checklist', 'drill', 'drills', 'meeting', 'discuss', 'plan', 'planning', 'retrospective', 'workshop',
    'knowledge', 'ownership', 'responsibilities', 'incident response',
  ]),
};

/** Every cue's first word: most words of an item start none, and are passed over with one look-up instead of one per type. */
const CUE_STARTS = new Set(Object.values(CUES).flatMap((cues) => cues.firstWords()));

/** Values written in a Type/Category field or column. */
const EXPLICIT: Record<string, ActionType> = {
  mitigate: 'mitigate', mitigation: 'mitigate', mitigating: 'mitigate',
  prevent: 'prevent', prevention: 'prevent', preventive: 'prevent', preventative: 'prevent',
  detect: 'detect', detection: 'detect', detective: 'detect', monitoring: 'detect',
  repair: 'repair', fix: 'repair', corrective: 'repair', correction: 'repair',
  process: 'process', procedural: 'process',
};

/** The type named by a Type field or column ("Prevention", "detect"). */
export function explicitType(value: string): ActionType | undefined {
  return EXPLICIT[tokenize(value)[0]?.word ?? ''];
}

/** The type an item's words suggest, or undefined when they suggest none. */
export function inferType(text: string): ActionType | undefined {
  const tokens = tokenize(text);
  for (let index = 0; index < tokens.length; index++) {
    if (!CUE_STARTS.has(tokens[index].word)) continue;
    for (const type of ACTION_TYPES) if (CUES[type].matchAt(tokens, index)) return type;
  }
  return undefined;
}
