import { sectionsOfKind } from '../../model/walk';
import { promptKey, promptLines } from '../../templates/lookup';
import type { Range } from '../../types';
import { docsUrl, type Rule } from '../types';
import { IMPACT_FIELD, proseBetween, summaryFields } from './summaryText';

/** Numbers that are not amounts: HTTP status codes ("500 errors", "HTTP 503") and versions ("PHP 7.4", "v2.1.0"). */
const NOT_AMOUNTS = [
  /\b(?:http|status|code|returned|returning|returns?)\s*[1-5]\d\d\b/gi,
  /\b[1-5]\d\d\s*(?:errors?|status|responses?|internal|bad gateway|gateway|service unavailable|not found|forbidden|codes?)\b/gi,
  /\bv?\d+(?:\.\d+){2,}\b/gi,
  /\b(?:php|python|node|java|ubuntu|ipv|http|tls|ssl)\s*\d+(?:\.\d+)?\b/gi,
];
/** Words that are amounts: "all users", "no customers", "a complete outage", "thousands of requests". */
const AMOUNT_WORDS = /\b(?:all|every|everyone|entire|whole|none|nobody|no one|zero|no (?:users?|customers?|data|impact)|complete(?:ly)?|total(?:ly)?|fully|half|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion)s?|dozens?)\b/i;

/** Whether the impact gives a size: a percentage, a count, money, a duration, or a word such as "all". */
export function isQuantified(text: string): boolean {
  let rest = text;
  for (const pattern of NOT_AMOUNTS) rest = rest.replace(pattern, ' ');
  return /\d/.test(rest) || AMOUNT_WORDS.test(rest);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 50 ? `${flat.slice(0, 47)}...` : flat;
}

export const impactUnquantified: Rule = {
  meta: {
    id: 'impact-unquantified',
    description: 'The impact says who or what was affected but gives no number: no percentage, count, money or duration.',
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl('impact-unquantified'),
  },
  check({ document, config, report }) {
    const prompts = promptLines(config.template);
    const statements: Array<{ text: string; range: Range; where: string }> = [];
    for (const section of sectionsOfKind(document.sections, 'impact')) {
      statements.push({ text: proseBetween(document, section.headingEndOffset, section.endOffset), range: section.headingRange, where: `section "${section.title}"` });
    }
    const impactFields = summaryFields(document).filter((field) => IMPACT_FIELD.test(field.fact.name));
    for (const field of impactFields) {
      // "- **Percentage of Users Affected**:" under "- **Impact**:" is read as part of the impact.
      if (impactFields.some((outer) => outer !== field && outer.start < field.start && field.start < outer.end)) continue;
      const name = field.fact.name.replace(/^the\s+/, '');
      statements.push({ text: field.text, range: field.fact.range, where: `"${name[0].toUpperCase()}${name.slice(1)}" field` });
    }
    for (const { text, range, where } of statements) {
      // Nothing written, or only the template's prompt: empty-section and placeholder-text speak to that.
      if (!/\p{L}/u.test(text) || text.split('\n').every((line) => !line.trim() || prompts.has(promptKey(line)))) continue;
      if (isQuantified(text)) continue;
      report({
        range,
        message: `The ${where} says who or what was affected ("${excerpt(text)}") but not how much. Add a number: how many users, requests or orders (or what share), for how long, or what it cost.`,
      });
    }
  },
};
