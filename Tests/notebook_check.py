#!/usr/bin/env python3
"""Execute a notebook headless, cell by cell, in its own folder; exit 1 naming the cell that failed.
Usage: notebook_check.py NOTEBOOK.ipynb (needs nbclient, nbformat and ipykernel)."""
import pathlib, sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

path = pathlib.Path(sys.argv[1]).resolve()
notebook = nbformat.read(path, as_version=4)
try:
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
except CellExecutionError as error:
    print(f"{path}: a cell failed:\n{error}", file=sys.stderr)
    sys.exit(1)
cells = sum(1 for c in notebook.cells if c.cell_type == "code")
print(f"{path.name}: {cells} code cells ran without error")
