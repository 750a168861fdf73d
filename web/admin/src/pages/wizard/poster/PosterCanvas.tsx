// The poster as the participant will see it, scaled down, with the avatar, nickname and QR boxes
// draggable (pointer or arrow keys) and resizable from their corner handle. Positions are design
// units (750 wide); everything on screen is units × scale.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { QRCode } from 'antd';
import { PictureOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PosterTemplate } from '../../../api/campaign-types.ts';
import { boxOf, clamp, FRAME_WIDTH, frameHeightOf, LIMITS, NICKNAME_LINE_HEIGHT, type Element } from './poster-geometry.ts';

interface Props {
  template: PosterTemplate;
  backgroundUrl: string | null;
  selected: Element;
  invalid: ReadonlySet<Element>;
  onSelect(el: Element): void;
  onChange(t: PosterTemplate): void;
  /** On-screen width of the frame in CSS pixels. */
  width?: number;
  maxHeight?: number;
}

interface DragState {
  el: Element;
  mode: 'move' | 'resize';
  startX: number;
  startY: number;
  start: PosterTemplate;
}

export const SAMPLE_QR_VALUE = 'https://example.com/h5/help/preview';
/** A participant's WeChat nickname, the same sample the server's preview draws (in every UI language:
 *  it stands for user text, and the two pictures must agree). */
export const SAMPLE_NICKNAME = '裂变小助手🎉';

export function PosterCanvas({ template: t, backgroundUrl, selected, invalid, onSelect, onChange, width = 300, maxHeight = 500 }: Props) {
  const { t: tr } = useTranslation();
  const frameH = frameHeightOf(t.background);
  const scale = Math.min(width / FRAME_WIDTH, maxHeight / frameH);
  const drag = useRef<DragState | null>(null);
  const px = (units: number) => units * scale;

  const moveTo = (base: PosterTemplate, el: Element, x: number, y: number): PosterTemplate => {
    const b = boxOf(base, el);
    const nx = Math.round(clamp(x, 0, FRAME_WIDTH - b.w));
    const ny = Math.round(clamp(y, 0, Math.floor(frameH) - b.h));
    return { ...base, [el]: { ...base[el], x: nx, y: ny } };
  };

  const resizeTo = (base: PosterTemplate, el: Element, grow: number): PosterTemplate => {
    const b = boxOf(base, el);
    if (el === 'nickname') {
      const w = Math.round(clamp(b.w + grow, LIMITS.nicknameWidth[0], FRAME_WIDTH - b.x));
      return { ...base, nickname: { ...base.nickname, maxWidth: w } };
    }
    const [min] = el === 'qr' ? LIMITS.qrSize : LIMITS.avatarSize;
    const size = Math.round(clamp(b.w + grow, min, Math.min(FRAME_WIDTH - b.x, Math.floor(frameH) - b.y)));
    return { ...base, [el]: { ...base[el], size } };
  };

  const onPointerDown = (el: Element, mode: DragState['mode']) => (e: PointerEvent<HTMLDivElement>) => {
    e.stopPropagation();
    e.preventDefault();
    onSelect(el);
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { el, mode, startX: e.clientX, startY: e.clientY, start: t };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = (e.clientX - d.startX) / scale;
    const dy = (e.clientY - d.startY) / scale;
    const b = boxOf(d.start, d.el);
    onChange(d.mode === 'move' ? moveTo(d.start, d.el, b.x + dx, b.y + dy) : resizeTo(d.start, d.el, d.el === 'nickname' ? dx : Math.max(dx, dy)));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const onKeyDown = (el: Element) => (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 10 : 1;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!delta) return;
    e.preventDefault();
    const b = boxOf(t, el);
    onChange(moveTo(t, el, b.x + delta[0]!, b.y + delta[1]!));
  };

  const boxStyle = (el: Element) => {
    const b = boxOf(t, el);
    return { left: px(b.x), top: px(b.y), width: px(b.w), height: px(b.h) };
  };
  const cls = (el: Element) => `poster-box${selected === el ? ' is-selected' : ''}${invalid.has(el) ? ' is-invalid' : ''}`;
  const handle = (el: Element) => <div className="poster-handle" onPointerDown={onPointerDown(el, 'resize')} onPointerMove={onPointerMove} onPointerUp={onPointerUp} aria-hidden />;
  const radius = t.avatar.shape === 'circle' ? '50%' : t.avatar.shape === 'rounded' ? '16%' : 0;

  return (
    <div className="poster-frame" style={{ width: px(FRAME_WIDTH), height: px(frameH) }} data-testid="poster-frame">
      {backgroundUrl ? (
        <img className="poster-bg" src={backgroundUrl} alt="" draggable={false} />
      ) : (
        <div className="poster-bg-empty">
          <PictureOutlined />
          <span>{tr('poster.noBackground')}</span>
        </div>
      )}
      {t.avatar.show ? (
        <div className={cls('avatar')} style={boxStyle('avatar')} tabIndex={0} role="button" aria-label={tr('poster.elements.avatar')} data-testid="poster-avatar"
          onPointerDown={onPointerDown('avatar', 'move')} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onKeyDown={onKeyDown('avatar')}>
          <div className="poster-avatar" style={{ borderRadius: radius }}><UserOutlined style={{ fontSize: px(t.avatar.size) * 0.5 }} /></div>
          {handle('avatar')}
        </div>
      ) : null}
      {t.nickname.show ? (
        <div className={cls('nickname')} style={boxStyle('nickname')} tabIndex={0} role="button" aria-label={tr('poster.elements.nickname')} data-testid="poster-nickname"
          onPointerDown={onPointerDown('nickname', 'move')} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onKeyDown={onKeyDown('nickname')}>
          <div className="poster-nickname" style={{ fontSize: px(t.nickname.fontSize), lineHeight: NICKNAME_LINE_HEIGHT, color: t.nickname.color, fontWeight: t.nickname.fontWeight === 'bold' ? 700 : 400, textAlign: t.nickname.align }}>
            {SAMPLE_NICKNAME}
          </div>
          {handle('nickname')}
        </div>
      ) : null}
      <div className={cls('qr')} style={boxStyle('qr')} tabIndex={0} role="button" aria-label={tr('poster.elements.qr')} data-testid="poster-qr"
        onPointerDown={onPointerDown('qr', 'move')} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onKeyDown={onKeyDown('qr')}>
        <QRCode value={SAMPLE_QR_VALUE} size={Math.max(24, Math.round(px(t.qr.size)))} bordered={false} bgColor="#ffffff" style={{ padding: 0 }} type="svg" />
        {handle('qr')}
      </div>
    </div>
  );
}
