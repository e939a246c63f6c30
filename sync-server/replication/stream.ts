import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/types';

const HEARTBEAT_MS = 15_000;
/** Coalesce bursts of commits into one poke; devices pull everything new anyway. */
const COALESCE_MS = 50;

/**
 * Server-sent events: one `RESYNC` poke after commits (and one on connect,
 * since the device may have missed pokes while disconnected).
 */
export function openStream(req: FastifyRequest, reply: FastifyReply, db: Db): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = () => res.write(`data: RESYNC\n\n`);
  res.write('retry: 1000\n\n');
  send();

  let pending: NodeJS.Timeout | null = null;
  const unsubscribe = db.onCommit(() => {
    pending ??= setTimeout(() => {
      pending = null;
      send();
    }, COALESCE_MS);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.raw.on('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
  });
}
