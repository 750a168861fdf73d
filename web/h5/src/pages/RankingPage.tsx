// The leaderboard: the top inviters by valid helps, and where I stand.
import { Avatar } from '../components/Avatar.tsx';
import { Loading } from '../components/Loading.tsx';
import { MeError } from '../components/MeError.tsx';
import { TabBar } from '../components/TabBar.tsx';
import { hasIdentity, useLoad } from '../lib/load.ts';
import { loadRanking } from '../lib/loaders.ts';
import { useTitle } from '../lib/title.ts';
import type { Ranking } from '../lib/types.ts';

export default function RankingPage({ cid }: { cid: number }) {
  const r = useLoad((fresh) => loadRanking(cid, fresh), [cid]);
  useTitle('助力排行榜');
  return (
    <div class="page has-tabbar" data-testid="ranking-page">
      {r.state === 'loading' ? <Loading /> : r.state === 'error' ? <MeError cid={cid} error={r.error} onRetry={r.reload} /> : <Board ranking={r.data} />}
      {hasIdentity(r) && <TabBar cid={cid} current="rank" />}
    </div>
  );
}

function Board({ ranking }: { ranking: Ranking }) {
  return (
    <main class="content">
      <section class="card card-me my-rank" data-testid="my-rank">
        {ranking.me ? (
          <p>
            我的排名 <b class="big">第 {ranking.me.rank} 名</b>
            <span class="muted"> · {ranking.me.validHelps} 位好友助力</span>
          </p>
        ) : (
          <p>暂未上榜,邀请好友助力即可上榜</p>
        )}
      </section>
      <section class="card">
        <h2 class="card-title">助力排行榜</h2>
        {ranking.top.length === 0 ? (
          <p class="empty">还没有人上榜,快来抢第一!</p>
        ) : (
          <ol class="people ranking" data-testid="ranking">
            {ranking.top.map((p, i) => (
              <li key={i} class={`person${p.isMe ? ' is-me' : ''}`} data-testid="rank-row">
                <span class={`rank rank-${p.rank <= 3 ? p.rank : 'n'}`}>{p.rank}</span>
                <Avatar src={p.avatar} size={36} />
                <div class="person-main">
                  <div class="person-name" data-testid="rank-name">
                    {p.nickname || '微信用户'}
                    {p.isMe && <span class="tag tag-warn">我</span>}
                  </div>
                </div>
                <span class="rank-count">
                  <b>{p.validHelps}</b> 人助力
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
