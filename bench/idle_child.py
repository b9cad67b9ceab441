# python: spawn fork
# An idle child's resident memory: a started child waiting on an event, measured while it waits.
import multiprocessing as mp
import os
import time


def idle(e):
    e.wait()


if __name__ == "__main__":
    mp.set_start_method(os.environ.get("PAR_BENCH_START", "spawn"))
    e = mp.Event()
    p = mp.Process(target=idle, args=(e,))
    p.start()
    time.sleep(1)
    print("bench-rss-of:", p.pid, flush=True)
    time.sleep(0.5)
    e.set()
    p.join()
    print(1)
