import { once } from 'node:events';

/** Writes one chunk and waits for `drain` when the stream asks for it (back-pressure). */
export async function writeChunk(output: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!output.write(chunk)) await once(output as NodeJS.EventEmitter, 'drain');
}

/** Ends a stream and waits until everything is flushed. */
export async function endStream(output: NodeJS.WritableStream): Promise<void> {
  const finished = once(output as NodeJS.EventEmitter, 'finish');
  output.end();
  await finished;
}
