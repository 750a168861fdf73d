// What a page shows while its data or code is on the way: a quiet placeholder of the page's shape
// (no jumping spinner in the middle of an empty screen).
export function Loading({ label = '加载中…' }: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <div class="skeleton skeleton-hero" />
      <div class="skeleton skeleton-line" />
      <div class="skeleton skeleton-line short" />
      <span class="sr-only">{label}</span>
    </div>
  );
}
