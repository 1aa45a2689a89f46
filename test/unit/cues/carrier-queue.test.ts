import { expect } from '@open-wc/testing';
import { CarrierQueue } from '../../../src/cues/carrier-queue.js';

/** A module import the test settles by hand; counts how often it was started. */
function manualImport<M>() {
  const pending: Array<{ resolve: (m: M) => void; reject: (e: unknown) => void }> = [];
  return {
    pending,
    load: () => new Promise<M>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

describe('CarrierQueue', () => {
  it('runs jobs given before the module in order, before any later job, with one import', async () => {
    const module = manualImport<string>();
    const failures: unknown[] = [];
    const queue = new CarrierQueue(module.load, (e) => failures.push(e));
    const ran: string[] = [];
    queue.run((m) => ran.push(`1:${m}`));
    queue.run((m) => {
      ran.push(`2:${m}`);
      // A job that queues another puts it after those already waiting.
      queue.run(() => ran.push('4'));
    });
    queue.run(() => ran.push('3'));
    expect(queue.waiting).to.equal(true);
    expect(ran).to.deep.equal([]);
    expect(module.pending).to.have.length(1);
    module.pending[0]!.resolve('m');
    await queue.settled();
    expect(ran).to.deep.equal(['1:m', '2:m', '3', '4']);
    expect(queue.waiting).to.equal(false);
    queue.run(() => ran.push('5'));
    expect(ran.at(-1)).to.equal('5');
    expect(module.pending).to.have.length(1);
    expect(failures).to.deep.equal([]);
  });

  it('drops the waiting jobs on a failed import, says so once, and imports again for the next job', async () => {
    const module = manualImport<string>();
    const failures: unknown[] = [];
    const queue = new CarrierQueue(module.load, (e) => failures.push(e));
    const ran: string[] = [];
    queue.run(() => ran.push('a'));
    queue.run(() => ran.push('b'));
    const cause = new Error('offline');
    module.pending[0]!.reject(cause);
    await queue.settled();
    expect(failures.length === 1 && failures[0] === cause).to.equal(true);
    expect(queue.waiting).to.equal(false);
    queue.run(() => ran.push('c'));
    expect(module.pending).to.have.length(2);
    module.pending[1]!.resolve('m');
    await queue.settled();
    expect(ran).to.deep.equal(['c']);
    expect(failures).to.have.length(1);
  });

  it('clear() drops the waiting jobs; a failure with nothing waiting is not reported', async () => {
    const module = manualImport<string>();
    const failures: unknown[] = [];
    const queue = new CarrierQueue(module.load, (e) => failures.push(e));
    const ran: string[] = [];
    queue.run(() => ran.push('old'));
    queue.clear();
    module.pending[0]!.reject(new Error('offline'));
    await queue.settled();
    expect(ran).to.deep.equal([]);
    expect(failures).to.deep.equal([]);
  });
});
