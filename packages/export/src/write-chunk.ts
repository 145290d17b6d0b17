type Output = NodeJS.WritableStream & { destroyed?: boolean; errored?: Error | null; writableFinished?: boolean };

const closedError = () => new Error('The output stream was closed before everything was written.');

/** Waits for `event`; an error or a close of the stream first rejects (a destroyed stream never drains). */
function settled(output: Output, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      output.off(event, onEvent);
      output.off('error', onError);
      output.off('close', onClose);
    };
    const onEvent = () => {
      cleanup();
      resolve();
    };
    const onError = (error: unknown) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      if (event === 'finish' && output.writableFinished) resolve();
      else reject(output.errored ?? closedError());
    };
    output.on(event, onEvent);
    output.on('error', onError);
    output.on('close', onClose);
  });
}

/**
 * Waits for `input` (a stream that feeds `output`, such as a zip entry) to drain; rejects when `output` is
 * closed or fails first, since then nothing downstream reads any more and `input` would never drain.
 */
export function untilDrained(input: NodeJS.EventEmitter, output: NodeJS.WritableStream): Promise<void> {
  const stream = output as Output;
  if (stream.destroyed) return Promise.reject(stream.errored ?? closedError());
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      input.off('drain', onDrain);
      stream.off('error', onGone);
      stream.off('close', onGone);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onGone = (error?: unknown) => {
      cleanup();
      reject(error instanceof Error ? error : (stream.errored ?? closedError()));
    };
    input.on('drain', onDrain);
    stream.on('error', onGone);
    stream.on('close', onGone);
  });
}

/** Writes one chunk and waits for `drain` when the stream asks for it (back-pressure). */
export async function writeChunk(output: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  const stream = output as Output;
  if (stream.destroyed) throw stream.errored ?? closedError();
  if (!output.write(chunk)) await settled(stream, 'drain');
}

/** Ends a stream and waits until everything is flushed. */
export async function endStream(output: NodeJS.WritableStream): Promise<void> {
  const stream = output as Output;
  if (stream.destroyed) throw stream.errored ?? closedError();
  const finished = settled(stream, 'finish');
  output.end();
  await finished;
}

/**
 * Runs a writer with an error listener on its output: a stream that fails between two writes is then
 * reported by the next write (the stream keeps its `errored`), instead of crashing the process as an
 * unhandled 'error' event.
 */
export async function withOutput<T>(output: NodeJS.WritableStream, write: () => Promise<T>): Promise<T> {
  const ignore = () => {};
  output.on('error', ignore);
  try {
    return await write();
  } finally {
    output.off('error', ignore);
  }
}
