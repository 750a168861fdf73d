// Step 6: everything on one page before publishing, with what is still missing in red and the
// server's picture of the poster.
import { Alert, Card, Descriptions, Empty, Image, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorpTag, PosterTemplate, StaffMember } from '../../api/campaign-types.ts';
import { useApi } from '../../api/use-api.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { formatInt } from '../../lib/format.ts';
import { posterProblems } from './poster/poster-geometry.ts';
import { usePosterPreview } from './poster/poster-api.ts';
import { posterOfferOf, toConfig, type WizardValues } from './wizard-form.ts';
import { useStaff } from './StaffSelect.tsx';

export function StepReview({ values, poster, workspaceApi }: { values: WizardValues | undefined; poster: PosterTemplate; workspaceApi: string }) {
  const { t } = useTranslation();
  const staff = useStaff().data?.staff ?? [];
  const tags = useApi<{ tags: CorpTag[] }>(paths.corpTags(workspaceApi)).data?.tags ?? [];
  const preview = usePosterPreview(workspaceApi, poster, posterOfferOf(values?.tiers));
  if (!values?.startAt || !values.endAt) return <Empty />;
  const c = toConfig(values);
  const nameOf = (id: string) => staff.find((s: StaffMember) => s.userid === id)?.name ?? id;
  const tagOf = (id: string) => tags.find((x) => x.tagId === id)?.name ?? id;
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const missing = <Typography.Text type="danger">{t('common.notSet')}</Typography.Text>;
  return (
    <>
      <Card size="small" title={t('wizard.steps.basics')} className="wizard-card">
        <Descriptions size="small" column={2} items={[
            { key: '0', label: t('wizard.basics.name'), children: <>{c.name || missing}</> },
            { key: '1', label: t('wizard.review.time'), children: <>{formatTime(c.startAt)} – {formatTime(c.endAt)} · {t('wizard.basics.zone')}</> },
            { key: '2', label: t('wizard.review.channel'), children: <>{t('wizard.channels.wecom.title')}</> },
            { key: '3', label: t('wizard.basics.staff'), children: <>{c.channel.staffUserIds.length ? c.channel.staffUserIds.map((id) => <Tag key={id}>{nameOf(id)}</Tag>) : missing}</> },
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
            { title: t('wizard.tiers.target'), dataIndex: 'target', render: (n: number | null) => (n ? t('dashboard.targetFriends', { n: formatInt(n) }) : missing) },
            { title: t('wizard.tiers.rewardName'), render: (_v, r) => r.reward.name || missing },
            { title: t('wizard.tiers.rewardType'), render: (_v, r) => t(`wizard.rewardTypes.${r.reward.type}.title`) },
            { title: t('wizard.tiers.stock'), dataIndex: 'stock', render: (n: number | null) => (n === null || n === undefined ? missing : t('wizard.review.units', { n: formatInt(n) })) },
          ]}
        />
      </Card>
      <Card size="small" title={t('wizard.steps.rules')} className="wizard-card">
        <Descriptions size="small" column={3} items={[
            { key: '0', label: t('wizard.rules.gender'), children: <>{t(`wizard.rules.genders.${c.rules.genderFilter}`)}</> },
            { key: '1', label: t('wizard.rules.helpsPerHelper'), children: <>{t('wizard.review.times', { n: c.rules.helpsPerHelper })}</> },
            { key: '2', label: t('wizard.rules.churn'), children: <>{t(`wizard.rules.churnPolicies.${c.rules.churnPolicy}`)}</> },
            { key: '3', label: t('wizard.rules.noMutualHelp'), children: <>{yesNo(c.rules.noMutualHelp)}</> },
            { key: '4', label: t('wizard.rules.newCustomersOnly'), children: <>{yesNo(c.rules.newCustomersOnly)}</> },
            { key: '5', label: t('wizard.rules.tags'), children: <>{c.rules.joinTagIds.length ? c.rules.joinTagIds.map((id) => <Tag key={id}>{tagOf(id)}</Tag>) : t('common.none')}</> },
          ]} />
      </Card>
      <Card size="small" title={t('wizard.steps.poster')} className="wizard-card">
        <div className="review-poster">
          <div className="review-poster-image">
            {preview.url ? <Image src={preview.url} alt={t('poster.preview.title')} width={120} data-testid="review-poster" /> : <div className="poster-preview-blank" style={{ width: 120, height: 213 }} />}
          </div>
          <div className="review-poster-facts">
            <Descriptions size="small" column={1} items={[
                { key: '0', label: t('poster.background'), children: <>{poster.background ? `${poster.background.width}×${poster.background.height} px` : t('poster.noBackgroundShort')}</> },
                { key: '1', label: t('poster.elements.avatar'), children: <>{poster.avatar.show ? t('wizard.review.shown') : t('wizard.review.hidden')}</> },
                { key: '2', label: t('poster.elements.nickname'), children: <>{poster.nickname.show ? t('wizard.review.shown') : t('wizard.review.hidden')}</> },
              ]} />
            {posterProblems(poster).length ? <Alert type="warning" showIcon title={t('wizard.review.posterProblems')} /> : null}
          </div>
        </div>
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
