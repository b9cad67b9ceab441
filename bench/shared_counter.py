# 4 processes each add 1 to a shared value 100 000 times under the value's lock (or as many as
# the first argument says).
import multiprocessing as mp
import sys
import time


def add(s, n):
    for i in range(n):
        with s.get_lock():
            s.value = s.value + 1


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    s = ctx.Value("q", 0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    t = time.perf_counter()
    ps = [ctx.Process(target=add, args=(s, n)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("bench: " + str(time.perf_counter() - t))
    print(s.value)
