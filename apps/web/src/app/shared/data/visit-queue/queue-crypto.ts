/**
 * Sealing queued visits with AES-GCM (Web Crypto). The key comes from the API for this sign-in
 * (MeView.queueKey) and is imported as non-extractable: it lives in this page's memory only, so what
 * lies in the browser's storage cannot be read once the sign-in has ended.
 */

const VERSION = 1;
const IV_BYTES = 12;

interface Sealed {
  v: number;
  iv: string;
  data: string;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The queue key (base64 of 32 random bytes) as an AES-GCM key that can encrypt and decrypt but never be read back. */
export async function importQueueKey(crypto: Crypto, base64: string): Promise<CryptoKey> {
  const raw = fromBase64(base64);
  if (raw.length !== 32) throw new Error('The queue key must be 256 bits');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/**
 * Encrypts `plain` with a fresh random IV. `context` (the storage key) is bound as additional data,
 * so a sealed entry copied to another slot does not open.
 */
export async function seal(crypto: Crypto, key: CryptoKey, plain: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) }, key, new TextEncoder().encode(plain));
  const sealed: Sealed = { v: VERSION, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
  return JSON.stringify(sealed);
}

/** Decrypts what `seal` made; throws when the key, the context or the text is not the one it was sealed with. */
export async function unseal(crypto: Crypto, key: CryptoKey, sealedText: string, context: string): Promise<string> {
  const sealed = JSON.parse(sealedText) as Partial<Sealed>;
  if (sealed.v !== VERSION || typeof sealed.iv !== 'string' || typeof sealed.data !== 'string') throw new Error('Not a sealed queue entry');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(context) },
    key,
    fromBase64(sealed.data),
  );
  return new TextDecoder().decode(plain);
}
