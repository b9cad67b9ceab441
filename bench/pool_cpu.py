# CPU-bound work on every core: eight tasks of two million loop steps each.
import multiprocessing as mp


def work(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * i) % 1000007
        i += 1
    return total


if __name__ == "__main__":
    with mp.get_context("spawn").Pool() as w:
        print(sum(w.map(work, [2_000_000] * 8)))
