package par.hub;

import par.interp.ParError;
import par.wire.Answer;
import par.wire.Request;

/**
 * The root process waiting for the hub's answer to one of its own requests. An interrupted
 * wait (Ctrl-C in the REPL, a deadlock that ends the program) withdraws the request from the
 * hub, so nothing is granted to a wait that is over: no lock is taken, no queue item is
 * consumed, no join is answered behind the program's back. An answer that came first wins,
 * but a failure does not: a deadlock interrupts the program and then kills the children, and
 * whether their deaths or the interrupt reach a join first is luck, so an interrupted wait
 * always reports "interrupted".
 */
final class Pending<A extends Answer> implements Request.Reply<A> {
    private final Hub hub;
    private boolean done;
    private A value;
    private String failure;
    /** The hub's record of this wait while it blocks; guarded by the hub. */
    Waiter waiter;

    Pending(Hub hub) {
        this.hub = hub;
    }

    @Override
    public synchronized void ok(A answer) {
        value = answer;
        done = true;
        notifyAll();
    }

    @Override
    public synchronized void fail(String message) {
        failure = message;
        done = true;
        notifyAll();
    }

    A await() {
        try {
            waitForAnswer();
        } catch (InterruptedException e) {
            hub.withdraw(this);
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (failure != null) {
                throw new ParError(Thread.currentThread().isInterrupted() ? "interrupted" : failure);
            }
            return value;
        }
    }

    private synchronized void waitForAnswer() throws InterruptedException {
        while (!done) {
            wait();
        }
    }

    synchronized boolean isDone() {
        return done;
    }
}
