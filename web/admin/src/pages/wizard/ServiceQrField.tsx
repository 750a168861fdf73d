// The customer-service QR image of a prize: upload one (stored by the server, shown to winners
// only) or paste the https URL of an image hosted elsewhere. The value is the contact's imageUrl.
import { useState } from 'react';
import { Button, Flex, Image, Input, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { uploadImage } from '../../api/upload-image.ts';
import { useWorkspace } from '../../app/workspace.ts';

const MAX_BYTES = 2 * 1024 * 1024;

interface Props {
  value?: string;
  onChange?: (v: string) => void;
  disabled?: boolean;
  id?: string;
}

export function ServiceQrField({ value, onChange, disabled, id }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const uploaded = !!value && value.startsWith('/api/admin/');

  const beforeUpload = async (file: File) => {
    setError(null);
    if (!/^image\/(jpeg|png|bmp)$/.test(file.type)) {
      setError(t('poster.upload.badType'));
      return false;
    }
    if (file.size > MAX_BYTES) {
      setError(t('poster.upload.tooBig', { mb: (file.size / 1024 / 1024).toFixed(1) }));
      return false;
    }
    setUploading(true);
    try {
      const img = await uploadImage<{ url: string }>(`${ws.apiBase}/service-qr-images`, file);
      onChange?.(img.url);
    } catch (err) {
      const e = err as ApiError;
      setError(e.code === 'network' ? t('errors.network.title') : t('poster.upload.failed', { message: e.fields[0]?.message ?? e.message }));
    } finally {
      setUploading(false);
    }
    return false;
  };

  return (
    <Flex gap={16} align="flex-start" data-testid="service-qr-field">
      {value ? <Image src={value} width={96} height={96} style={{ objectFit: 'contain', border: '1px solid #f0f0f0', borderRadius: 6 }} alt={t('wizard.tiers.contactQr')} /> : null}
      <Flex vertical gap={8} style={{ flex: 1, minWidth: 0 }}>
        <Upload accept="image/jpeg,image/png,image/bmp" showUploadList={false} beforeUpload={beforeUpload} disabled={disabled || uploading}>
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="service-qr-upload">{value ? t('wizard.tiers.contactQrReplace') : t('wizard.tiers.contactQrUpload')}</Button>
        </Upload>
        <Input
          id={id}
          placeholder={t('wizard.tiers.contactQrUrlPlaceholder')}
          value={uploaded ? '' : value}
          onChange={(e) => onChange?.(e.target.value)}
          disabled={disabled}
          allowClear
        />
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : <Typography.Text type="secondary">{uploaded ? t('wizard.tiers.contactQrUploaded') : t('wizard.tiers.contactQrHelp')}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
