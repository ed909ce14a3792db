// 查看走访: a visit read-only, as opened from the enterprise's timeline, with 编辑 and 删除. Reading a
// past visit must not risk changing it, so the form opens only on 编辑走访.
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { RecordGone } from '../../components/recordDeletion';
import { StatusTag } from '../problems/ProblemTags';
import { AttachmentList } from './AttachmentPanel';
import { VisitDeleteModal } from './VisitDeleteModal';
import { operationsFields } from './visitFormModel';
import { loadVisitForView } from './visitRepo';
import { useLiveData } from '../../components/useLiveData';

const visitGone = { noun: '走访记录', consequence: '', listPath: '/enterprises', listName: '返回企业名录' };

export function VisitViewPage() {
  const { visitId = '' } = useParams();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const loaded = useLiveData(() => loadVisitForView(visitId), [visitId]);

  const view = loaded.stale ? undefined : loaded.value;
  if (!view) return <Spin style={{ margin: 48 }} />;
  if (!view.found) return <RecordGone {...visitGone} deleted={view.deleted} />;
  const { visit, enterpriseName, attachments, problems, policies } = view;

  return (
    <div style={{ maxWidth: 1100 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          走访记录：<Link to={`/enterprises/${visit.enterpriseId}`}>{enterpriseName}</Link>
        </Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/visits/${visit.id}/edit`)}>
            编辑走访
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => setDeleting(true)}>
            删除走访
          </Button>
        </Space>
      </Space>

      <Descriptions
        bordered
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'date', label: '走访日期', children: visit.date },
          { key: 'type', label: '走访类型', children: visit.type },
          { key: 'officers', label: '走访人员', children: visit.officers.join('、') },
          { key: 'peopleMet', label: '接待人员', children: visit.peopleMet },
          { key: 'summary', label: '走访情况', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{visit.summary}</span> },
          ...operationsFields.map((f) => ({
            key: f.key,
            label: f.label,
            span: f.key === 'supplyChain' ? 2 : 1,
            children: visit.operations[f.key],
          })),
          {
            key: 'policies',
            label: '宣讲的政策措施',
            span: 2,
            children: policies.map((p) => `${p.code} ${p.title}`).join('；'),
          },
        ]}
      />

      <Card size="small" title="照片和附件" style={{ marginBottom: 16 }}>
        <AttachmentList
          items={attachments.map((a) => ({ key: a.id, fileName: a.fileName, mimeType: a.mimeType, blob: a.blob, stored: true }))}
        />
      </Card>

      <Card size="small" title={`本次走访登记的问题（${problems.length}）`} style={{ marginBottom: 16 }}>
        {problems.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次走访未登记问题" />
        ) : (
          <List
            size="small"
            dataSource={problems}
            renderItem={(p) => (
              <List.Item>
                <StatusTag status={p.status} />
                <Link to={`/problems/${p.id}`}>
                  {p.category}：{p.description}
                </Link>
              </List.Item>
            )}
          />
        )}
      </Card>

      <VisitDeleteModal
        visit={visit}
        problems={problems}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate(`/enterprises/${visit.enterpriseId}`)}
      />
    </div>
  );
}
