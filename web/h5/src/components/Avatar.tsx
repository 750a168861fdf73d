// A WeChat avatar in a fixed box (no layout shift), falling back to a neutral figure when the
// person has none or the image does not load. Names are never put in markup.
import { useState } from 'preact/hooks';
import { Icon } from './Icon.tsx';

export function Avatar({ src, size = 40 }: { src: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  const box = { width: `${size}px`, height: `${size}px` };
  if (!src || broken) {
    return (
      <span class="avatar avatar-empty" style={box} aria-hidden="true">
        <Icon name="user" size={Math.round(size * 0.6)} />
      </span>
    );
  }
  return <img class="avatar" style={box} src={src} alt="" width={size} height={size} loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => setBroken(true)} />;
}
