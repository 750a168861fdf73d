// Pure callback protocol shared by the real clients (src/wechat/*) and the sandbox.
export * from './errors.ts';
export * from './signature.ts';
export * from './aes.ts';
export * from './xml.ts';
export * from './envelope.ts';
export * from './callback-crypto.ts';
export * from './wecom-events.ts';
