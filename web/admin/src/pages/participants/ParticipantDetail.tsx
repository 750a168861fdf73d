// One participant: profile, rewards and claim forms, the relation tree (inviters above, helpers
// below) and the list of helps with why an invalid one did not count.
import { Link, useParams } from 'react-router-dom';
import { Avatar, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { HelpItem, ParticipantDetail as Detail } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ClaimForm, GenderText, Person, RewardTag } from './labels.tsx';
import { RelationTree } from './RelationTree.tsx';
import { useStaffNames } from './use-staff-names.ts';

const HELP_COLORS: Record<HelpItem['status'], string> = { valid: 'green', revoked: 'default', invalid: 'red' };

export default function ParticipantDetail() {
  const { t } = useTranslation();
  const { id = '', pid = '' } = useParams();
  const ws = useWorkspace();
  const res = useApi<Detail>(paths.participant(ws.apiBase, id, pid));
  const staffName = useStaffNames();
  if (res.error && !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  if (!res.data) return <PageLoading />;
  const p = res.data;
  const listBase = `${ws.base}/campaigns/${id}/participants`;

  return (
    <div className="page">
      <PageHeader back={<Link to={listBase}>{t('participants.backToList')}</Link>} title={<Space size={10}><Avatar size={32} src={p.avatar ?? undefined} icon={<UserOutlined />} /><span className="nickname" data-testid="participant-nickname">{p.nickname || t('participants.noNickname')}</span></Space>} />
      <Row gutter={12}>
        <Col span={9}>
          <Card size="small" className="dash-card" title={t('participants.profile')}>
            <Descriptions size="small" column={1} items={[
              { key: 'gender', label: t('participants.columns.gender'), children: <GenderText gender={p.gender} /> },
              { key: 'friend', label: t('participants.columns.friendStatus'), children: t(`participants.friendStatus.${p.friendStatus}`) },
              { key: 'new', label: t('participants.newCustomer'), children: p.isNewCustomer ? t('common.yes') : t('common.no') },
              { key: 'level', label: t('participants.columns.level'), children: t('dashboard.levelN', { n: p.level }) },
              {
                key: 'chain', label: t('participants.inviterChain'),
                children: p.inviterChain.length ? (
                  <span className="inviter-chain" data-testid="inviter-chain">
                    {[...p.inviterChain].reverse().map((x) => (
                      <span key={x.id}><Link to={`${listBase}/${x.id}`} className="nickname">{x.nickname || t('participants.noNickname')}</Link><span className="chain-arrow">→</span></span>
                    ))}
                    <span className="nickname">{p.nickname || t('participants.noNickname')}</span>
                  </span>
                ) : t('participants.noInviter'),
              },
              { key: 'helps', label: t('dashboard.helps'), children: t('participants.helpsSummary', { valid: p.helps.valid, revoked: p.helps.revoked, invalid: p.helps.invalid }) },
              { key: 'invitees', label: t('participants.invitees'), children: p.invitees },
              { key: 'staff', label: t('participants.staff'), children: staffName(p.staffUserId) ?? t('common.none') },
              { key: 'joined', label: t('participants.columns.joinedAt'), children: formatTime(p.joinedAt) },
              { key: 'ext', label: t('participants.externalUserId'), children: <Typography.Text copyable className="mono-small">{p.externalUserId}</Typography.Text> },
            ]} />
          </Card>
          <Card size="small" className="dash-card" title={t('participants.rewardsTitle')}>
            {p.rewards.length ? p.rewards.map((r) => (
              <div key={r.id} className="claim-form">
                <RewardTag tierNo={r.tierNo} status={r.status} />
                <span className="claim-reward">{r.reward.name}</span>
                {r.redeemCode ? <Typography.Text code>{r.redeemCode}</Typography.Text> : r.reward.type === 'physical' ? <ClaimForm form={r.claimForm} /> : null}
              </div>
            )) : <Typography.Text type="secondary">{t('participants.noRewardsYet')}</Typography.Text>}
          </Card>
        </Col>
        <Col span={15}>
          <Card size="small" className="dash-card" title={t('participants.tree.title')} extra={<Space size={12} className="tree-legend"><span><i style={{ background: '#e69f00' }} />{t('participants.tree.inviters')}</span><span><i style={{ background: '#2f5bea' }} />{t('participants.tree.thisOne')}</span><span><i style={{ background: '#009e73' }} />{t('participants.tree.helpers')}</span><span><i style={{ background: '#56b4e9' }} />{t('participants.tree.invitees')}</span></Space>}>
            <RelationTree p={p} base={listBase} />
          </Card>
          <Card size="small" className="dash-card" title={t('participants.helpsTitle', { n: p.helps.recent.length })}>
            <Table<HelpItem>
              size="small"
              rowKey="id"
              dataSource={p.helps.recent}
              pagination={p.helps.recent.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              locale={{ emptyText: <Typography.Text type="secondary">{t('participants.noHelps')}</Typography.Text> }}
              columns={[
                { title: t('participants.columns.helper'), render: (_v, h) => (h.helperParticipantId ? <Link to={`${listBase}/${h.helperParticipantId}`}><Person nickname={h.helperNickname} avatar={h.helperAvatar} /></Link> : <Person nickname={h.helperNickname} avatar={h.helperAvatar} />) },
                { title: t('participants.columns.helpStatus'), render: (_v, h) => <Space size={4}><Tag color={HELP_COLORS[h.status]}>{t(`participants.helpStatus.${h.status}`)}</Tag>{h.invalidReason ? <Typography.Text type="secondary">{t(`dashboard.invalidReasons.${h.invalidReason}`)}</Typography.Text> : null}</Space> },
                { title: t('participants.columns.helpedAt'), width: 150, render: (_v, h) => formatTime(h.createdAt) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
