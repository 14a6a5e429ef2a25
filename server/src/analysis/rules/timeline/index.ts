import type { Rule } from '../types';
import { durationMismatch } from './durationMismatch';
import { keyMomentMissing } from './keyMomentMissing';
import { metricMismatch } from './metricMismatch';
import { timelineClockAmbiguous } from './timelineClockAmbiguous';
import { timelineDateMissing } from './timelineDateMissing';
import { timelineMissingTime } from './timelineMissingTime';
import { timelineOutOfOrder } from './timelineOutOfOrder';
import { timelineTimezoneAmbiguous } from './timelineTimezoneAmbiguous';
import { timelineTimezoneMissing } from './timelineTimezoneMissing';
import { timelineTimezoneMixed } from './timelineTimezoneMixed';

/** Rules on the timeline's times, zones and order. */
export const timelineRules: Rule[] = [
  timelineMissingTime,
  timelineTimezoneMissing,
  timelineTimezoneAmbiguous,
  timelineTimezoneMixed,
  timelineOutOfOrder,
  timelineDateMissing,
  timelineClockAmbiguous,
  durationMismatch,
  keyMomentMissing,
  metricMismatch,
];
