// Root: theme and locale, the session, and the routes (each page its own chunk).
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { SessionProvider } from './session.tsx';
import { RequireSession, RootRedirect } from './guards.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { NotFoundState } from '../components/ErrorState.tsx';
import { reducedMotion } from '../lib/motion.ts';

const LoginPage = lazy(() => import('../pages/login/LoginPage.tsx'));
const AppLayout = lazy(() => import('./AppLayout.tsx'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage.tsx'));
const StaffPage = lazy(() => import('../pages/staff/StaffPage.tsx'));
const CampaignsPage = lazy(() => import('../pages/campaigns/CampaignsPage.tsx'));
const CampaignWizard = lazy(() => import('../pages/wizard/CampaignWizard.tsx'));
const CampaignDashboard = lazy(() => import('../pages/dashboard/CampaignDashboard.tsx'));
const ParticipantsPage = lazy(() => import('../pages/participants/ParticipantsPage.tsx'));
const ParticipantDetail = lazy(() => import('../pages/participants/ParticipantDetail.tsx'));

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
  }, [zh]);

  return (
    <ConfigProvider
      locale={zh ? zhCNLocale : enUSLocale}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#2f5bea', borderRadius: 6, colorBgLayout: '#f4f6fa', motion: !reducedMotion },
        components: { Layout: { siderBg: '#ffffff', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' }, Table: { cellPaddingBlockSM: 6 } },
      }}
    >
      <AntApp>
        <BrowserRouter basename="/admin">
          <SessionProvider>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/" element={<RequireSession><RootRedirect /></RequireSession>} />
                <Route path="/w/:ws" element={<RequireSession><AppLayout /></RequireSession>}>
                  <Route index element={<Navigate to="campaigns" replace />} />
                  <Route path="campaigns" element={<CampaignsPage />} />
                  <Route path="campaigns/new" element={<CampaignWizard />} />
                  <Route path="campaigns/:id/edit" element={<CampaignWizard />} />
                  <Route path="campaigns/:id" element={<CampaignDashboard />} />
                  <Route path="campaigns/:id/participants" element={<ParticipantsPage />} />
                  <Route path="campaigns/:id/participants/:pid" element={<ParticipantDetail />} />
                  <Route path="staff" element={<StaffPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                  <Route path="*" element={<NotFoundState />} />
                </Route>
                <Route path="*" element={<NotFoundState standalone />} />
              </Routes>
            </Suspense>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
