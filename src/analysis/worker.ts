/**
 * A thread of the analysis pool: analyses one file with the rules its repository's
 * configuration selects (`ruleSetFor` keeps the compiled sets per configuration), or reviews a
 * change whose files it has analysed (reading the diffs, planning, rendering), so none of that
 * runs on the thread that answers webhooks.
 */
import { setPriority } from 'node:os';
import type { Config } from '../core/config.js';
import { DeadlineExceeded, withDeadline } from '../core/deadline.js';
import { analyzeFile, type FileAnalysis } from '../core/engine.js';
import { analysisOptions, reviewChange, type ChangeInput, type ChangeReview, type PriorComment, type ReviewContext } from '../core/review.js';
import { ruleSetFor } from '../core/review-rules.js';
import { RULES } from '../rules/index.js';

export interface AnalysisTask {
  path: string;
  source: string;
  goVersion?: string;
  config: Config;
  /** How long the file may take from the moment this thread takes it (ms; absent or 0: no deadline). */
  deadlineMs?: number;
  /** Told when this thread takes the file: the pool's last-resort clock starts then. */
  started?: { postMessage(value: unknown): void };
  /** The thread's nice value (on Linux a thread's own): above 0, the thread answering webhooks wins the CPU. */
  niceness?: number;
}

let niceness = 0;

function takeNiceness(wanted: number | undefined): void {
  if (wanted === undefined || wanted === niceness) return;
  try {
    setPriority(wanted);
  } catch {
    // Not allowed here (lowering a nice value needs privileges): the thread runs as it is.
  }
  niceness = wanted;
}

/** The file's analysis, or word that it passed its deadline. */
export type AnalysisResult = FileAnalysis | { passedDeadline: true };

export default function analyse(task: AnalysisTask): AnalysisResult {
  takeNiceness(task.niceness);
  task.started?.postMessage('started');
  try {
    return withDeadline(task.deadlineMs, () =>
      analyzeFile({ path: task.path, source: task.source }, ruleSetFor(task.config, RULES), analysisOptions(task.config, RULES, task)),
    );
  } catch (error) {
    if (error instanceof DeadlineExceeded) return { passedDeadline: true };
    throw error;
  }
}

export interface ReviewTask<C extends PriorComment = PriorComment> {
  change: ChangeInput<C>;
  /** The review's context without the rules: the thread has the registry. */
  context: Omit<ReviewContext, 'rules'>;
  niceness?: number;
}

export function review<C extends PriorComment>(task: ReviewTask<C>): Promise<ChangeReview<C>> {
  takeNiceness(task.niceness);
  return reviewChange(task.change, { ...task.context, rules: RULES });
}
