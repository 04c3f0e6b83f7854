// Reading a downloaded report in tests: PDF text by pdftotext, Word text from word/document.xml.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './server.ts';
import type { DownloadFile } from '../../db/api/contract.ts';

export function writeDownload(file: DownloadFile): string {
  const target = path.join(tempDir(), file.fileName);
  fs.writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
  return target;
}

export function pdfText(file: DownloadFile): string {
  // -raw keeps each table cell's text together (content-stream order); whitespace is normalised.
  return execFileSync('pdftotext', ['-raw', writeDownload(file), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function docxXml(file: DownloadFile, part = 'word/document.xml'): string {
  return execFileSync('unzip', ['-p', writeDownload(file), part], { encoding: 'utf8' });
}

/** Text of a Word document: the <w:t> runs joined, paragraphs separated by a space. */
export function docxText(file: DownloadFile): string {
  return docxXml(file)
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}
