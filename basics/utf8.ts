// Text cut to a number of UTF-8 bytes without splitting a character: a WebSocket close reason may
// hold 123 bytes, and Chinese text is three bytes a character.
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoded = new TextEncoder().encode(text);
  if (encoded.length <= maxBytes) return text;
  let end = maxBytes;
  // Back off to the start of a character: continuation bytes are 10xxxxxx.
  while (end > 0 && ((encoded[end] ?? 0) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(encoded.subarray(0, end));
}
