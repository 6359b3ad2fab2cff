import { PNG } from 'pngjs';

/** Wardline's mark: a map pin (circle and point) with a hollow centre, drawn into an RGBA buffer. */
function insidePin(x: number, y: number, size: number): 'pin' | 'hole' | 'none' {
  const cx = size / 2;
  const cy = size * 0.4;
  const r = size * 0.3;
  const dx = x + 0.5 - cx;
  const dy = y + 0.5 - cy;
  const d = Math.hypot(dx, dy);
  if (d <= r * 0.42) return 'hole';
  if (d <= r) return 'pin';
  // The point: a triangle from the circle's sides down to the tip.
  const tip = size * 0.9;
  if (y + 0.5 > cy && y + 0.5 <= tip) {
    const half = r * (1 - (y + 0.5 - cy) / (tip - cy));
    if (Math.abs(dx) <= half) return 'pin';
  }
  return 'none';
}

/** The colour icon (192 × 192): a white pin on Wardline green, opaque. */
export function colourIcon(): Buffer {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      const white = insidePin(x, y, size) === 'pin';
      png.data[i] = white ? 255 : 0x00;
      png.data[i + 1] = white ? 255 : 0x70;
      png.data[i + 2] = white ? 255 : 0x3c;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** The outline icon (32 × 32): white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      const on = insidePin(x, y, size) === 'pin';
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = on ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}
