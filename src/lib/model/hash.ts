/**
 * FORMAT.md doc_id: the first 12 hex digits of the sha256 of the document's bytes. WebCrypto exists in
 * both the browser and Node ≥ 20, so the importer stays one module for both.
 */
export async function contentId(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest).slice(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
}
