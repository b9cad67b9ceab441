# Two children each do 500 000 acquire/release pairs of one lock, contending: both wait at a
# barrier first, so their loops run at the same time (the second child's start often came after
# the first one's loop had ended).
import multiprocessing as mp
import time


def pairs(l, n, start, out):
    start.wait()
    t = time.perf_counter()
    for i in range(n):
        l.acquire()
        l.release()
    out.put(time.perf_counter() - t)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    l = ctx.Lock()
    start = ctx.Barrier(2)
    out = ctx.Queue()
    ps = [ctx.Process(target=pairs, args=(l, 500000, start, out)) for i in range(2)]
    for p in ps:
        p.start()
    times = [out.get() for p in ps]
    for p in ps:
        p.join()
    print("bench: " + str(max(times)))
    print("done")
