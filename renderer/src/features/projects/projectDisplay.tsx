// How a key project's stage, library membership, monthly report and money read on screen.
import { Tag } from 'antd';
import type { KeyProject, ProjectStage } from '../../../../shared/domain/records';

const stageColors: Record<ProjectStage, string> = {
  签约未设立: 'default',
  '已设立·前期手续': 'gold',
  在建: 'blue',
  设备安装: 'geekblue',
  竣工投产: 'green',
};

export function StageTag({ stage }: { stage: ProjectStage }) {
  return <Tag color={stageColors[stage]}>{stage}</Tag>;
}

export function LibraryTag({ project }: { project: Pick<KeyProject, 'inLibrary'> }) {
  return project.inLibrary ? <Tag color="cyan">在库</Tag> : <Tag>已出库</Tag>;
}

export function MissingMonthTag() {
  return <Tag color="red">本月未填报</Tag>;
}

/** 万美元 with thousands separators; empty when not known. */
export function formatWanUsd(value: number | undefined): string {
  return value === undefined ? '' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
