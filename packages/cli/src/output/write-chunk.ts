import { once } from 'node:events';

/** Writes to an output stream and waits when it asks for it (back-pressure on pipes). */
export async function writeChunk(output: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output as NodeJS.EventEmitter, 'drain');
}
