// Time left until the campaign starts or ends, ticking each second; tells the page when it is up.
import { useEffect, useState } from 'preact/hooks';
import { pad2, remaining } from '../lib/format.ts';

export function Countdown({ until, label, onDone }: { until: string; label: string; onDone?: () => void }) {
  const [left, setLeft] = useState(() => remaining(until));
  useEffect(() => {
    const timer = setInterval(() => {
      const r = remaining(until);
      setLeft(r);
      if (!r) {
        clearInterval(timer);
        onDone?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (!left) return null;
  return (
    <div class="countdown" data-testid="countdown" aria-label={`${label}${left.days}天${left.hours}小时${left.minutes}分`}>
      <span class="countdown-label">{label}</span>
      {left.days > 0 && (
        <>
          <b class="countdown-cell">{left.days}</b>天
        </>
      )}
      <b class="countdown-cell">{pad2(left.hours)}</b>:<b class="countdown-cell">{pad2(left.minutes)}</b>:<b class="countdown-cell">{pad2(left.seconds)}</b>
    </div>
  );
}
