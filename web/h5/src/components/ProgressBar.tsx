// Helps so far against the next tier's target.
export function ProgressBar({ count, target }: { count: number; target: number }) {
  const pct = target > 0 ? Math.min(100, Math.round((count / target) * 100)) : 100;
  return (
    <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={target} aria-valuenow={Math.min(count, target)}>
      <div class="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
