import type { ItemField } from '../types';

/** How fixes write fields at the end of an action item: a parenthesis of its own, or one more field in one it ends with. */
export function fieldGroup(field: ItemField): string {
  return ` (${field.key}: ${field.value})`;
}

export function nextField(field: ItemField): string {
  return `, ${field.key}: ${field.value}`;
}

/**
 * An insertion of fields (" (owner: @TBD)" or ", owner: @TBD" into a parenthesis the item ends with) with one more
 * field written into it: what the field's own fix writes at the same place once the insertion is in the text.
 */
export function withField(insertion: string, field: ItemField): string {
  return insertion.endsWith(')') ? `${insertion.slice(0, -1)}${nextField(field)})` : insertion + nextField(field);
}
