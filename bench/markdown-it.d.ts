// markdown-it ships no types; the benchmark only tokenizes with it, as VS Code's Markdown extension does for its server.
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean });
    parse(src: string, env: object): unknown[];
  }
}
