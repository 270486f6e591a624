import { create } from 'qrcode';
import { useMemo } from 'react';

/** The quiet zone the QR standard asks for around the symbol, in modules. */
const QUIET = 4;

/**
 * A QR code drawn as one SVG path from the module matrix of the `qrcode` package. Plain React SVG elements, so it
 * needs no inline HTML, no data URL and nothing beyond the app's strict CSP, and it prints as sharp vectors. Level L
 * error correction leaves room for the longest texts (a signing request), read off a clean screen.
 */
export function QrCode(props: { text: string; label: string; errorCorrection?: 'L' | 'M'; screenPixels?: number }) {
  const { text, label, errorCorrection = 'M', screenPixels } = props;
  const { size, path } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: errorCorrection });
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
    return { size: modules.size + 2 * QUIET, path: d };
  }, [text, errorCorrection]);
  // A dense code read off a screen needs every module the same whole number of pixels wide: scaled by a fraction,
  // some modules come out a pixel narrower than their neighbours and cameras misread the grid.
  const pixels = screenPixels === undefined ? undefined : Math.max(1, Math.floor(screenPixels / size)) * size;
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} width={pixels} height={pixels} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
