/**
 * The section headings of "Go 1.24+ Ultra-Performance Standards", verbatim: rules cite them,
 * comments quote them. The document itself lives with the organisation, not in this project.
 */
export const STANDARD_TITLE = 'Go 1.24+ Ultra-Performance Standards';

export const SECTIONS = [
  'Go 1.24 Core Features (Mandatory)',
  'Atomic Operations (Mandatory)',
  'Go 1.24 Iterators with Yield',
  'Zero-Allocation Patterns (Enforced)',
  'Structured Concurrency Patterns (Anti-Fire-and-Forget)',
  'Channel Safety (Proactive Bug Prevention)',
  'The Three Optimization Questions (go-perfbook Core Framework)',
  'Big-O Awareness and Algorithm Selection (go-perfbook)',
  'Production-Scale Optimization Patterns (2M+ Users)',
] as const;

export type Section = (typeof SECTIONS)[number];

/** GitHub's anchor for a markdown heading: lower-case, punctuation dropped, spaces to dashes. */
export function sectionAnchor(section: string): string {
  return section
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
