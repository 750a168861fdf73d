// My poster: the image in a box of its known shape (nothing moves when it arrives), how to share
// it in WeChat (long-press: save or send), and my help link to copy.
import { useState } from 'preact/hooks';
import { CopyButton } from '../components/CopyButton.tsx';
import { Icon } from '../components/Icon.tsx';
import { Loading } from '../components/Loading.tsx';
import { MeError } from '../components/MeError.tsx';
import { TabBar } from '../components/TabBar.tsx';
import { hasIdentity, useLoad } from '../lib/load.ts';
import { loadMe, loadPoster } from '../lib/loaders.ts';
import { useTitle } from '../lib/title.ts';
import type { MyPage, PosterInfo } from '../lib/types.ts';

// The recommended poster size (seed 000 §4): the box has this shape until the server says otherwise.
const DEFAULT_POSTER = { width: 750, height: 1334 };

export default function PosterPage({ cid }: { cid: number }) {
  const data = useLoad((fresh) => Promise.all([loadMe(cid, fresh), loadPoster(cid, fresh)]), [cid]);
  useTitle('我的专属海报');
  return (
    <div class="page has-tabbar" data-testid="poster-page">
      {data.state === 'loading' ? (
        <PosterView cid={cid} my={null} poster={null} />
      ) : data.state === 'error' ? (
        <MeError cid={cid} error={data.error} onRetry={data.reload} />
      ) : (
        <PosterView cid={cid} my={data.data[0]} poster={data.data[1]} />
      )}
      {hasIdentity(data) && <TabBar cid={cid} current="poster" />}
    </div>
  );
}

function PosterView({ cid, my, poster }: { cid: number; my: MyPage | null; poster: PosterInfo | null }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);
  const shape = poster ?? DEFAULT_POSTER;
  const ended = my !== null && my.campaign.status === 'ended';
  return (
    <main class="content">
      <h1 class="sr-only">我的专属海报</h1>
      <div class="share-hint" data-testid="share-hint">
        <Icon name="image" size={20} />
        <p>
          <b>长按海报</b>,发送给朋友或保存到相册
        </p>
      </div>
      {ended && <p class="notice" data-testid="poster-ended">活动已结束,好友扫码将不再计入助力。</p>}
      <div class="poster-frame">
        <div class={`poster-box is-${state}`} style={{ paddingTop: `${(shape.height / shape.width) * 100}%` }} data-testid="poster-box">
          {poster && (
            <img
              key={attempt}
              class="poster-img"
              src={attempt ? `${poster.url}${poster.url.includes('?') ? '&' : '?'}retry=${attempt}` : poster.url}
              width={shape.width}
              height={shape.height}
              alt="我的专属海报"
              data-testid="poster-img"
              onLoad={() => setState('loaded')}
              onError={() => setState('failed')}
            />
          )}
          {state !== 'loaded' && (
            <div class="poster-placeholder" aria-live="polite">
              {state === 'failed' ? (
                <>
                  <p>海报加载失败</p>
                  <button type="button" class="btn btn-small btn-outline" onClick={() => { setState('loading'); setAttempt((n) => n + 1); }} data-testid="poster-retry">
                    重新加载
                  </button>
                </>
              ) : (
                <p>海报生成中…</p>
              )}
            </div>
          )}
        </div>
      </div>
      <p class="poster-after">好友识别海报二维码、添加企业微信,即为你助力成功</p>
      {my && (
        <div class="card card-row">
          <div class="link-text">
            <span class="muted">也可以复制助力链接发给好友</span>
          </div>
          <CopyButton text={my.helpUrl} label="复制链接" testId="copy-help-link" />
        </div>
      )}
    </main>
  );
}
