/**
 * How the workspace index reads a report: the model without rules (it keeps facts, not findings), reduced to the
 * report's facts. Shared by the server's own thread and the workers that read a whole workspace.
 */
import { analyze, type AnalysisResult, type AnalyzeInput } from '../analyze';
import { reportFacts, type ReportFacts } from './followUps';

/** A file that is not open: detection and the model, no rules. */
export function analyzeClosed(input: AnalyzeInput): AnalysisResult {
  return analyze({ ...input, rules: [] });
}

/** What the index keeps of an analysis: the report's facts, or nothing when the file is not a postmortem. */
export function indexedFacts(result: AnalysisResult, fallbackTitle: string): ReportFacts | undefined {
  return result.isPostmortem && result.document ? reportFacts(result.document, fallbackTitle) : undefined;
}

/** A closed file's entry in the index. */
export function indexedReport(input: AnalyzeInput, fallbackTitle: string): ReportFacts | undefined {
  return indexedFacts(analyzeClosed(input), fallbackTitle);
}
