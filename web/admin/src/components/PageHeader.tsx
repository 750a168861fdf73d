import type { ReactNode } from 'react';
import { Typography } from 'antd';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** Shown above the title, e.g. a back link. */
  back?: ReactNode;
}

export function PageHeader({ title, subtitle, extra, back }: Props) {
  return (
    <div className="page-header">
      <div className="page-header-main">
        {back ? <div className="page-header-back">{back}</div> : null}
        <Typography.Title level={4} className="page-header-title">{title}</Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  );
}
