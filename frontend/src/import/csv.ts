// Saves text the server produced (the results CSV) as a file. Browsers only
// download through an <a download> pointing at an object URL; the URL is
// revoked afterwards so repeated downloads do not leak memory.

export interface DownloadDeps {
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  click: (href: string, filename: string) => void;
}

const browserDeps = (): DownloadDeps => ({
  createObjectURL: (b) => URL.createObjectURL(b),
  revokeObjectURL: (u) => URL.revokeObjectURL(u),
  click(href, filename) {
    const a = document.createElement('a');
    a.href = href;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
  },
});

const BOM = '\uFEFF';

/** A CSV blob; the byte-order mark makes spreadsheet apps read UTF-8 names (accents, non-Latin scripts). */
export function csvBlob(text: string): Blob {
  return new Blob([text.startsWith(BOM) ? text : BOM + text], { type: 'text/csv;charset=utf-8' });
}

/** "import-2025-03-01-<id>.csv": sortable, and safe on every file system. */
export function resultsFilename(jobId: string, createdAt?: string | null): string {
  const date = createdAt && !Number.isNaN(Date.parse(createdAt)) ? new Date(createdAt).toISOString().slice(0, 10) : null;
  const id = jobId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  return ['import', date, id].filter(Boolean).join('-') + '.csv';
}

export function downloadCsv(text: string, filename: string, deps: DownloadDeps = browserDeps()): void {
  const url = deps.createObjectURL(csvBlob(text));
  try {
    deps.click(url, filename);
  } finally {
    // Revoking at once can cancel the download in some browsers; a tick later is enough.
    setTimeout(() => deps.revokeObjectURL(url), 0);
  }
}
