import { create } from 'qrcode';
import { useMemo } from 'react';

/** The quiet zone the QR standard asks for around the symbol, in modules. */
const QUIET = 4;

/**
 * A QR code drawn as one SVG path from the module matrix of the `qrcode` package. Plain React SVG elements, so it
 * needs no inline HTML, no data URL and nothing beyond the app's strict CSP, and it prints as sharp vectors.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
    return { size: modules.size + 2 * QUIET, path: d };
  }, [text]);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
