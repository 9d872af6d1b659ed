/** What a process remembers between reviews: configuration and go.mod lookups. */
import { createConfigCache, createOrgConfigCache, type OrgConfigCache } from './config-loader.js';
import { createModuleCaches, type ModuleCaches } from './go-modules.js';

export interface ReviewCaches {
  config: ReturnType<typeof createConfigCache>;
  /** The organisation's defaults by owner, warmed on install. */
  orgConfig: OrgConfigCache;
  modules: ModuleCaches;
}

export function createReviewCaches(): ReviewCaches {
  return { config: createConfigCache(), orgConfig: createOrgConfigCache(), modules: createModuleCaches() };
}
