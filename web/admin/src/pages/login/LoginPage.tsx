// POST /api/admin/auth/login; the server sets the httpOnly session cookie.
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

interface Values {
  email: string;
  password: string;
}

/** Only paths inside the console: `next` comes from the URL and must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, setMe } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (state.status === 'ready') return <Navigate to={next} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/api/admin/auth/login', { email: v.email.trim(), password: v.password }, { quiet401: true });
      setMe(me);
      navigate(next, { replace: true });
    } catch (err) {
      const e = err as ApiError;
      setError(e.status === 401 ? t('login.badCredentials') : e.code === 'network' ? t('errors.network.title') : e.status === 429 ? t('login.rateLimited') : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang"><LanguageSwitch /></div>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <span className="app-brand-mark" aria-hidden />
          <Typography.Title level={3} style={{ margin: 0 }}>{t('app.name')}</Typography.Title>
        </div>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {params.get('expired') ? <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form<Values> layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, message: t('login.emailRequired') }, { type: 'email', message: t('login.emailInvalid') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('login.submit')}</Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="login-foot">{t('login.footer')}</Typography.Text>
    </div>
  );
}
