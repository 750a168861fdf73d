// Small renderers shared by the participant pages. Nicknames are plain text (React escapes them).
import { Avatar, Space, Tag, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AddressForm, Gender, RewardStatus } from '../../api/campaign-types.ts';

const REWARD_COLORS: Record<RewardStatus, string> = { reserved: 'gold', claimed: 'blue', issued: 'green' };

export function Person({ nickname, avatar }: { nickname: string; avatar: string | null }) {
  const { t } = useTranslation();
  return (
    <span className="cell-person">
      <Avatar size={24} src={avatar ?? undefined} icon={<UserOutlined />} />
      <span className="nickname">{nickname || t('participants.noNickname')}</span>
    </span>
  );
}

export function GenderText({ gender }: { gender: Gender }) {
  const { t } = useTranslation();
  return <>{t(`participants.genders.${gender}`)}</>;
}

/** "1 阶 · 待领取"; `title` (the prize's name) shows on hover. */
export function RewardTag({ tierNo, status, title }: { tierNo: number; status: RewardStatus; title?: string }) {
  const { t } = useTranslation();
  return <Tag color={REWARD_COLORS[status]} title={title}>{t('participants.rewardTag', { n: tierNo, status: t(`participants.rewardStatus.${status}`) })}</Tag>;
}

export function ClaimForm({ form }: { form: AddressForm | null }) {
  const { t } = useTranslation();
  if (!form) return <Typography.Text type="secondary">{t('participants.noClaimForm')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <span>{form.name} · {form.mobile}</span>
      <Typography.Text type="secondary">{form.province} {form.city} {form.district} {form.address}</Typography.Text>
    </Space>
  );
}
