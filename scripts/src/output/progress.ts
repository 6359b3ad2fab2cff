/** Where progress goes: stderr, so stdout stays clean for what a command prints. */
export interface ProgressStream {
  write(text: string): boolean;
  isTTY?: boolean;
}

export interface ProgressOptions {
  label: string;
  stream?: ProgressStream;
  /** On a terminal, redraw at most this often (ms). */
  redrawMs?: number;
  /** Off a terminal (CI, a log file), print a plain line every this many rows. */
  everyRows?: number;
  now?: () => number;
}

export interface Progress {
  /** `rows` done so far; `fraction` of the input read, when known. */
  update(rows: number, fraction?: number): void;
  /** A stage after the rows (e.g. building indexes again), shown in place of the count. */
  stage(text: string): void;
  /** Clears the redrawn line (the command prints its own summary on stdout). */
  done(): void;
}

/**
 * Progress for long imports: on a terminal one line redrawn in place (throttled), elsewhere plain
 * periodic lines that read well in a CI log. Nothing is printed for imports that finish at once.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const redrawMs = options.redrawMs ?? 100;
  const everyRows = options.everyRows ?? 10_000;
  const started = now();
  let lastDraw = 0;
  let nextRows = everyRows;
  let drawn = false;
  const line = (rows: number, fraction?: number) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const percent = fraction === undefined ? '' : ` (${Math.min(100, Math.floor(fraction * 100))}%)`;
    return `${options.label}: ${rows.toLocaleString('en-GB')} rows${percent}, ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s`;
  };
  return {
    update(rows, fraction) {
      if (tty) {
        const t = now();
        if (t - lastDraw < redrawMs) return;
        lastDraw = t;
        drawn = true;
        stream.write(`\r${line(rows, fraction)}\u001b[K`);
      } else if (rows >= nextRows) {
        nextRows = rows - (rows % everyRows) + everyRows;
        stream.write(`${line(rows, fraction)}\n`);
      }
    },
    stage(text) {
      if (tty) {
        drawn = true;
        stream.write(`\r${options.label}: ${text}\u001b[K`);
      } else {
        stream.write(`${options.label}: ${text}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\r\u001b[K');
    },
  };
}
