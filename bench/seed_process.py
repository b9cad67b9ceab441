# python: fork spawn
import multiprocessing as mp
import os


def sqr(num):
    print(num * num, flush=True)


if __name__ == "__main__":
    mp.set_start_method(os.environ.get("PAR_BENCH_START", "fork"))
    p1 = mp.Process(target=sqr, args=(2,))
    p2 = mp.Process(target=sqr, args=(3,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
