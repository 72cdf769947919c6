import { describe, expect, it, vi } from 'vitest';
import { csvBlob, downloadCsv, resultsFilename } from './csv';

describe('csv download', () => {
  it('prefixes one byte-order mark', async () => {
    const text = 'name\nZoë\n';
    // Blob.text() swallows a leading BOM, so look at the bytes.
    const bytes = async (b: Blob) => [...new Uint8Array(await b.arrayBuffer())].slice(0, 4);
    expect(await bytes(csvBlob(text))).toEqual([0xef, 0xbb, 0xbf, 0x6e]);
    expect(await bytes(csvBlob('\uFEFF' + text))).toEqual([0xef, 0xbb, 0xbf, 0x6e]);
    expect(csvBlob(text).type).toBe('text/csv;charset=utf-8');
  });

  it('names files by date and a safe job id', () => {
    expect(resultsFilename('42', '2025-03-01T10:00:00Z')).toBe('import-2025-03-01-42.csv');
    expect(resultsFilename('a/b:c', null)).toBe('import-a_b_c.csv');
    expect(resultsFilename('7', 'not a date')).toBe('import-7.csv');
  });

  it('clicks a link to the blob and revokes it afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const deps = {
      createObjectURL: vi.fn((b: Blob) => {
        blobs.push(b);
        return 'blob:1';
      }),
      revokeObjectURL: vi.fn(),
      click: vi.fn(),
    };
    downloadCsv('a,b\n1,2\n', 'x.csv', deps);
    expect(deps.click).toHaveBeenCalledWith('blob:1', 'x.csv');
    expect(deps.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(deps.revokeObjectURL).toHaveBeenCalledWith('blob:1');
    expect(await blobs[0]!.text()).toContain('a,b');
    vi.useRealTimers();
  });
});
