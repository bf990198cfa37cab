/** Where the CLI writes and what stops a running sweep; tests pass their own to run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: only then does a sweep draw its progress bar. */
  stderrIsTTY: boolean;
  /** Aborts a running sweep; without it the sweep listens to Ctrl-C (SIGINT) itself. */
  signal?: AbortSignal;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/**
 * An in-memory CliIo for tests: everything written is collected in `out` and `err`; a sweep is
 * cancelled through `signal` (never through the test process's own SIGINT).
 */
export function captureIo(options: { signal?: AbortSignal } = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    stderrIsTTY: false,
    signal: options.signal ?? new AbortController().signal,
  };
  return io;
}
