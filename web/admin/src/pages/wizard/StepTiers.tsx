// Step 2: 1–5 tiers, each a target number of helps, a reward and its stock (seed 000 §2).
import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { CodePool, RewardType } from '../../api/campaign-types.ts';
import { useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { ServiceQrField } from './ServiceQrField.tsx';
import { StaffSelect } from './StaffSelect.tsx';
import { NewCodePool } from './NewCodePool.tsx';
import { TIERS_MAX, type frozen } from './wizard-form.ts';

const REWARD_TYPES: ReadonlyArray<{ type: RewardType; available: boolean }> = [
  { type: 'physical', available: true },
  { type: 'customer_service', available: true },
  { type: 'redeem_code', available: true },
  { type: 'red_packet', available: false },
];

export function StepTiers({ lock }: { lock: ReturnType<typeof frozen> }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const pools = useApi<{ pools: CodePool[] }>(paths.codePools(ws.apiBase));
  const form = Form.useFormInstance();

  return (
    <>
      <Alert type="info" showIcon className="wizard-card" title={lock.targets ? t('wizard.tiers.frozenNote') : t('wizard.tiers.note')} />
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                className="wizard-card"
                title={<span>{t(`wizard.tiers.names.t${i + 1}` as 'wizard.tiers.names.t1')}</span>}
                extra={fields.length > 1 && !lock.tierShape ? <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>{t('wizard.tiers.remove')}</Button> : null}
              >
                <Row gutter={24}>
                  <Col span={6}>
                    <Form.Item
                      name={[field.name, 'target']}
                      label={t('wizard.tiers.target')}
                      extra={t('wizard.tiers.targetHelp')}
                      dependencies={i > 0 ? [['tiers', i - 1, 'target']] : []}
                      rules={[
                        { required: true, type: 'integer', min: 1, max: 10000, message: t('wizard.errors.tiers_target') },
                        ({ getFieldValue }) => ({
                          validator: (_r, v: number | null) => {
                            const prev = i > 0 ? (getFieldValue(['tiers', i - 1, 'target']) as number | null) : null;
                            return prev && v && v <= prev ? Promise.reject(new Error(t('wizard.errors.tiersRising'))) : Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} suffix={t('wizard.tiers.people')} disabled={lock.targets} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'stock']} label={t('wizard.tiers.stock')} extra={t('wizard.tiers.stockHelp')} rules={[{ required: true, type: 'integer', min: 0, max: 10_000_000, message: t('wizard.errors.tiers_stock') }]}>
                      <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} suffix={t('wizard.tiers.units')} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={[field.name, 'reward', 'name']} label={t('wizard.tiers.rewardName')} rules={[{ required: true, whitespace: true, max: 30, message: t('wizard.errors.tiers_reward_name') }]}>
                      <Input maxLength={30} showCount placeholder={t('wizard.tiers.rewardNamePlaceholder')} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={[field.name, 'reward', 'type']} label={t('wizard.tiers.rewardType')} style={{ marginBottom: 12 }}>
                  <Radio.Group optionType="button">
                    {REWARD_TYPES.map((r) => (
                      <Radio.Button key={r.type} value={r.type} disabled={lock.rewardTypes || !r.available}>
                        {t(`wizard.rewardTypes.${r.type}.title`)} {r.available ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('wizard.soon')}</Tag>}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.tiers?.[i]?.reward?.type !== b.tiers?.[i]?.reward?.type || a.tiers?.[i]?.reward?.contact?.type !== b.tiers?.[i]?.reward?.contact?.type}>
                  {() => {
                    const type = form.getFieldValue(['tiers', field.name, 'reward', 'type']) as RewardType;
                    const contactType = (form.getFieldValue(['tiers', field.name, 'reward', 'contact', 'type']) as string | undefined) ?? 'staff';
                    return (
                      <>
                        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t(`wizard.rewardTypes.${type}.description`)}</Typography.Paragraph>
                        {type === 'customer_service' ? (
                          <Row gutter={24}>
                            <Col span={6}>
                              <Form.Item name={[field.name, 'reward', 'contact', 'type']} label={t('wizard.tiers.contactType')} initialValue="staff">
                                <Radio.Group options={[{ value: 'staff', label: t('wizard.tiers.contactStaff') }, { value: 'qr_image', label: t('wizard.tiers.contactQr') }]} />
                              </Form.Item>
                            </Col>
                            <Col span={18}>
                              {contactType === 'qr_image' ? (
                                <Form.Item name={[field.name, 'reward', 'contact', 'imageUrl']} label={t('wizard.tiers.contactQrUrl')} rules={[{ required: true, message: t('wizard.errors.tiers_reward_contact_imageUrl') }]}>
                                  <ServiceQrField />
                                </Form.Item>
                              ) : (
                                <Form.Item name={[field.name, 'reward', 'contact', 'userId']} label={t('wizard.tiers.contactUser')} extra={t('wizard.tiers.contactUserHelp')} rules={[{ required: true, message: t('wizard.errors.tiers_reward_contact_userId') }]}>
                                  <StaffSelect />
                                </Form.Item>
                              )}
                            </Col>
                          </Row>
                        ) : null}
                        {type === 'redeem_code' ? (
                          <Form.Item
                            name={[field.name, 'reward', 'codePoolId']}
                            label={t('wizard.tiers.codePool')}
                            extra={
                              <Space size={12} wrap>
                                <span>{pools.error ? t('wizard.tiers.codePoolUnavailable') : t('wizard.tiers.codePoolHelp')}</span>
                                <NewCodePool workspaceApi={ws.apiBase} onCreated={(pool) => { pools.reload(); form.setFieldValue(['tiers', field.name, 'reward', 'codePoolId'], pool.id); form.setFields([{ name: ['tiers', field.name, 'reward', 'codePoolId'], errors: [] }]); }} />
                              </Space>
                            }
                            rules={[{ required: true, message: t('wizard.errors.tiers_reward_codePoolId') }]}
                          >
                            <Select
                              loading={pools.loading}
                              placeholder={t('wizard.tiers.codePoolPlaceholder')}
                              notFoundContent={t('wizard.codePool.none')}
                              options={(pools.data?.pools ?? []).map((p) => ({ value: p.id, label: t('wizard.tiers.codePoolOption', { name: p.name, available: p.available }) }))}
                            />
                          </Form.Item>
                        ) : null}
                      </>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            {fields.length < TIERS_MAX && !lock.tierShape ? (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => {
                const tiers = (form.getFieldValue('tiers') as Array<{ target?: number }> | undefined) ?? [];
                const last = tiers[tiers.length - 1]?.target ?? 0;
                add({ target: last + 3, stock: 50, reward: { type: 'physical', name: '' } });
              }}>
                {t('wizard.tiers.add', { n: fields.length + 1 })}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </>
  );
}
