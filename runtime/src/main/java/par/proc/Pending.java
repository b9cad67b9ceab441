package par.proc;

import par.interp.ParError;

/** The root process waiting for the hub's answer to one of its own requests. */
final class Pending implements Reply {
    private boolean done;
    private Object value;
    private String failure;

    @Override
    public synchronized void ok(Object v) {
        value = v;
        done = true;
        notifyAll();
    }

    @Override
    public synchronized void fail(String message) {
        failure = message;
        done = true;
        notifyAll();
    }

    synchronized Object await() {
        while (!done) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParError("interrupted");
            }
        }
        if (failure != null) {
            throw new ParError(failure);
        }
        return value;
    }
}
