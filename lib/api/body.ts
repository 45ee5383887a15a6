// Reads a request body as UTF-8 text without ever holding more than `maxBytes`: the declared
// Content-Length and the bytes actually streamed are both checked. Shared by the JSON route
// wrapper, the iCalendar import and CalDAV, which each throw their own "too large" error.
export async function readBodyText(req: Request, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
