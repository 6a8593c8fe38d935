"""Keep notebooks/zh-CN/ in step with the English notebooks it translates.

    python tools/translations.py sync     # code cells from English; list what needs translating
    python tools/translations.py stale    # only list the markdown cells to (re)translate

A zh-CN notebook has the English notebook's cells, in the same order and with
the same ids. Its code cells are the English ones apart from the language
line; `sync` copies them, so code is written once, in English. Its markdown
cells are translations, and each records in its metadata the hash of the
English source it translates (`translated_from`). When an English cell
changes, the hashes differ and `stale` names the cell: retranslate it, then
`mark_translated(zh_cell, english_cell)` (or set the hash by hand).
"""
import hashlib
import pathlib
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "notebooks"
CHINESE = ENGLISH / "zh-CN"
LANGUAGE_LINE = {"en": 'use_language("en")', "zh_CN": 'use_language("zh_CN")'}


def english_notebooks():
    return sorted(ENGLISH.glob("[0-9][0-9]-*.ipynb"))


def source_hash(cell):
    """A short fingerprint of a cell's source."""
    return hashlib.sha256(cell.source.encode("utf-8")).hexdigest()[:16]


def to_chinese(code):
    """An English code cell's source with the language line switched to Chinese."""
    return code.replace(LANGUAGE_LINE["en"], LANGUAGE_LINE["zh_CN"])


def mark_translated(zh_cell, english_cell):
    """Record that `zh_cell` translates `english_cell` as it is now."""
    zh_cell.metadata["translated_from"] = source_hash(english_cell)


def stale_cells(english_path):
    """(cell id, why) for every markdown cell of the zh-CN copy that needs (re)translating."""
    zh_path = CHINESE / english_path.name
    if not zh_path.exists():
        return [("*", "no zh-CN notebook")]
    english = nbformat.read(english_path, as_version=4)
    zh = {cell.id: cell for cell in nbformat.read(zh_path, as_version=4).cells}
    stale = []
    for cell in english.cells:
        if cell.cell_type != "markdown":
            continue
        translated = zh.get(cell.id)
        if translated is None or translated.cell_type != "markdown":
            stale.append((cell.id, "missing"))
        elif "translated_from" not in translated.metadata:
            stale.append((cell.id, "not translated yet"))
        elif translated.metadata["translated_from"] != source_hash(cell):
            stale.append((cell.id, "the English changed since it was translated"))
    return stale


def sync(english_path):
    """Write the zh-CN notebook: English cells in order, code from English, markdown kept where translated.

    A markdown cell without a translation keeps its English text (and no hash)
    until it is translated. Outputs of code cells are kept when the code is
    unchanged; `run.py execute` refreshes them.
    """
    english = nbformat.read(english_path, as_version=4)
    zh_path = CHINESE / english_path.name
    old = {cell.id: cell for cell in nbformat.read(zh_path, as_version=4).cells} if zh_path.exists() else {}
    cells = []
    for cell in english.cells:
        previous = old.get(cell.id)
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(to_chinese(cell.source), metadata=dict(cell.metadata))
            if previous is not None and previous.cell_type == "code" and previous.source == new.source:
                new.outputs, new.execution_count = previous.outputs, previous.execution_count
        elif previous is not None and previous.cell_type == cell.cell_type and "translated_from" in previous.metadata:
            new = previous
        else:
            new = nbformat.v4.new_markdown_cell(cell.source, metadata=dict(cell.metadata)) \
                if cell.cell_type == "markdown" else nbformat.v4.new_raw_cell(cell.source)
        new.id = cell.id
        cells.append(new)
    zh = nbformat.v4.new_notebook(cells=cells, metadata=dict(english.metadata))
    CHINESE.mkdir(exist_ok=True)
    nbformat.write(zh, zh_path)
    return zh_path


def main(args):
    command = args[0] if args else "stale"
    paths = [pathlib.Path(p) for p in args[1:]] or english_notebooks()
    total = 0
    for path in paths:
        if command == "sync":
            sync(path)
        stale = stale_cells(path)
        total += len(stale)
        for cell_id, why in stale:
            print(f"{path.name} cell {cell_id}: {why}")
    print(f"{total} markdown cells to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
