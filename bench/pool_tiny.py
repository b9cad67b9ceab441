# 100 000 tiny tasks through a pool: messaging and chunking overhead.
import multiprocessing as mp


def sq(x):
    return x * x


if __name__ == "__main__":
    with mp.get_context("spawn").Pool() as w:
        print(sum(w.map(sq, range(100000))))
