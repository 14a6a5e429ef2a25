/** The text side of New Postmortem: the title put into the template's snippet, and the file name. No editor API here. */

const FRONT_MATTER = /^---\n[^]*?\n---\n/;

/** Text for a snippet body: `$`, `}` and `\` would start or end snippet syntax. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The report's title goes where the snippet asks for it: the tab stop on its `# ` heading, everywhere it appears
 * (front matter `title:` included, escaped for YAML's double quotes there). A heading without a tab stop is
 * replaced; a body without a heading gets one after its front matter.
 */
export function withTitle(body: string, title: string): string {
  const frontMatter = FRONT_MATTER.exec(body)?.[0] ?? '';
  const rest = body.slice(frontMatter.length);
  const heading = /^#[ \t].*$/m.exec(rest);
  if (!heading) return `${frontMatter}# ${snippetText(title)}\n\n${rest}`;
  const stop = /\$\{(\d+)[:}]|\$(\d+)/.exec(heading[0]);
  if (!stop) return `${frontMatter}${rest.replace(heading[0], () => `# ${snippetText(title)}`)}`;
  const n = stop[1] ?? stop[2];
  const tabStop = new RegExp(`\\$\\{${n}:[^}]*\\}|\\$\\{${n}\\}|\\$${n}(?!\\d)`, 'g');
  const yamlTitle = snippetText(title.replace(/["\\]/g, '\\$&'));
  return frontMatter.replace(tabStop, () => yamlTitle) + rest.replace(tabStop, () => snippetText(title));
}

/** "Checkout API outage" → "checkout-api-outage"; letters of any script are kept. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    // Accents off Latin letters ("café" → "cafe"); other scripts keep their marks (Japanese dakuten).
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'incident';
}

/** The local date as YYYY-MM-DD: the day the writer is living in. */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
