// QR codes for contact ways and join ways: a random key resolves to what scanning does.
import { randomAlnum } from '../rng.ts';
import type { QrTarget } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';

export function newQrKey(store: SandboxStore, target: QrTarget): string {
  const key = randomAlnum(22);
  store.data.qrCodes[key] = target;
  return key;
}

export function dropQrKey(store: SandboxStore, key: string | undefined): void {
  if (key) delete store.data.qrCodes[key];
}
