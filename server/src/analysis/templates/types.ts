/** A section a template expects. `id` is the canonical kind shared across templates (e.g. `root-cause`). */
export interface TemplateSection {
  id: string;
  title: string;
  /** Other ways people title the same section; matched after normalisation (case, punctuation, numbering). */
  synonyms: string[];
  required: boolean;
  /** Guidance inserted under the heading by the `missing-section` fix. */
  prompt: string;
  /** Sub-sections (e.g. Lessons Learned: What went well / What went wrong / Where we got lucky). */
  children?: TemplateSection[];
}

export interface Template {
  name: string;
  description: string;
  sections: TemplateSection[];
}
