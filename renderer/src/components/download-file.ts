/**
 * Saves text as a file through a temporary Blob link: works the same in Electron and in Chromium, and needs no
 * file-system access in the renderer. The object URL is released right after the click has started the download.
 */
export function downloadFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
