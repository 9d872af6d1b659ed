/** Posting the planned review to GitHub. */
import type { ReviewPlan } from '../core/review-plan.js';
import type { GitHub, PullTarget } from './types.js';

/** One review per run, pinned to the head commit it was computed for. */
export async function publishReview(octokit: GitHub, target: PullTarget, plan: ReviewPlan): Promise<number> {
  const { data } = await octokit.rest.pulls.createReview({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pull_number,
    commit_id: target.headSha,
    event: 'COMMENT',
    body: plan.summary,
    comments: plan.comments.map((c) => c.comment),
  });
  return data.id;
}
