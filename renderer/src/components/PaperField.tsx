import { useState } from 'react';
import { callApi } from '../api/client';
import type { PdfPageSize } from '../api/pdf';
import { useCall } from '../hooks/use-call';

/** Until the treasurer chooses (a setting, remembered): US Letter where their locale uses it, A4 everywhere else. */
const localPageSize = (): PdfPageSize => (/-(US|CA|MX|PH)$/i.test(navigator.language) ? 'Letter' : 'A4');

/** The paper every printed page uses: the treasurer's setting, changed from any screen that prints. */
export function usePaperSize(): { pageSize: PdfPageSize; choose(size: PdfPageSize): void } {
  const settings = useCall('settings.get', {}).state;
  const [chosen, setChosen] = useState<PdfPageSize | null>(null);
  const pageSize = chosen ?? (settings.status === 'ready' ? settings.value.settings.paperSize : null) ?? localPageSize();
  const choose = (size: PdfPageSize) => {
    setChosen(size);
    // Remembered for the next papers; a failure to save it changes nothing on this page.
    callApi('settings.update', { paperSize: size }).catch(() => undefined);
  };
  return { pageSize, choose };
}

export function PaperField({ paper }: { paper: ReturnType<typeof usePaperSize> }) {
  return (
    <label className="field">
      <span>Paper</span>
      <select value={paper.pageSize} onChange={(e) => paper.choose(e.target.value as PdfPageSize)}>
        <option value="A4">A4</option>
        <option value="Letter">US Letter</option>
      </select>
    </label>
  );
}
