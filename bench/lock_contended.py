# Two children each do 500 000 acquire/release pairs of one lock, contending.
import multiprocessing as mp
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
    ps = [ctx.Process(target=pairs, args=(l, 500000, out)) for i in range(2)]
    for p in ps:
        p.start()
    times = [out.get() for p in ps]
    for p in ps:
        p.join()
    print("bench: " + str(max(times)))
    print("done")
