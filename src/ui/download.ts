/** Saves bytes or text as a file through the browser's download, offline and with no server. */
export function download(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously from the object URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
