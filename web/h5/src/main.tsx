// Entry of the participant pages: take the link's token out of the address bar, start the data
// request for the page at once (it overlaps with the download of the page's code), render.
import { render } from 'preact';
import './styles.css';
import { App } from './App.tsx';
import { captureLinkTokens } from './lib/identity.ts';
import { prefetch } from './lib/loaders.ts';
import { parseRoute } from './lib/router.ts';

const route = parseRoute(location.pathname);
if (route.name !== 'not_found') captureLinkTokens(route.cid);
prefetch(route);
render(<App />, document.getElementById('app')!);
