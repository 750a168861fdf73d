// A WeCom QR code to long-press ("识别图中二维码" in WeChat), in a fixed square so nothing moves
// when it loads.
import { useState } from 'preact/hooks';

export function QrCard({ url, caption, testId }: { url: string; caption: string; testId?: string }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <figure class="qr" data-testid={testId}>
      <div class={`qr-box${loaded ? ' is-loaded' : ''}`}>
        <img src={url} alt="二维码" width={200} height={200} decoding="async" onLoad={() => setLoaded(true)} />
      </div>
      <figcaption class="qr-caption">{caption}</figcaption>
    </figure>
  );
}
