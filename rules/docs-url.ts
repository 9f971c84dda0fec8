import { PACKAGE_VERSION } from '../knowledge/package-info.js';

// Rule pages ship inside the package, so the link is pinned to the installed version.
export function docsUrl(rule: string): string {
  return `https://unpkg.com/pick-transport@${PACKAGE_VERSION}/docs/rules/${rule}.md`;
}
