import { Card, Col, DatePicker, Form, Input, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from './StaffSelect.tsx';
import type { frozen } from './wizard-form.ts';

const CHANNELS = [
  { key: 'wecom', available: true },
  { key: 'oa', available: false },
  { key: 'oa_wecom', available: false },
] as const;

export function StepBasics({ lock }: { lock: ReturnType<typeof frozen> }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('wizard.basics.title')} className="wizard-card">
        <Row gutter={24}>
          <Col span={12}>
            <Form.Item name="name" label={t('wizard.basics.name')} extra={t('wizard.basics.nameHelp')} rules={[{ required: true, whitespace: true, message: t('wizard.errors.name') }, { max: 50, message: t('wizard.errors.name') }]}>
              <Input maxLength={50} showCount placeholder={t('wizard.basics.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="startAt" label={t('wizard.basics.startAt')} extra={t('wizard.basics.zone')} rules={[{ required: true, message: t('wizard.errors.startAt') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabled={lock.startAt} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="endAt"
              label={t('wizard.basics.endAt')}
              extra={t('wizard.basics.endHelp')}
              dependencies={['startAt']}
              rules={[
                { required: true, message: t('wizard.errors.endAt') },
                ({ getFieldValue }) => ({
                  validator: (_r, v) => (!v || !getFieldValue('startAt') || v.isAfter(getFieldValue('startAt')) ? Promise.resolve() : Promise.reject(new Error(t('wizard.errors.endAt')))),
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('wizard.basics.channelTitle')} className="wizard-card">
        <div className="channel-options">
          {CHANNELS.map((c) => (
            <div key={c.key} className={`channel-option${c.key === 'wecom' ? ' is-selected' : ''}${c.available ? '' : ' is-disabled'}`} aria-disabled={!c.available}>
              <Typography.Text strong>{t(`wizard.channels.${c.key}.title`)}</Typography.Text>
              {c.available ? null : <Tag>{t('wizard.soon')}</Tag>}
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t(`wizard.channels.${c.key}.description`)}</Typography.Paragraph>
            </div>
          ))}
        </div>
        <Form.Item
          name={['channel', 'staffUserIds']}
          label={t('wizard.basics.staff')}
          extra={t('wizard.basics.staffHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('wizard.errors.channel_staffUserIds') }]}
          style={{ marginTop: 16, marginBottom: 0 }}
        >
          <StaffSelect multiple />
        </Form.Item>
      </Card>
    </>
  );
}
