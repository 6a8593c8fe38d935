"""Re-execute notebooks top to bottom in a fresh kernel and save them with outputs.

    python tools/execute_notebooks.py                 # every notebook, the Chinese edition too
    python tools/execute_notebooks.py notebooks/01-*.ipynb

Runs in the notebooks' own folder, as JupyterLab does, with the `python3`
kernel of the current environment. No timing metadata is stored, so that a
re-run changes nothing but what really changed.

Widgets are stored as their fallbacks only: each widget output keeps its
other types (a panel's readable line, an ipympl figure's PNG) and loses its
widget view, and the notebook keeps no widget state. A stored widget view
needs its state to render; with the state, JupyterLab would draw sliders
that move nothing before the notebook runs, and without it "Error
displaying widget: model not found". The fallbacks read the same in
JupyterLab before running, on GitHub and in nbconvert; running a cell
replaces them with live widgets.

A cell's printed text is stored as one stream per name (stdout, stderr), joined
as nbval joins it: a line the kernel happened to flush in two pieces under load
would otherwise be stored in two.
"""
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbval.plugin import coalesce_streams

ROOT = pathlib.Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def store_as_read_without_a_kernel(nb):
    """Keep each widget output's fallback types only, one stream per name, and no widget state (in place)."""
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                if not data:
                    continue
            outputs.append(output)
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(outputs)
    nb.metadata.pop("widgets", None)
    return nb


def execute(path):
    path = pathlib.Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                            store_widget_state=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    store_as_read_without_a_kernel(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(args):
    paths = args or [str(p) for folder in (ROOT / "notebooks", ROOT / "notebooks" / "zh-CN")
                     for p in sorted(folder.glob("[0-9]*.ipynb"))]
    for path in paths:
        seconds = execute(path)
        print(f"{pathlib.Path(path).name}: executed and saved in {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
