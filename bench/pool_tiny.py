# 100 000 tiny tasks through a pool: messaging and chunking overhead. The inner time runs
# from making the pool to having the results (tasks/s is its inverse).
import multiprocessing as mp
import time


def sq(x):
    return x * x


if __name__ == "__main__":
    start = time.time()
    with mp.get_context("spawn").Pool() as w:
        results = w.map(sq, range(100000))
        print("bench:", time.time() - start)
        print(sum(results))
