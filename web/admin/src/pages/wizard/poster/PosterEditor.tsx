// Step 4 of the wizard: upload the background, place the avatar, nickname and QR code, and see the
// server's own rendering of the result (the same renderer participants' posters come from).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, ColorPicker, Flex, Form, Image, InputNumber, Segmented, Space, Spin, Switch, Typography, Upload } from 'antd';
import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PosterTemplate } from '../../../api/campaign-types.ts';
import { ApiError } from '../../../api/client.ts';
import { PosterCanvas } from './PosterCanvas.tsx';
import { boxOf, clamp, fitToFrame, FRAME_WIDTH, frameHeightOf, LIMITS, posterProblems, type Element } from './poster-geometry.ts';
import { defaultBackgroundUrl, uploadBackground, usePosterPreview } from './poster-api.ts';
import type { PosterOffer } from '../wizard-form.ts';
import { localizeServerMessage } from '../../../lib/server-messages.ts';

interface Props {
  value: PosterTemplate;
  onChange(t: PosterTemplate): void;
  workspaceApi: string;
  /** Server field errors under `poster.` (path without the prefix). */
  fieldErrors: ReadonlyMap<string, string[]>;
  /** The first tier's offer, which posters without an uploaded background show. */
  offer: PosterOffer | null;
  disabled?: boolean;
}

const MAX_BYTES = 2 * 1024 * 1024;
const PREVIEW_WIDTH = 200;

