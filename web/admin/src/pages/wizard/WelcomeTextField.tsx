// A welcome text with its placeholders: insert buttons, a UTF-8 byte counter (WeCom's limit is in
// bytes) and a warning for unknown {placeholders}, which would reach customers verbatim.
import { useRef } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useTranslation } from 'react-i18next';
import { utf8Bytes } from '../../lib/format.ts';
import { WELCOME_MAX_BYTES, WELCOME_PLACEHOLDERS } from './wizard-form.ts';

interface Props {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}

export function unknownPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) if (!(WELCOME_PLACEHOLDERS as readonly string[]).includes(m[1]!)) found.add(m[1]!);
  return [...found];
}

export function WelcomeTextField({ value = '', onChange, id }: Props) {
  const { t } = useTranslation();
  const ref = useRef<TextAreaRef>(null);
  const bytes = utf8Bytes(value);
  const unknown = unknownPlaceholders(value);

  const insert = (name: string) => {
    const el = ref.current?.resizableTextArea?.textArea;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange?.(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div>
      <Space size={4} wrap style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">{t('wizard.welcome.insert')}</Typography.Text>
        {WELCOME_PLACEHOLDERS.map((p) => (
          <Button key={p} size="small" onClick={() => insert(p)} title={t(`wizard.welcome.placeholders.${p}`)}>
            {`{${p}}`} {t(`wizard.welcome.placeholders.${p}`)}
          </Button>
        ))}
      </Space>
      <Input.TextArea id={id} ref={ref} value={value} onChange={(e) => onChange?.(e.target.value)} autoSize={{ minRows: 4, maxRows: 10 }} status={bytes > WELCOME_MAX_BYTES || unknown.length ? 'warning' : undefined} />
      <div className="welcome-meta">
        {unknown.length ? <Typography.Text type="warning">{t('wizard.welcome.unknown', { names: unknown.map((n) => `{${n}}`).join(' ') })}</Typography.Text> : <span />}
        <Typography.Text type={bytes > WELCOME_MAX_BYTES ? 'danger' : 'secondary'}>{t('wizard.welcome.bytes', { n: bytes, max: WELCOME_MAX_BYTES })}</Typography.Text>
      </div>
    </div>
  );
}
