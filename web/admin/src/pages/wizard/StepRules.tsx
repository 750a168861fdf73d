// Step 3: who may take part and how helps count (seed 000 §3).
import { Card, Col, Form, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { CorpTag } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';

export function StepRules() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const tags = useApi<{ tags: CorpTag[] }>(paths.corpTags(ws.apiBase));
  const tagList = tags.data?.tags ?? [];
  return (
    <Card size="small" title={t('wizard.rules.title')} className="wizard-card">
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item name={['rules', 'genderFilter']} label={t('wizard.rules.gender')} extra={t('wizard.rules.genderHelp')}>
            <Radio.Group optionType="button" options={(['all', 'male', 'female'] as const).map((g) => ({ value: g, label: t(`wizard.rules.genders.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['rules', 'joinTagIds']} label={t('wizard.rules.tags')} extra={tags.error ? t('wizard.rules.tagsTyped') : t('wizard.rules.tagsHelp')}>
            <Select
              mode={tags.error ? 'tags' : 'multiple'}
              allowClear
              loading={tags.loading}
              placeholder={t('wizard.rules.tagsPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={tagList.filter((g) => g.active).map((g) => ({ value: g.tagId, label: g.groupName ? `${g.groupName} / ${g.name}` : g.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['rules', 'helpsPerHelper']} label={t('wizard.rules.helpsPerHelper')} extra={t('wizard.rules.helpsPerHelperHelp')} rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('wizard.errors.rules_helpsPerHelper') }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} suffix={t('wizard.rules.times')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['rules', 'churnPolicy']} label={t('wizard.rules.churn')} extra={t('wizard.rules.churnHelp')}>
            <Radio.Group options={(['deduct', 'ignore'] as const).map((p) => ({ value: p, label: t(`wizard.rules.churnPolicies.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['rules', 'noMutualHelp']} label={t('wizard.rules.noMutualHelp')} valuePropName="checked" extra={t('wizard.rules.noMutualHelpHelp')}>
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['rules', 'newCustomersOnly']} label={t('wizard.rules.newCustomersOnly')} valuePropName="checked" extra={t('wizard.rules.newCustomersOnlyHelp')}>
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
