import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      value={i18n.language as Language}
      onChange={setLanguage}
      options={[{ value: 'zh-CN', label: t('languages.zh-CN') }, { value: 'en', label: t('languages.en') }]}
    />
  );
}
