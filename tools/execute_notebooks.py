"""Re-execute notebooks top to bottom in a fresh kernel and save them with outputs.

    python tools/execute_notebooks.py                 # every notebook
    python tools/execute_notebooks.py notebooks/01-*.ipynb

Runs in the notebooks' own folder, as JupyterLab does, with the `python3`
kernel of the current environment. No timing metadata is stored, so that a
re-run changes nothing but what really changed.
"""
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[1]


def execute(path):
    path = pathlib.Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(args):
    paths = args or sorted(str(p) for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    for path in paths:
        seconds = execute(path)
        print(f"{pathlib.Path(path).name}: executed and saved in {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
