// Copies a text (a redeem code, a link) and says so. The text itself stays selectable, for
// browsers that refuse the clipboard.
import { useEffect, useState } from 'preact/hooks';

async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection way (older WeChat webviews).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyButton({ text, label = '复制', testId }: { text: string; label?: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button type="button" class={`btn btn-small ${state === 'done' ? 'btn-done' : 'btn-outline'}`} data-testid={testId} onClick={async () => setState((await copy(text)) ? 'done' : 'failed')}>
      <span aria-live="polite">{state === 'done' ? '已复制' : state === 'failed' ? '请长按文字复制' : label}</span>
    </button>
  );
}
