// Reading a printed PDF's text (pdfjs-dist), for the specs that print.
import { expect } from '@playwright/test';

/** The text of a PDF, every page, with all white space removed (lines wrap anywhere). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((item: any) => item.str ?? '').join('');
  }
  return text.replace(/\s+/g, '');
}

/** Fails unless every one of `expected` is in `text`, in this order. */
export function expectInOrder(text: string, expected: string[]) {
  let from = 0;
  for (const wanted of expected) {
    const at = text.indexOf(wanted.replace(/\s+/g, ''), from);
    expect(at, `"${wanted}" after position ${from} of the printed text`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}
