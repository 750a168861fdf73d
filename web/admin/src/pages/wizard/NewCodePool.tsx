// A redeem-code pool made from the wizard: its name and the codes, one per line (POST code-pools,
// then …/codes). Without it an operator choosing "redeem code" had no pool to pick.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { CodePool } from '../../api/campaign-types.ts';
import { paths } from '../../lib/paths.ts';
import { localizeServerMessage } from '../../lib/server-messages.ts';

const CODE = /^[\x21-\x7e]{1,128}$/;

/** The lines of the textarea that hold a code, trimmed. */
export const codeLines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function NewCodePool({ workspaceApi, onCreated }: { workspaceApi: string; onCreated: (pool: CodePool) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; codes: string }>();

  const save = async () => {
    let v: { name: string; codes: string };
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields say what is wrong
    }
    setSaving(true);
    try {
      const pool = await api.post<CodePool>(paths.codePools(workspaceApi), { name: v.name.trim() });
      const up = await api.post<{ added: number; duplicates: number; pool: CodePool }>(`${paths.codePools(workspaceApi)}/${pool.id}/codes`, { codes: codeLines(v.codes) });
      message.success(t('wizard.codePool.created', { name: up.pool.name, n: up.added }));
      onCreated(up.pool);
      setOpen(false);
      form.resetFields();
    } catch (err) {
      const e = err as ApiError;
      const field = (p: string) => (p.includes('codes') ? 'codes' : 'name');
      if (e.fields.length) form.setFields(e.fields.map((f) => ({ name: field(f.path), errors: [localizeServerMessage(f.message)] })));
      else message.error(e.code === 'network' ? t('errors.network.title') : t('wizard.codePool.failed', { message: localizeServerMessage(e.message) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-code-pool">{t('wizard.codePool.new')}</Button>
      <Modal open={open} title={t('wizard.codePool.new')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={save} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} name="codePool" layout="vertical" requiredMark={false}>
          <Form.Item name="name" label={t('wizard.codePool.name')} rules={[{ required: true, whitespace: true, max: 50, message: t('wizard.codePool.nameError') }]}>
            <Input maxLength={50} placeholder={t('wizard.codePool.namePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="codes"
            label={t('wizard.codePool.codes')}
            extra={<Form.Item noStyle shouldUpdate>{() => <Typography.Text type="secondary">{t('wizard.codePool.codesHelp', { n: codeLines(form.getFieldValue('codes') ?? '').length })}</Typography.Text>}</Form.Item>}
            rules={[{
              validator: (_r, v: string | undefined) => {
                const lines = codeLines(v ?? '');
                if (!lines.length) return Promise.reject(new Error(t('wizard.codePool.codesRequired')));
                const bad = lines.findIndex((l) => !CODE.test(l));
                return bad < 0 ? Promise.resolve() : Promise.reject(new Error(t('wizard.codePool.badCode', { code: lines[bad]! })));
              },
            }]}
          >
            <Input.TextArea rows={8} placeholder={'VIP-2025-0001\nVIP-2025-0002'} className="mono-small" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
