import { execFileSync } from 'node:child_process';

/** Text of a PDF (or of one page), as poppler reads it: what a member's PDF viewer would let them copy. */
export function pdfText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...pages, file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '' };
}

/** A PNG of page 1 at 80 dpi next to the PDF, for a person to look at. */
export function keepFirstPagePng(file: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, file.replace(/\.pdf$/, '-page1')]);
}
