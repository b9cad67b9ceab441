# Nested loops with integer arithmetic and list appends.
total = 0
rows = []
for i in range(7000):
    row = []
    for j in range(1000):
        total = (total + i * j + j % 7) % 1000003
        if j % 100 == 0:
            row.append(total)
    rows.append(row)
print(total, len(rows), sum(rows[-1]))
