// Helps: valid, revoked (the helper left) and invalid ones with why they did not count.
import { Card, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStats, InvalidHelpReason } from '../../api/campaign-types.ts';
import { formatInt } from '../../lib/format.ts';

export function HelpsCard({ helps }: { helps: CampaignStats['helps'] }) {
  const { t } = useTranslation();
  const reasons = (Object.entries(helps.invalid) as Array<[InvalidHelpReason, number]>).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return (
    <Card size="small" className="dash-card" title={t('dashboard.helps')} data-testid="helps-card">
      <div className="kv-grid">
        <span>{t('dashboard.helpKinds.valid')}</span><strong>{formatInt(helps.valid)}</strong>
        <span>{t('dashboard.helpKinds.revoked')}</span><strong>{formatInt(helps.revoked)}</strong>
        <span>{t('dashboard.helpKinds.invalid')}</span><strong>{formatInt(helps.invalidTotal)}</strong>
      </div>
      {reasons.length ? (
        <div className="invalid-list">
          {reasons.map(([r, n]) => (
            <div key={r} className="invalid-row">
              <span>{t(`dashboard.invalidReasons.${r}`)}</span>
              <Progress percent={Math.round((n / helps.invalidTotal) * 100)} size="small" format={() => formatInt(n)} />
            </div>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
