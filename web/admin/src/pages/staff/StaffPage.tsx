// Staff (WeCom members whose contact ways take new friends) and corp tags, as campaigns use them.
// GET/PUT /staff, PUT /staff/:userid, GET/PUT /corp-tags.
import { useState } from 'react';
import { Alert, App, Avatar, Button, Card, Form, Input, Modal, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, SyncOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fieldErrorMap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import type { CorpTag, StaffMember } from '../../api/campaign-types.ts';
import { canAct, useWorkspace } from '../../app/workspace.ts';
import { paths } from '../../lib/paths.ts';
import { formatTime } from '../../lib/time.ts';
import { localizeServerMessage } from '../../lib/server-messages.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';

interface StaffForm {
  userid: string;
  name: string;
  avatar: string;
  active: boolean;
}

export default function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ws = useWorkspace();
  const [pulling, setPulling] = useState(false);
  // Bumped after a sync so both tables load again.
  const [generation, setGeneration] = useState(0);

  const pull = async () => {
    setPulling(true);
    try {
      const r = await api.post<{ staff: { upserted: number; deactivated: number }; tags: { upserted: number; deactivated: number }; customers: { pullId: number } | null }>(paths.directoryPull(ws.apiBase));
      message.success([
        t('staff.pulled', { staff: r.staff.upserted, tags: r.tags.upserted }),
        ...(r.staff.deactivated ? [t('staff.pulledDeactivated', { n: r.staff.deactivated })] : []),
        ...(r.customers ? [t('staff.pulledCustomers')] : []),
      ].join(';'));
      setGeneration((n) => n + 1);
    } catch (err) {
      const e = err as ApiError;
      message.error(e.code === 'network' ? t('errors.network.title') : e.code === 'conflict' ? t('staff.pullNoCredentials') : t('staff.pullFailed', { message: localizeServerMessage(e.message) }));
    } finally {
      setPulling(false);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        extra={canAct(ws.role, 'operator') ? <Button icon={<SyncOutlined />} loading={pulling} onClick={pull} data-testid="directory-pull">{t('staff.pull')}</Button> : null}
      />
      <Tabs items={[{ key: 'staff', label: t('staff.tabs.staff'), children: <StaffTable key={generation} /> }, { key: 'tags', label: t('staff.tabs.tags'), children: <TagTable key={generation} /> }]} />
    </div>
  );
}

interface DirectoryView {
  customers: number;
  lastPull: { status: 'queued' | 'running' | 'done' | 'failed'; friendships: number; error: string | null; createdAt: string } | null;
}

/** How many customers the directory knows and how its last pull went (GET …/customers). */
function CustomerDirectory() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const res = useApi<DirectoryView>(paths.customers(ws.apiBase));
  if (!res.data) return null;
  const p = res.data.lastPull;
  const last = p ? t('staff.customers.last', { time: formatTime(p.createdAt), status: t(`staff.customers.status.${p.status}`, { n: p.friendships, error: p.error ?? '' }) }) : t('staff.customers.never');
  return (
    <Typography.Paragraph type="secondary" data-testid="customer-directory" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('staff.customers.label')}</Typography.Text>{t('staff.customers.count', { n: res.data.customers })} · {last}
      <br />
      {t('staff.customers.help')}
    </Typography.Paragraph>
  );
}

function StaffTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ws = useWorkspace();
  const res = useApi<{ staff: StaffMember[] }>(paths.staff(ws.apiBase));
  const canEdit = canAct(ws.role, 'operator');
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [form] = Form.useForm<StaffForm>();
  const [saving, setSaving] = useState(false);

  if (res.error && !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;

  const open = (s: StaffMember | 'new') => {
    setEditing(s);
    form.resetFields();
    form.setFieldsValue(s === 'new' ? { userid: '', name: '', avatar: '', active: true } : { userid: s.userid, name: s.name, avatar: s.avatar ?? '', active: s.active });
  };

  const save = async (v: StaffForm) => {
    setSaving(true);
    try {
      await api.put(`${paths.staff(ws.apiBase)}/${encodeURIComponent(v.userid.trim())}`, { name: v.name.trim(), avatar: v.avatar.trim() || null, active: v.active });
      message.success(t('staff.saved'));
      setEditing(null);
      res.reload();
    } catch (err) {
      const e = err as ApiError;
      if (e.fields.length) {
        const byPath = fieldErrorMap(e);
        form.setFields([...byPath].map(([p, m]) => ({ name: (p.startsWith('params.') ? p.slice(7) : p) as keyof StaffForm, errors: m.map(localizeServerMessage) })));
      } else message.error(e.code === 'network' ? t('errors.network.title') : localizeServerMessage(e.message));
    } finally {
      setSaving(false);
    }
  };

  const staff = res.data?.staff ?? [];
  return (
    <Card size="small" className="table-card">
      <div className="table-toolbar">
        <Typography.Text type="secondary">{t('staff.count', { active: staff.filter((s) => s.active).length, total: staff.length })}</Typography.Text>
        {canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('staff.add')}</Button> : null}
      </div>
      <Alert type="info" showIcon title={t('staff.syncNote')} style={{ marginBottom: 12 }} />
      <CustomerDirectory />
      <Table<StaffMember>
        size="small"
        rowKey="userid"
        loading={res.loading}
        dataSource={staff}
        pagination={staff.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('staff.empty')}</Typography.Text> }}
        columns={[
          { title: t('staff.columns.name'), render: (_v, s) => <span className="cell-person"><Avatar size={28} src={s.avatar ?? undefined} icon={<UserOutlined />} />{s.name}</span> },
          { title: t('staff.userid'), dataIndex: 'userid', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('staff.columns.status'), width: 140, render: (_v, s) => (s.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>) },
          { title: t('staff.columns.updated'), width: 180, render: (_v, s) => formatTime(s.updatedAt) },
          ...(canEdit ? [{ title: t('common.actions'), width: 100, render: (_v: unknown, s: StaffMember) => <Button type="link" size="small" icon={<EditOutlined />} onClick={() => open(s)}>{t('staff.edit')}</Button> }] : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('staff.add') : t('staff.edit')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<StaffForm> form={form} layout="vertical" onFinish={save} requiredMark={false}>
          <Form.Item name="userid" label={t('staff.userid')} extra={t('staff.useridHelp')} rules={[{ required: true, pattern: /^[A-Za-z0-9_@.-]{1,64}$/, message: t('serverMessages.userid') }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t('staff.columns.name')} rules={[{ required: true, whitespace: true, max: 64, message: t('staff.nameRequired') }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="avatar" label={t('staff.avatar')} rules={[{ pattern: /^(https?:\/\/\S+)?$/, message: t('serverMessages.imageUrl') }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="active" label={t('staff.columns.status')} valuePropName="checked" extra={t('staff.activeHelp')}>
            <Switch checkedChildren={t('staff.active')} unCheckedChildren={t('staff.inactive')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function TagTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ws = useWorkspace();
  const res = useApi<{ tags: CorpTag[] }>(paths.corpTags(ws.apiBase));
  const canEdit = canAct(ws.role, 'operator');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ tagId: string; name: string; groupName: string }>();

  if (res.error && !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  const tags = res.data?.tags ?? [];

  const add = async (v: { tagId: string; name: string; groupName: string }) => {
    // The API replaces the whole list: send the active tags plus the new one.
    const list = tags.filter((x) => x.active && x.tagId !== v.tagId.trim()).map(({ tagId, name, groupName }) => ({ tagId, name, groupName }));
    try {
      await api.put(paths.corpTags(ws.apiBase), { tags: [...list, { tagId: v.tagId.trim(), name: v.name.trim(), groupName: v.groupName.trim() }] });
      message.success(t('staff.tagSaved'));
      setAdding(false);
      form.resetFields();
      res.reload();
    } catch (err) {
      const e = err as ApiError;
      message.error(e.code === 'network' ? t('errors.network.title') : e.fields.map((f) => localizeServerMessage(f.message)).join(';') || localizeServerMessage(e.message));
    }
  };

  return (
    <Card size="small" className="table-card">
      <div className="table-toolbar">
        <Typography.Text type="secondary">{t('staff.tagCount', { n: tags.filter((x) => x.active).length })}</Typography.Text>
        {canEdit ? <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('staff.addTag')}</Button> : null}
      </div>
      <Table<CorpTag>
        size="small"
        rowKey="tagId"
        loading={res.loading}
        dataSource={tags}
        pagination={tags.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('staff.tagsEmpty')}</Typography.Text> }}
        columns={[
          { title: t('staff.tagColumns.group'), dataIndex: 'groupName', render: (v: string) => v || <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
          { title: t('staff.tagColumns.name'), dataIndex: 'name' },
          { title: t('staff.tagColumns.id'), dataIndex: 'tagId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('staff.columns.status'), width: 140, render: (_v, x) => (x.active ? <Tag color="green">{t('staff.tagActive')}</Tag> : <Tag>{t('staff.tagInactive')}</Tag>) },
        ]}
      />
      <Modal open={adding} title={t('staff.addTag')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add} requiredMark={false} initialValues={{ tagId: '', name: '', groupName: '' }}>
          <Form.Item name="tagId" label={t('staff.tagColumns.id')} rules={[{ required: true, pattern: /^\S{1,64}$/, message: t('staff.tagIdRequired') }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('staff.tagColumns.name')} rules={[{ required: true, whitespace: true, max: 64, message: t('staff.nameRequired') }]}><Input maxLength={64} /></Form.Item>
          <Form.Item name="groupName" label={t('staff.tagColumns.group')}><Input maxLength={64} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
