// Workspace settings: GET/PATCH /api/admin/workspaces/:ws. WeCom, OA and Pay credentials; secrets
// come back masked and are only sent when the operator types a new one (or clears it).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fieldErrorMap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import type { WorkspaceView } from '../../api/types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ConnectionTest } from './ConnectionTest.tsx';
import { GENERATED, GROUPS, isSecret, randomToken, toFormValues, toPatch, type FormValues, type SecretField, type SettingsField } from './settings-fields.ts';

export default function SettingsPage() {
  const ws = useWorkspace();
  const res = useApi<WorkspaceView>(ws.apiBase);
  if (res.error && !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  if (!res.data) return <PageLoading />;
  return <SettingsForm key={res.data.id} view={res.data} onSaved={res.setData} canEdit={canAct(ws.role, 'owner')} canTest={canAct(ws.role, 'operator')} apiBase={ws.apiBase} />;
}

function SettingsForm({ view, onSaved, canEdit, canTest, apiBase }: { view: WorkspaceView; onSaved: (v: WorkspaceView) => void; canEdit: boolean; canTest: boolean; apiBase: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo(() => toFormValues(view), [view]);
  const [cleared, setCleared] = useState<Set<SecretField>>(new Set());
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const recomputeDirty = (nextCleared = cleared) => setDirty(Object.keys(toPatch(initial, form.getFieldsValue(true) as FormValues, nextCleared)).length > 0);

  const toggleClear = (f: SecretField) => {
    const next = new Set(cleared);
    if (next.has(f)) next.delete(f);
    else {
      next.add(f);
      form.setFieldValue(f, '');
    }
    setCleared(next);
    recomputeDirty(next);
  };

  const save = async (values: FormValues) => {
    const patch = toPatch(initial, values, cleared);
    if (!Object.keys(patch).length) {
      message.info(t('settings.nothingToSave'));
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const updated = await api.patch<WorkspaceView>(apiBase, patch);
      message.success({ content: t('settings.saved'), key: 'settings-saved' });
      setCleared(new Set());
      setDirty(false);
      onSaved(updated);
      form.setFieldsValue(toFormValues(updated));
    } catch (err) {
      const e = err as ApiError;
      if (e.code === 'validation_failed' && e.fields.length) {
        const byPath = fieldErrorMap(e);
        const known = new Set(Object.keys(initial));
        form.setFields([...byPath].filter(([p]) => known.has(p)).map(([p, msgs]) => ({ name: p, errors: msgs.map((m) => t(`settings.errors.${p as SettingsField}`, { defaultValue: m })) })));
        const unknown = [...byPath].filter(([p]) => !known.has(p));
        setFormError(unknown.length ? unknown.map(([p, m]) => `${p}: ${m.join('; ')}`).join('\n') : t('settings.fixFields'));
      } else if (e.status === 403) setFormError(t('settings.ownerOnly'));
      else if (e.code === 'network') setFormError(t('errors.network.title'));
      else setFormError(t('settings.saveFailed', { message: e.message }));
    } finally {
      setSaving(false);
    }
  };

  const secretInput = (f: SecretField) => {
    const mask = view.settings[f];
    const len = GENERATED[f];
    const isCleared = cleared.has(f);
    return (
      <Form.Item key={f} label={t(`settings.fields.${f}.label`)} extra={t(`settings.fields.${f}.help`)} htmlFor={`settings-${f}`}>
        <Space.Compact block>
          <Form.Item name={f} noStyle>
            <Input.Password
              id={`settings-${f}`}
              autoComplete="new-password"
              disabled={!canEdit || isCleared}
              placeholder={isCleared ? t('settings.secret.willClear') : mask ? t('settings.secret.placeholderSet', { mask }) : t('settings.secret.placeholderUnset')}
            />
          </Form.Item>
          {canEdit && len && !isCleared ? (
            <Button onClick={() => { form.setFieldValue(f, randomToken(len)); form.setFields([{ name: f, errors: [] }]); recomputeDirty(); }}>
              {t('settings.secret.generate')}
            </Button>
          ) : null}
          {canEdit && mask ? (
            <Button danger={!isCleared} onClick={() => toggleClear(f)}>
              {isCleared ? t('settings.secret.undoClear') : t('settings.secret.clear')}
            </Button>
          ) : null}
        </Space.Compact>
      </Form.Item>
    );
  };

  const plainInput = (f: Exclude<(typeof GROUPS)[number]['fields'][number], SecretField>) => (
    <Form.Item key={f} name={f} label={t(`settings.fields.${f}.label`)} extra={t(`settings.fields.${f}.help`)}>
      {f === 'wecomAgentId' ? <InputNumber style={{ width: '100%' }} min={1} precision={0} controls={false} /> : <Input allowClear />}
    </Form.Item>
  );

  return (
    <div className="page page-narrow">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {!canEdit ? <Alert type="info" showIcon title={t('settings.ownerOnly')} style={{ marginBottom: 16 }} /> : null}
      {canTest ? <ConnectionTest apiBase={apiBase} dirty={dirty} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save}
        onValuesChange={() => recomputeDirty()}
        disabled={!canEdit}
        requiredMark={false}
        scrollToFirstError={{ block: 'center' }}
      >
        <Card title={t('settings.groups.basic.title')} className="settings-card" size="small">
          <Row gutter={24}>
            <Col span={12}>
              <Form.Item name="name" label={t('settings.fields.name.label')} rules={[{ required: true, whitespace: true, message: t('settings.errors.name') }]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="useSandbox" label={t('settings.fields.useSandbox.label')} valuePropName="checked" extra={t('settings.fields.useSandbox.help')}>
                <Switch checkedChildren={t('settings.sandboxOn')} unCheckedChildren={t('settings.sandboxOff')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {GROUPS.map((g) => (
          <Card key={g.key} title={t(`settings.groups.${g.key}.title`)} extra={<Typography.Text type="secondary">{t(`settings.groups.${g.key}.where`)}</Typography.Text>} className="settings-card" size="small">
            {g.callback ? (
              <div className="callback-url">
                <Typography.Text strong>{t(`settings.callback.${g.callback}`)}</Typography.Text>
                <Typography.Text code copyable={{ text: view.callbackUrls[g.callback], tooltips: [t('common.copy'), t('common.copied')] }} data-testid={`callback-${g.callback}`}>
                  {view.callbackUrls[g.callback]}
                </Typography.Text>
                <Typography.Text type="secondary">{t('settings.callback.help')}</Typography.Text>
              </div>
            ) : null}
            <Row gutter={24}>
              {g.fields.map((f) => (
                <Col span={12} key={f}>
                  {isSecret(f) ? secretInput(f) : plainInput(f)}
                </Col>
              ))}
            </Row>
          </Card>
        ))}
        {canEdit ? (
          <div className="save-bar">
            {formError ? <Alert type="error" showIcon title={formError} className="save-bar-error" data-testid="settings-error" /> : <Typography.Text type="secondary">{dirty ? t('settings.unsaved') : t('settings.allSaved')}</Typography.Text>}
            <Space>
              <Button disabled={!dirty || saving} onClick={() => { form.resetFields(); setCleared(new Set()); setDirty(false); setFormError(null); }}>{t('settings.discard')}</Button>
              <Button type="primary" htmlType="submit" loading={saving}>{t('common.save')}</Button>
            </Space>
          </div>
        ) : null}
      </Form>
    </div>
  );
}
