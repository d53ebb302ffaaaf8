import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

const TEXT_OPS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);

/**
 * The colours a PDF's text is drawn in, per page (pdfjs reports every fill colour as an
 * `#rrggbb` fill before the text it paints; the PDF default is black).
 */
export async function textColours(data: Buffer): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
    const used = new Set<string>();
    const stack: string[] = [];
    let fill = '#000000';
    fnArray.forEach((fn, i) => {
      if (fn === OPS.save) stack.push(fill);
      else if (fn === OPS.restore) fill = stack.pop() ?? fill;
      else if (fn === OPS.setFillRGBColor) fill = String((argsArray[i] as unknown[])[0]);
      else if (TEXT_OPS.has(fn)) used.add(fill);
    });
    pages.push([...used]);
  }
  await doc.destroy();
  return pages;
}

/** WCAG contrast ratio of an `#rrggbb` colour against white paper. */
export function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}
