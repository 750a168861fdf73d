// How the welcome text looks in the customer's WeCom chat, with sample values filled in. Links
// are shown as links; everything is text (React escapes it).
import { Avatar, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { WELCOME_PLACEHOLDERS } from './wizard-form.ts';

export function renderSample(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => ((WELCOME_PLACEHOLDERS as readonly string[]).includes(name) ? (values[name] ?? '') : whole));
}

export function WelcomePreview({ text, staffName }: { text: string; staffName: string }) {
  const { t } = useTranslation();
  const sample = renderSample(text, {
    nickname: t('wizard.welcome.sample.nickname'),
    inviter: t('wizard.welcome.sample.inviter'),
    progress: '2/5',
    link: 'https://fission.example.com/h5/t/8Kq2',
  });
  const parts = sample.split(/(https?:\/\/\S+)/g);
  return (
    <div className="chat-preview" aria-label={t('wizard.welcome.previewTitle')}>
      <div className="chat-preview-bar">{staffName}</div>
      <div className="chat-preview-body">
        <div className="chat-row">
          <Avatar size={32} shape="square" icon={<UserOutlined />} className="chat-avatar" />
          <div className="chat-bubble" data-testid="welcome-preview">
            {sample.trim() ? parts.map((p, i) => (i % 2 ? <span key={i} className="chat-link">{p}</span> : <span key={i}>{p}</span>)) : <Typography.Text type="secondary">{t('wizard.welcome.empty')}</Typography.Text>}
          </div>
        </div>
      </div>
    </div>
  );
}
