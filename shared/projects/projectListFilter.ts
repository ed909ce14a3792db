// The 重点项目 list's filters. The library holds hundreds of projects, so the list filters and sorts
// in memory; the default shows the projects in the library, by name.
import type { KeyProject, ProjectStage } from '../domain/records';
import { regionOf } from './libraryOverview';

export const libraryFilters = ['in', 'out', 'all'] as const;
export type LibraryFilter = (typeof libraryFilters)[number];

export interface ProjectListFilters {
  stage?: ProjectStage;
  library: LibraryFilter;
  town?: string;
  /** The investor's source region as 项目库概况 groups it (未填写 for a blank one). */
  region?: string;
  /** Part of the project name. */
  text?: string;
}

export function filterProjects<
  T extends Pick<KeyProject, 'name' | 'stage' | 'inLibrary' | 'town' | 'deletedAt'> & Partial<Pick<KeyProject, 'investorRegion'>>,
>(
  projects: readonly T[],
  filters: ProjectListFilters,
): T[] {
  const text = filters.text?.trim().toLowerCase() ?? '';
  return projects
    .filter(
      (p) =>
        p.deletedAt === undefined &&
        (filters.library === 'all' || p.inLibrary === (filters.library === 'in')) &&
        (!filters.stage || p.stage === filters.stage) &&
        (!filters.town || p.town === filters.town) &&
        (!filters.region || regionOf({ investorRegion: p.investorRegion ?? '' }) === filters.region) &&
        (!text || p.name.toLowerCase().includes(text)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
