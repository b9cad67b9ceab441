# python: fork spawn
import multiprocessing as mp
import os


def my_func(num):
    return num * num


if __name__ == "__main__":
    mp.set_start_method(os.environ.get("PAR_BENCH_START", "fork"))
    workers = mp.Pool(mp.cpu_count())
    print(workers.map(my_func, [1, 2, 3, 4, 5]))
    workers.close()
