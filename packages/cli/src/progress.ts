// A one-line progress display on stderr, shown only on a TTY: the current stage and, for
// per-export stages, "n/m". Each update rewrites the line; `done` clears it.
import type { ProgressEvent } from '@faultline/core';

import type { Writer } from './io.js';

export interface Progress {
  update(event: Pick<ProgressEvent, 'message' | 'current' | 'total'>): void;
  done(): void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };

/** A progress display on `writer` when it is a TTY, otherwise one that prints nothing. */
export function createProgress(writer: Writer, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || writer.isTTY !== true) return SILENT;
  const started = now();
  let shown = false;
  return {
    update(event) {
      const counter =
        event.current !== undefined && event.total !== undefined ? `[${event.current}/${event.total}] ` : '';
      const elapsed = ((now() - started) / 1000).toFixed(1);
      const width = Math.max(20, (writer.columns ?? 80) - 1);
      const line = `faultline: ${counter}${event.message} (${elapsed}s)`.slice(0, width);
      writer.write(`\r\u001b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) writer.write('\r\u001b[2K');
      shown = false;
    },
  };
}
