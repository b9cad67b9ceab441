# 1 000 000 acquire/release pairs of a lock in one child, nobody else wanting it (or as many as
# the first argument says).
import multiprocessing as mp
import sys
import time


def pairs(l, n, out):
    t = time.perf_counter()
    for i in range(n):
        l.acquire()
        l.release()
    out.put(time.perf_counter() - t)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    l = ctx.Lock()
    out = ctx.Queue()
    p = ctx.Process(target=pairs, args=(l, int(sys.argv[1]) if len(sys.argv) > 1 else 1000000, out))
    p.start()
    print("bench: " + str(out.get()))
    p.join()
    print("done")
