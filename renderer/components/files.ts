// Moving files across the contract: uploads become base64 bytes (never a path), downloads
// arrive as bytes and are saved by the browser (or Electron's save dialog).
import type { DownloadFile, UploadedFile } from '../../db/api/contract.ts';
import { MAX_UPLOAD_BYTES } from '../../db/api/contract.ts';

export class FileTooLargeError extends Error {}

export async function readUpload(file: File): Promise<UploadedFile> {
  if (file.size > MAX_UPLOAD_BYTES) throw new FileTooLargeError(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return { fileName: file.name, contentBase64: btoa(binary) };
}

export function saveDownload(file: DownloadFile): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** Saves bytes made in the page (a chart image) as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