export function PosterEditor({ value: t, onChange, workspaceApi, fieldErrors, offer, disabled }: Props) {
  const { t: tr } = useTranslation();
  const [selected, setSelected] = useState<Element>('qr');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const problems = useMemo(() => posterProblems(t), [t]);
  const invalid = useMemo(() => new Set(problems.map((p) => p.element)), [problems]);
  const preview = usePosterPreview(workspaceApi, t, offer);
  const frameH = Math.floor(frameHeightOf(t.background));
  const backgroundUrl = t.background ? `${workspaceApi}/poster-backgrounds/${encodeURIComponent(t.background.imageId)}` : offer ? defaultBackgroundUrl(workspaceApi, offer) : null;

  const set = <K extends Element>(el: K, patch: Partial<PosterTemplate[K]>) => onChange({ ...t, [el]: { ...t[el], ...patch } });

  const beforeUpload = async (file: File) => {
    setUploadError(null);
    if (!/^image\/(jpeg|png|bmp)$/.test(file.type)) {
      setUploadError(tr('poster.upload.badType'));
      return false;
    }
    if (file.size > MAX_BYTES) {
      setUploadError(tr('poster.upload.tooBig', { mb: (file.size / 1024 / 1024).toFixed(1) }));
      return false;
    }
    setUploading(true);
    try {
      const bg = await uploadBackground(workspaceApi, file);
      onChange(fitToFrame({ ...t, background: { imageId: bg.id, width: bg.width, height: bg.height } }));
    } catch (err) {
      const e = err as ApiError;
      setUploadError(e.code === 'network' ? tr('errors.network.title') : tr('poster.upload.failed', { message: localizeServerMessage(e.fields[0]?.message ?? e.message) }));
    } finally {
      setUploading(false);
    }
    return false;
  };

  useEffect(() => {
    // A server error on a field selects its element, so the operator sees where it is.
    const first = [...fieldErrors.keys()][0]?.split('.')[0];
    if (first === 'avatar' || first === 'nickname' || first === 'qr') setSelected(first);
  }, [fieldErrors]);

  const b = boxOf(t, selected);
  // Sizes and positions are poster pixels (the 750-wide frame participants get).
  const num = (label: string, v: number, min: number, max: number, onValue: (n: number) => void, path: string) => (
    <Form.Item label={label} style={{ flex: 1, marginBottom: 12 }} validateStatus={fieldErrors.has(`${selected}.${path}`) ? 'error' : undefined} help={fieldErrors.get(`${selected}.${path}`)?.join(';')}>
      <InputNumber value={v} min={min} max={max} precision={0} style={{ width: '100%' }} suffix="px" onChange={(n) => n !== null && onValue(clamp(n, min, max))} aria-label={label} />
    </Form.Item>
  );

  const serverErrors = [...fieldErrors].filter(([p]) => !p.includes('.') || p.startsWith('background'));

  return (
    <div className="poster-editor">
      <div className="poster-stage">
        <PosterCanvas template={t} backgroundUrl={backgroundUrl} selected={selected} invalid={invalid} onSelect={setSelected} onChange={disabled ? () => undefined : onChange} />
        <Typography.Text type="secondary" className="poster-hint">{tr('poster.dragHint')}</Typography.Text>
      </div>
      <div className="poster-panel">
        <div className="poster-settings">
          <Card size="small" title={tr('poster.background')} className="poster-card">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Upload accept="image/jpeg,image/png,image/bmp" showUploadList={false} beforeUpload={beforeUpload} disabled={disabled || uploading}>
                <Button icon={<UploadOutlined />} loading={uploading}>{t.background ? tr('poster.upload.replace') : tr('poster.upload.button')}</Button>
              </Upload>
              <Typography.Text type="secondary">{tr('poster.upload.help')}</Typography.Text>
              <Typography.Text type="secondary" data-testid="poster-background-note">
                {t.background ? tr('poster.upload.current', { w: t.background.width, h: t.background.height }) : tr('poster.upload.usingDefault')}
              </Typography.Text>
              {uploadError ? <Alert type="error" showIcon title={uploadError} /> : null}
            </Space>
          </Card>
          <Card size="small" className="poster-card" title={
            <Segmented<Element> value={selected} onChange={setSelected} options={(['avatar', 'nickname', 'qr'] as const).map((el) => ({ value: el, label: tr(`poster.elements.${el}`) }))} />
          }>
            <Form component={false} layout="vertical" disabled={disabled} size="small">
              {selected === 'avatar' ? (
                <>
                  <Form.Item label={tr('poster.show')} style={{ marginBottom: 12 }}><Switch checked={t.avatar.show} onChange={(show) => set('avatar', { show })} aria-label={tr('poster.show')} /></Form.Item>
                  <Form.Item label={tr('poster.shape')} style={{ marginBottom: 12 }}>
                    <Segmented value={t.avatar.shape} onChange={(shape) => set('avatar', { shape })} options={(['circle', 'rounded', 'square'] as const).map((s) => ({ value: s, label: tr(`poster.shapes.${s}`) }))} />
                  </Form.Item>
                  {num(tr('poster.size'), t.avatar.size, LIMITS.avatarSize[0], FRAME_WIDTH, (size) => set('avatar', { size }), 'size')}
                </>
              ) : null}
              {selected === 'nickname' ? (
                <>
                  <Form.Item label={tr('poster.show')} style={{ marginBottom: 12 }}><Switch checked={t.nickname.show} onChange={(show) => set('nickname', { show })} aria-label={tr('poster.show')} /></Form.Item>
                  <Flex gap={12}>
                    {num(tr('poster.fontSize'), t.nickname.fontSize, LIMITS.fontSize[0], LIMITS.fontSize[1], (fontSize) => set('nickname', { fontSize }), 'fontSize')}
                    {num(tr('poster.width'), t.nickname.maxWidth, LIMITS.nicknameWidth[0], FRAME_WIDTH, (maxWidth) => set('nickname', { maxWidth }), 'maxWidth')}
                  </Flex>
                  <Flex gap={12} wrap>
                    <Form.Item label={tr('poster.color')} style={{ marginBottom: 12 }}>
                      <ColorPicker value={t.nickname.color} disabledAlpha onChangeComplete={(c) => set('nickname', { color: c.toHexString().slice(0, 7) })} showText />
                    </Form.Item>
                    <Form.Item label={tr('poster.weight')} style={{ marginBottom: 12 }}>
                      <Segmented value={t.nickname.fontWeight} onChange={(fontWeight) => set('nickname', { fontWeight })} options={(['regular', 'bold'] as const).map((w) => ({ value: w, label: tr(`poster.weights.${w}`) }))} />
                    </Form.Item>
                    <Form.Item label={tr('poster.align')} style={{ marginBottom: 12 }}>
                      <Segmented value={t.nickname.align} onChange={(align) => set('nickname', { align })} options={(['left', 'center', 'right'] as const).map((a) => ({ value: a, label: tr(`poster.aligns.${a}`) }))} />
                    </Form.Item>
                  </Flex>
                </>
              ) : null}
              {selected === 'qr' ? num(tr('poster.size'), t.qr.size, LIMITS.qrSize[0], FRAME_WIDTH, (size) => set('qr', { size }), 'size') : null}
              <Flex gap={12}>
                {num('X', t[selected].x, 0, FRAME_WIDTH - b.w, (x) => set(selected, { x }), 'x')}
                {num('Y', t[selected].y, 0, Math.max(0, frameH - b.h), (y) => set(selected, { y }), 'y')}
              </Flex>
            </Form>
            {problems.length ? (
              <Alert type="warning" showIcon title={problems.map((p) => tr(`poster.problems.${p.kind}`, { element: tr(`poster.elements.${p.element}`) })).join(';')} />
            ) : null}
            {serverErrors.length ? <Alert type="error" showIcon title={serverErrors.map(([, m]) => m.join(';')).join(';')} style={{ marginTop: 8 }} /> : null}
          </Card>
        </div>
        <Card size="small" className="poster-card poster-preview-card" title={tr('poster.preview.title')}
          extra={<Button size="small" type="text" icon={<ReloadOutlined />} onClick={preview.refresh} aria-label={tr('common.refresh')} />}>
          <div className="poster-preview">
            {preview.state === 'error' ? (
              <Alert type="error" showIcon title={preview.error ? localizeServerMessage(preview.error) : tr('poster.preview.failed')} />
            ) : (
              <Spin spinning={preview.state === 'loading' || preview.state === 'idle'}>
                {preview.url ? <Image src={preview.url} alt={tr('poster.preview.title')} width={PREVIEW_WIDTH} data-testid="poster-preview" /> : <div className="poster-preview-blank" style={{ width: PREVIEW_WIDTH, height: Math.round((PREVIEW_WIDTH * frameH) / FRAME_WIDTH) }} />}
              </Spin>
            )}
            <Typography.Paragraph type="secondary" className="poster-preview-help">{tr('poster.preview.help')}</Typography.Paragraph>
          </div>
        </Card>
      </div>
    </div>
  );
}
