# python: spawn forkserver fork
# 20 processes, each spawned and joined before the next: the cost of one spawn+join.
import multiprocessing as mp
import os


def nothing(i, q):
    q.put(i)


if __name__ == "__main__":
    ctx = mp.get_context(os.environ.get("PAR_BENCH_START", "spawn"))
    q = ctx.Queue()
    total = 0
    for i in range(20):
        p = ctx.Process(target=nothing, args=(i, q))
        p.start()
        total += q.get()
        p.join()
    print(total)
