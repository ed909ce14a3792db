// An enterprise's key projects on its page, so an officer at the enterprise sees what is in the
// library for it (stage, in library or not) and can open the project to report this month's progress.
import { Card, List, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { LibraryTag, StageTag } from './projectDisplay';
import { projectsOfEnterprise } from './projectRepo';

export function EnterpriseProjectsCard({ enterpriseId }: { enterpriseId: string }) {
  const projects = useLiveQuery(() => projectsOfEnterprise(enterpriseId), [enterpriseId]);
  if (!projects || projects.length === 0) return null;
  return (
    <Card size="small" title={`重点项目（${projects.length} 个）`} style={{ marginTop: 16 }} role="region" aria-label="该企业的重点项目">
      <List
        size="small"
        dataSource={[...projects].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))}
        renderItem={(p) => (
          <List.Item>
            <Space>
              <Link to={`/projects/${p.id}`}>{p.name}</Link>
              <StageTag stage={p.stage} />
              <LibraryTag project={p} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
