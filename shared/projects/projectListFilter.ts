// The 重点项目 list's filters. The library holds hundreds of projects, so the list filters and sorts
// in memory; the default shows the projects in the library, by name.
import type { KeyProject, ProjectStage } from '../domain/records';

export const libraryFilters = ['in', 'out', 'all'] as const;
export type LibraryFilter = (typeof libraryFilters)[number];

export interface ProjectListFilters {
  stage?: ProjectStage;
  library: LibraryFilter;
  town?: string;
  /** Part of the project name. */
  text?: string;
}

export function filterProjects<T extends Pick<KeyProject, 'name' | 'stage' | 'inLibrary' | 'town' | 'deletedAt'>>(
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
        (!text || p.name.toLowerCase().includes(text)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
