// The participant's own pages, one tap apart, fixed at the bottom where a thumb reaches.
import { hrefOf, type MeTab } from '../lib/router.ts';
import { Icon, type IconName } from './Icon.tsx';
import { Link } from './Link.tsx';

const TABS: Array<{ tab: MeTab; label: string; icon: IconName }> = [
  { tab: 'home', label: '活动', icon: 'home' },
  { tab: 'poster', label: '海报', icon: 'image' },
  { tab: 'progress', label: '助力', icon: 'people' },
  { tab: 'rank', label: '排行', icon: 'trophy' },
];

export function TabBar({ cid, current }: { cid: number; current: MeTab | null }) {
  return (
    <nav class="tabbar" aria-label="我的活动">
      {TABS.map((t) => (
        <Link key={t.tab} href={hrefOf({ name: 'me', cid, tab: t.tab })} class={`tab${t.tab === current ? ' tab-current' : ''}`} testId={`tab-${t.tab}`}>
          <Icon name={t.icon} size={22} />
          <span>{t.label}</span>
        </Link>
      ))}
    </nav>
  );
}
