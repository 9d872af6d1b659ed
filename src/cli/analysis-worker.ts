/** A worker of the analysis pool: analyses one file with the run's rules and configuration. */
import { workerData } from 'node:worker_threads';
import type { Config } from '../core/config.js';
import { analyzeFile, type FileAnalysis } from '../core/engine.js';
import { analysisOptions } from '../core/review.js';
import { ruleSetFor } from '../core/review-rules.js';
import { RULES } from '../rules/index.js';

const config = (workerData as { config: Config }).config;
const ruleSet = ruleSetFor(config, RULES);

export interface AnalysisTask {
  path: string;
  source: string;
  goVersion?: string;
}

export default function analyse(task: AnalysisTask): FileAnalysis {
  return analyzeFile({ path: task.path, source: task.source }, ruleSet, analysisOptions(config, RULES, task));
}
