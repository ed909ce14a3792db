// The stages of a key project run one way (seed 001: 签约未设立 → 已设立·前期手续 → 在建 → 设备安装 →
// 竣工投产). A monthly progress entry moves the project on when it reports a later stage; an entry at
// an earlier stage (a late correction of an old month, say) never moves the project back.
import { projectStages, type ProjectStage } from '../domain/records';

export function stageRank(stage: ProjectStage): number {
  return projectStages.indexOf(stage);
}

export function isLaterStage(stage: ProjectStage, than: ProjectStage): boolean {
  return stageRank(stage) > stageRank(than);
}

/** The project's stage after a progress entry at `reported`: the later of the two. */
export function stageAfterProgress(current: ProjectStage, reported: ProjectStage): ProjectStage {
  return isLaterStage(reported, current) ? reported : current;
}
