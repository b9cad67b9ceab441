# python: fork spawn
import multiprocessing as mp
import os


def printer(lock, nums):
    with lock:
        for n in nums:
            print(n, flush=True)


if __name__ == "__main__":
    mp.set_start_method(os.environ.get("PAR_BENCH_START", "fork"))
    lock = mp.Lock()
    p1 = mp.Process(target=printer, args=(lock, [1, 2, 3, 4, 5]))
    p2 = mp.Process(target=printer, args=(lock, [6, 7, 8, 9, 10]))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
