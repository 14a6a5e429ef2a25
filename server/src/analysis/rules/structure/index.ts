import type { Rule } from '../types';
import { blameLanguage } from './blameLanguage';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { headingSyntax } from './headingSyntax';
import { impactUnquantified } from './impactUnquantified';
import { listSyntax } from './listSyntax';
import { missingSection } from './missingSection';
import { placeholderText } from './placeholderText';
import { sectionOrder } from './sectionOrder';
import { summaryIncomplete } from './summaryIncomplete';

/** Rules on the report's sections and their content. */
export const structureRules: Rule[] = [
  missingSection,
  headingSyntax,
  listSyntax,
  emptySection,
  duplicateSection,
  sectionOrder,
  placeholderText,
  summaryIncomplete,
  impactUnquantified,
  blameLanguage,
];
