/**
 * A thread of the analysis pool: analyses one file with the rules its repository's
 * configuration selects (`ruleSetFor` keeps the compiled sets per configuration).
 */
import type { Config } from '../core/config.js';
import { analyzeFile, type FileAnalysis } from '../core/engine.js';
import { analysisOptions } from '../core/review.js';
import { ruleSetFor } from '../core/review-rules.js';
import { RULES } from '../rules/index.js';

export interface AnalysisTask {
  path: string;
  source: string;
  goVersion?: string;
  config: Config;
  /** Told when this thread takes the file: the pool's deadline starts then. */
  started?: { postMessage(value: unknown): void };
}

export default function analyse(task: AnalysisTask): FileAnalysis {
  task.started?.postMessage('started');
  return analyzeFile({ path: task.path, source: task.source }, ruleSetFor(task.config, RULES), analysisOptions(task.config, RULES, task));
}
