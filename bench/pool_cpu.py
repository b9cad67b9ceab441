# CPU-bound work on every core: eight tasks of two million loop steps each. The inner time
# runs from making the pool to having the results.
import multiprocessing as mp
import time


def work(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * i) % 1000007
        i += 1
    return total


if __name__ == "__main__":
    start = time.time()
    with mp.get_context("spawn").Pool() as w:
        results = w.map(work, [2_000_000] * 8)
        print("bench:", time.time() - start)
        print(sum(results))
