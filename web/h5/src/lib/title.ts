// The page title: WeChat shows it in its top bar, and uses it for the card when the page is shared
// from WeChat's menu.
import { useEffect } from 'preact/hooks';

export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
