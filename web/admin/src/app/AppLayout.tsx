// The frame operators live in: side navigation, workspace switcher, language, account.
import { Suspense, useEffect, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Avatar, Dropdown, Layout, Menu, Select, Space, Typography } from 'antd';
import { LogoutOutlined, NotificationOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from './session.tsx';
import { WorkspaceContext, type CurrentWorkspace } from './workspace.ts';
import { rememberWorkspace } from './last-workspace.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotFoundState } from '../components/ErrorState.tsx';
import { PageLoading } from '../components/PageLoading.tsx';

const SECTIONS = ['campaigns', 'staff', 'settings'] as const;

export default function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { ws = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const membership = me.workspaces.find((w) => w.slug === ws);

  useEffect(() => {
    if (membership) rememberWorkspace(membership.slug);
  }, [membership]);

  const current = useMemo<CurrentWorkspace | null>(
    () => (membership ? { slug: membership.slug, name: membership.name, role: membership.role, apiBase: `/api/admin/workspaces/${encodeURIComponent(membership.slug)}`, base: `/w/${membership.slug}` } : null),
    [membership],
  );

  const section = location.pathname.split('/')[3] ?? 'campaigns';
  const icons = { campaigns: <NotificationOutlined />, staff: <TeamOutlined />, settings: <SettingOutlined /> };

  return (
    <Layout className="app-shell">
      <Layout.Sider width={208} className="app-sider" theme="light">
        <Link to="/" className="app-brand">
          <span className="app-brand-mark" aria-hidden />
          <span>{t('app.name')}</span>
        </Link>
        <Menu
          mode="inline"
          selectedKeys={[section]}
          items={SECTIONS.map((s) => ({ key: s, icon: icons[s], label: <Link to={`/w/${ws}/${s}`}>{t(`nav.${s}`)}</Link> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space size={8}>
            <Typography.Text type="secondary">{t('header.workspace')}</Typography.Text>
            <Select
              aria-label={t('header.workspace')}
              value={membership?.slug}
              placeholder={t('header.chooseWorkspace')}
              style={{ minWidth: 200 }}
              onChange={(slug: string) => navigate(`/w/${slug}/${section}`)}
              options={me.workspaces.map((w) => ({ value: w.slug, label: `${w.name} · ${t(`roles.${w.role}`)}` }))}
            />
          </Space>
          <Space size={16}>
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'email', label: me.user.email, disabled: true },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') void logout().then(() => navigate('/login', { replace: true }));
                },
              }}
            >
              <a className="app-user" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{me.user.displayName}</span>
              </a>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {current ? (
            <WorkspaceContext.Provider value={current}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </WorkspaceContext.Provider>
          ) : (
            <NotFoundState />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
