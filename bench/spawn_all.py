# python: spawn forkserver fork
# 20 processes spawned together, then joined.
import multiprocessing as mp
import os


def nothing(i, q):
    q.put(i)


if __name__ == "__main__":
    ctx = mp.get_context(os.environ.get("PAR_BENCH_START", "spawn"))
    q = ctx.Queue()
    procs = [ctx.Process(target=nothing, args=(i, q)) for i in range(20)]
    for p in procs:
        p.start()
    total = sum(q.get() for _ in procs)
    for p in procs:
        p.join()
    print(total)
