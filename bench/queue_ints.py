# 200 000 small ints from a child to the parent through a queue.
import multiprocessing as mp


def produce(q, n):
    for i in range(n):
        q.put(i)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    n = 200000
    q = ctx.Queue()
    p = ctx.Process(target=produce, args=(q, n))
    p.start()
    total = 0
    for i in range(n):
        total += q.get()
    p.join()
    print(total)
