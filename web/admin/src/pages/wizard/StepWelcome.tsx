// Step 5: the two welcome texts (to a new participant, to a friend whose help counted) with a
// chat preview beside each.
import { Card, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { WelcomeTextField } from './WelcomeTextField.tsx';
import { WelcomePreview } from './WelcomePreview.tsx';

export function StepWelcome() {
  const { t } = useTranslation();
  return (
    <>
      {(['participant', 'helper'] as const).map((k) => (
        <Card key={k} size="small" title={t(`wizard.welcome.${k}.title`)} className="wizard-card">
          <Row gutter={24}>
            <Col span={14}>
              <Form.Item name={['welcomeTexts', k]} extra={t(`wizard.welcome.${k}.help`)} rules={[{ required: true, whitespace: true, message: t(`wizard.errors.welcomeTexts_${k}`) }]} style={{ marginBottom: 0 }}>
                <WelcomeTextField />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item noStyle shouldUpdate={(a, b) => a.welcomeTexts?.[k] !== b.welcomeTexts?.[k]}>
                {({ getFieldValue }) => <WelcomePreview text={(getFieldValue(['welcomeTexts', k]) as string | undefined) ?? ''} staffName={t('wizard.welcome.sample.staff')} />}
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ))}
    </>
  );
}
