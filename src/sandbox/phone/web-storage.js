// In WeChat every user has their own phone, so what a web page keeps in localStorage (an H5 page's
// sign-in, say) belongs to the person who opened it. Here one browser plays many people: the keys
// that pages in the in-phone browser write are put on a shelf under their person when someone else
// picks up the phone, and put back when that person holds it again. Pages of another origin keep
// their own storage, out of the phone's reach.

const SHELF = 'fission-sandbox-phone-web-storage';

function readShelf() {
  try {
    const s = JSON.parse(localStorage.getItem(SHELF) ?? '');
    return { people: s.people ?? {}, current: s.current ?? null };
  } catch {
    return { people: {}, current: null };
  }
}

const snapshot = () => Object.fromEntries(Object.keys(localStorage).filter((k) => k !== SHELF).map((k) => [k, localStorage.getItem(k)]));
let beforeBrowser = null;

/** The in-phone browser opened: what changes in storage from now on is the page's. */
export function watchWebStorage() {
  beforeBrowser ??= snapshot();
}

/** Records which keys the current person's pages wrote (on closing the browser, leaving the page, switching). */
export function settleWebStorage(person) {
  if (!beforeBrowser || !person) return;
  const shelf = readShelf();
  const keys = new Set(shelf.current?.person === person ? shelf.current.keys : []);
  for (const [k, v] of Object.entries(snapshot())) if (beforeBrowser[k] !== v) keys.add(k);
  beforeBrowser = null;
  localStorage.setItem(SHELF, JSON.stringify({ ...shelf, current: { person, keys: [...keys] } }));
}

/** Another person picks up the phone: shelve the pages' keys of `from`, give `to` theirs back. */
export function switchWebStorage(from, to) {
  settleWebStorage(from);
  const { people, current } = readShelf();
  if (from && current?.person === from) {
    const kept = {};
    for (const k of current.keys) {
      const v = localStorage.getItem(k);
      if (v !== null) kept[k] = v;
      localStorage.removeItem(k);
    }
    people[from] = kept;
  }
  const back = people[to] ?? {};
  delete people[to];
  for (const [k, v] of Object.entries(back)) localStorage.setItem(k, v);
  localStorage.setItem(SHELF, JSON.stringify({ people, current: { person: to, keys: Object.keys(back) } }));
}
