import type { Rule } from '../types';

/** Rules on the timeline's times, zones and order. */
export const timelineRules: Rule[] = [];
