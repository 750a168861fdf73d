// Picks WeCom staff by userid from the workspace's staff list; if the list cannot be loaded the
// operator can still type userids.
import { Avatar, Select, Space, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/use-api.ts';
import type { StaffMember } from '../../api/campaign-types.ts';
import { paths } from '../../lib/paths.ts';
import { useWorkspace } from '../../app/workspace.ts';

interface Props {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  disabled?: boolean;
  id?: string;
}

export function useStaff() {
  const ws = useWorkspace();
  return useApi<{ staff: StaffMember[] }>(paths.staff(ws.apiBase));
}

export function StaffSelect({ value, onChange, multiple, disabled, id }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const res = useStaff();
  const staff = res.data?.staff ?? [];
  const typed = !!res.error;
  return (
    <>
      <Select
        id={id}
        mode={multiple ? (typed ? 'tags' : 'multiple') : undefined}
        value={value}
        onChange={onChange}
        disabled={disabled}
        loading={res.loading}
        showSearch={{ optionFilterProp: 'search' }}
        allowClear
        placeholder={typed ? t('wizard.staff.typeUserids') : t('wizard.staff.placeholder')}
        options={staff.filter((s) => s.active || (Array.isArray(value) ? value.includes(s.userid) : value === s.userid)).map((s) => ({
          value: s.userid,
          search: `${s.name} ${s.userid}`,
          label: (
            <Space size={6}>
              <Avatar size={18} src={s.avatar ?? undefined} icon={<UserOutlined />} />
              <span>{s.name}</span>
              <Typography.Text type="secondary">{s.userid}</Typography.Text>
            </Space>
          ),
        }))}
        notFoundContent={<Typography.Text type="secondary">{t('wizard.staff.none')} <Link to={`${ws.base}/staff`}>{t('wizard.staff.manage')}</Link></Typography.Text>}
      />
    </>
  );
}
