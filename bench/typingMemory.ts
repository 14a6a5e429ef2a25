/**
 * `npm run bench:typing`: only the sustained-typing memory scenario (10,000 keystrokes into the open corpus), which
 * takes minutes; `npm run bench` runs it too. Prints resident memory after 1,000 and 10,000 keystrokes.
 */
import { oursUnderSustainedTyping } from './memoryAndStartup';

async function main(): Promise<void> {
  const checkpoints = process.argv.includes('--quick') ? [100, 1_000] : [1_000, 10_000];
  const results = await oursUnderSustainedTyping(checkpoints);
  for (const { keystrokes, settledMb } of results) console.log(`${keystrokes} keystrokes: ${settledMb.toFixed(0)} MB resident, 12 s after the last`);
  const [first, last] = results;
  console.log(`growth ${first.keystrokes} -> ${last.keystrokes}: ${(((last.settledMb - first.settledMb) / first.settledMb) * 100).toFixed(1)}%`);
}

void main();
