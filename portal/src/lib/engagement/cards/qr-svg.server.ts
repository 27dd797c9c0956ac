/** A QR code as inline SVG, made on the server so printed cards need no script: one path of dark modules, with a quiet zone. */
import QRCode from 'qrcode';

export async function qrSvg(text: string): Promise<string> {
  // Medium error correction survives a smudged or folded card; the margin is the quiet zone scanners need.
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  return svg.replace('<svg ', '<svg role="img" aria-hidden="true" focusable="false" class="qr" ');
}
