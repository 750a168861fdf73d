// Step 6: everything on one page before publishing.
import { Alert, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PosterTemplate, StaffMember } from '../../api/campaign-types.ts';
import { formatTime } from '../../lib/time.ts';
import { posterProblems } from './poster/poster-geometry.ts';
import { toConfig, type WizardValues } from './wizard-form.ts';
import { useStaff } from './StaffSelect.tsx';

export function StepReview({ values, poster, posterSaved }: { values: WizardValues | undefined; poster: PosterTemplate; posterSaved: boolean | null }) {
  const { t } = useTranslation();
  const staff = useStaff().data?.staff ?? [];
  if (!values?.startAt || !values.endAt) return <Empty />;
  const c = toConfig(values);
  const nameOf = (id: string) => staff.find((s: StaffMember) => s.userid === id)?.name ?? id;
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <>
      <Card size="small" title={t('wizard.steps.basics')} className="wizard-card">
        <Descriptions size="small" column={2} items={[
            { key: '0', label: t('wizard.basics.name'), children: <>{c.name || <Typography.Text type="danger">{t('common.notSet')}</Typography.Text>}</> },
            { key: '1', label: t('wizard.review.time'), children: <>{formatTime(c.startAt)} – {formatTime(c.endAt)}</> },
            { key: '2', label: t('wizard.review.channel'), children: <>{t('wizard.channels.wecom.title')}</> },
            { key: '3', label: t('wizard.basics.staff'), children: <>{c.channel.staffUserIds.length ? c.channel.staffUserIds.map((id) => <Tag key={id}>{nameOf(id)}</Tag>) : t('common.notSet')}</> },
          ]} />
      </Card>
      <Card size="small" title={t('wizard.steps.tiers')} className="wizard-card">
        <Table
          size="small"
          pagination={false}
          rowKey={(_r, i) => String(i)}
          dataSource={c.tiers.map((tier, i) => ({ ...tier, no: i + 1 }))}
          columns={[
            { title: t('wizard.review.tier'), dataIndex: 'no', render: (n: number) => t(`wizard.tiers.names.t${n}` as 'wizard.tiers.names.t1') },
            { title: t('wizard.tiers.target'), dataIndex: 'target' },
            { title: t('wizard.tiers.rewardName'), render: (_v, r) => r.reward.name },
            { title: t('wizard.tiers.rewardType'), render: (_v, r) => t(`wizard.rewardTypes.${r.reward.type}.title`) },
            { title: t('wizard.tiers.stock'), dataIndex: 'stock' },
          ]}
        />
      </Card>
      <Card size="small" title={t('wizard.steps.rules')} className="wizard-card">
        <Descriptions size="small" column={3} items={[
            { key: '0', label: t('wizard.rules.gender'), children: <>{t(`wizard.rules.genders.${c.rules.genderFilter}`)}</> },
            { key: '1', label: t('wizard.rules.helpsPerHelper'), children: <>{c.rules.helpsPerHelper}</> },
            { key: '2', label: t('wizard.rules.churn'), children: <>{t(`wizard.rules.churnPolicies.${c.rules.churnPolicy}`)}</> },
            { key: '3', label: t('wizard.rules.noMutualHelp'), children: <>{yesNo(c.rules.noMutualHelp)}</> },
            { key: '4', label: t('wizard.rules.newCustomersOnly'), children: <>{yesNo(c.rules.newCustomersOnly)}</> },
            { key: '5', label: t('wizard.rules.tags'), children: <>{c.rules.joinTagIds.length || t('common.none')}</> },
          ]} />
      </Card>
      <Card size="small" title={t('wizard.steps.poster')} className="wizard-card">
        <Descriptions size="small" column={3} items={[
            { key: '0', label: t('poster.background'), children: <>{poster.background ? `${poster.background.width}×${poster.background.height}` : t('poster.noBackgroundShort')}</> },
            { key: '1', label: t('poster.elements.avatar'), children: <>{yesNo(poster.avatar.show)}</> },
            { key: '2', label: t('poster.elements.nickname'), children: <>{yesNo(poster.nickname.show)}</> },
          ]} />
        {posterProblems(poster).length ? <Alert type="warning" showIcon title={t('wizard.review.posterProblems')} /> : null}
        {posterSaved === false ? <Alert type="warning" showIcon title={t('wizard.review.posterNotSaved')} style={{ marginTop: 8 }} /> : null}
      </Card>
      <Card size="small" title={t('wizard.steps.welcome')} className="wizard-card">
        <Descriptions size="small" column={1} items={[
            { key: '0', label: t('wizard.welcome.participant.title'), children: <><span className="pre-wrap">{c.welcomeTexts.participant}</span></> },
            { key: '1', label: t('wizard.welcome.helper.title'), children: <><span className="pre-wrap">{c.welcomeTexts.helper}</span></> },
          ]} />
      </Card>
    </>
  );
}
