/**
 * Saving what the backend made: a download through a Blob and <a download> (works in web mode
 * and in Electron), and printing the HTML report through the browser engine's print dialog,
 * where "Save as PDF" is one of the printers.
 */
import type { ExportedFile } from '../../shared/api/contract.ts';

export function downloadFile(file: ExportedFile): void {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Prints a self-contained HTML page in a hidden frame, so the app itself is not what gets
 * printed. The report's own CSP allows no scripts; the frame is removed after the dialog.
 */
export function printHtml(html: string, title: string): void {
  // A browser that never sends afterprint would otherwise keep one frame per print.
  for (const old of document.querySelectorAll('iframe[data-print-frame]')) old.remove();
  const frame = document.createElement('iframe');
  frame.dataset.printFrame = '';
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
  frame.addEventListener('load', () => {
    const w = frame.contentWindow;
    if (!w) return;
    w.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0));
    w.focus();
    w.print();
  });
  frame.srcdoc = html;
  document.body.append(frame);
}
