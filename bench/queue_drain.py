# The root puts 1 000 000 ints into a queue, then a child gets them all.
import multiprocessing as mp
import time


def drain(q, n, out):
    t = time.perf_counter()
    total = 0
    for i in range(n):
        total += q.get()
    out.put((total, time.perf_counter() - t))


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    n = 1000000
    q = ctx.Queue()
    out = ctx.Queue()
    p = ctx.Process(target=drain, args=(q, n, out))
    for i in range(n):
        q.put(i)
    p.start()
    total, took = out.get()
    p.join()
    print("bench: " + str(took))
    print(total)
