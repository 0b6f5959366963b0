/** Hands `text` to the browser as a download named `fileName` (no server round trip). */
export function saveFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
