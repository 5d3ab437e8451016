// Group commit for concurrent requests: calls that arrive while earlier batches are still in flight
// wait and go together as the next batch. No timer: an idle server runs a lone call on the next turn of
// the event loop (a batch of one), a busy one gathers as many calls as arrived during the previous
// round trip, so batches grow with the load and each costs one transaction.

/** Options for a group: largest batch, batches run at once, and calls allowed to wait before refusing. */
export interface GroupOptions {
  readonly maxBatch: number;
  readonly maxInFlight: number;
  readonly maxWaiting: number;
}

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

/** Thrown (rejected) when more than `maxWaiting` calls already wait: the caller answers 503. */
export class GroupFull extends Error {
  constructor() {
    super("too many requests are waiting");
  }
}

/**
 * Makes a function that batches its calls per key: `run(key, items)` must answer each item, in
 * order. A batch that throws rejects every call in it (`run` is expected to answer per item instead).
 */
export function groupCommit<I, O>(
  run: (key: string, items: I[]) => Promise<O[]>,
  options: GroupOptions,
): (key: string, item: I) => Promise<O> {
  const queues = new Map<string, Waiting<I, O>[]>();
  let waiting = 0;
  let inFlight = 0;
  const pump = (): void => {
    while (inFlight < options.maxInFlight) {
      const next = queues.entries().next();
      if (next.done) return;
      const [key, queue] = next.value;
      const batch = queue.splice(0, options.maxBatch);
      // The key goes to the back, so one busy election cannot starve another.
      queues.delete(key);
      if (queue.length > 0) queues.set(key, queue);
      waiting -= batch.length;
      inFlight++;
      run(
        key,
        batch.map((w) => w.item),
      )
        .then(
          (outs) => batch.forEach((w, i) => w.resolve(outs[i]!)),
          (e: unknown) => batch.forEach((w) => w.reject(e)),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  // An arrival starts a batch only after the event loop has read every request already waiting on
  // its sockets (setImmediate runs after the I/O phase). PGlite runs a whole transaction without
  // letting the loop read a socket, so no call could ever arrive "meanwhile": starting at once made
  // every batch a batch of one there (measured: 531 batches of 531 calls in a 10 s bench run).
  let scheduled = false;
  const pumpSoon = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };
  return (key, item) =>
    new Promise<O>((resolve, reject) => {
      if (waiting >= options.maxWaiting) return reject(new GroupFull());
      const queue = queues.get(key);
      if (queue) queue.push({ item, resolve, reject });
      else queues.set(key, [{ item, resolve, reject }]);
      waiting++;
      pumpSoon();
    });
}
