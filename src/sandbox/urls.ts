// Public URLs of things the sandbox serves, built per request from the current public URL so a
// snapshot stays valid when the sandbox moves to another port or host.
import type { SandboxStore } from './store/store.ts';

export const avatarUrl = (store: SandboxStore, key: string) => `${store.publicUrl()}/img/avatar/${encodeURIComponent(key)}.png`;

/** The QR image WeChat would host on p.qpic.cn. */
export const qrImageUrl = (store: SandboxStore, qrKey: string) => `${store.publicUrl()}/img/qr/${qrKey}.png`;

/** What the QR image encodes (what a phone opens when scanning). */
export const qrContentUrl = (store: SandboxStore, qrKey: string) => `${store.publicUrl()}/q/${qrKey}`;

/** Permanent image from media/uploadimg, or the public view of an uploaded media file. */
export const mediaUrl = (store: SandboxStore, mediaId: string) => `${store.publicUrl()}/img/media/${mediaId}`;
