# python: fork spawn
import multiprocessing as mp
import os


def sqr(num, q):
    q.put(num * num)


if __name__ == "__main__":
    mp.set_start_method(os.environ.get("PAR_BENCH_START", "fork"))
    q = mp.Queue()
    procs = [mp.Process(target=sqr, args=(i, q)) for i in range(1, 6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(sorted([q.get() for p in procs]))
