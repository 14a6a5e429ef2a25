// esbuild inlines the JSON at build time (only the `version` field, thanks to the named import).
import { version } from '../../../package.json';

export const VERSION: string = version;
