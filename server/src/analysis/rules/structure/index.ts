import type { Rule } from '../types';
import { headingSyntax } from './headingSyntax';
import { missingSection } from './missingSection';

/** Rules on the report's sections and their content. */
export const structureRules: Rule[] = [missingSection, headingSyntax];
