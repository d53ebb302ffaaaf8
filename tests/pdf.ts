import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF's pages: their size in points and their text, spaces normalised. */
export async function readPdf(
  data: Buffer,
): Promise<{ pages: { width: number; height: number; text: string }[] }> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    pages.push({ width, height, text });
  }
  await doc.destroy();
  return { pages };
}

/** A4 in PostScript points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 };
