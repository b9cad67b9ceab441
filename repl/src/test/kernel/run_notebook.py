"""Runs a notebook with nbclient on the Par kernel, for NotebookTest.

    python3 run_notebook.py NOTEBOOK EXECUTED

Writes the executed notebook to EXECUTED and prints, per code cell, one JSON line: its source
and its outputs in short (stream text by name, error name and value, display text/plain, and
whether a display carries HTML).
"""
import json
import sys

import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="par", timeout=120).execute()
nbformat.write(nb, sys.argv[2])
for cell in nb.cells:
    if cell.cell_type != "code":
        continue
    outputs = []
    for o in cell.outputs:
        if o.output_type == "stream":
            outputs.append({"stream": o.name, "text": o.text})
        elif o.output_type == "error":
            outputs.append({"error": o.ename, "value": o.evalue})
        else:
            outputs.append({o.output_type: o.data.get("text/plain", ""), "html": "text/html" in o.data})
    print(json.dumps({"source": cell.source, "count": cell.execution_count, "outputs": outputs}), flush=True)
