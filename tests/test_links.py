"""Every link in the READMEs, docs/ and the notebooks' markdown (both editions) leads somewhere (offline).

Relative links must name a file or folder of the repository (and an anchor a
heading of the target page); http(s) links must be well-formed URLs; Binder
links must open a notebook that exists. The teaching guide must list every
exercise check a notebook calls. A link from one notebook to another's heading uses
JupyterLab's anchor (the heading's text, spaces as hyphens).
"""
import json
import pathlib
import re
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "README.zh-CN.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)
BARE_URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def prose(text):
    """The page without code blocks and inline code (links there are not links)."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def links(page):
    text = prose(page.read_text())
    return LINK.findall(text) + REFERENCE.findall(text)


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|\$", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page):
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$",
                                                  FENCE.sub("", page.read_text()), re.MULTILINE)}


def well_formed_url(url):
    parts = urllib.parse.urlsplit(url)
    return (parts.scheme in {"http", "https"} and HOST.match(parts.hostname or "") is not None
            and not parts.username and " " not in url and url.count("(") == url.count(")"))


PAGE_IDS = [p.relative_to(ROOT).as_posix() for p in PAGES]


def test_there_are_pages_to_check():
    assert (ROOT / "README.md").exists() and (ROOT / "docs" / "teaching.md").exists()


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_relative_links_resolve(page):
    broken = []
    for target in links(page):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue                                   # http(s), mailto: checked below
        path, _, anchor = urllib.parse.unquote(target).partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists() or ROOT not in (file, *file.parents):
            broken.append(f"{target} (no such file in the repository)")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{target} (no heading #{anchor} in {file.name})")
    assert not broken, f"{page.name}: broken links: {broken}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_web_links_are_well_formed(page):
    text = page.read_text()
    urls = [u for u in links(page) if re.match(r"https?:", u)] + BARE_URL.findall(text)
    bad = [u for u in urls if not well_formed_url(u)]
    assert not bad, f"{page.name}: malformed URLs: {bad}"
    others = [u for u in links(page) if re.match(r"^[a-z][a-z0-9+.-]*:", u, re.I)
              and not re.match(r"https?:|mailto:", u)]
    assert not others, f"{page.name}: links with an unexpected scheme: {others}"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_binder_and_hub_links_open_existing_notebooks(page):
    missing = []
    for url in BARE_URL.findall(page.read_text()):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        for key in ("labpath", "urlpath"):
            for value in query.get(key, []):
                path = value.split("?")[0]
                path = re.sub(r"^lab/tree/[^/]+/", "", path)     # nbgitpuller: lab/tree/<repo>/...
                if path.endswith(".ipynb") and not (ROOT / path).exists():
                    missing.append(f"{key}={value}")
    assert not missing, f"{page.name}: links to notebooks that do not exist: {missing}"


def test_well_formed_url_rejects_what_it_should():
    assert well_formed_url("https://mybinder.org/v2/gh/a/b/HEAD?labpath=notebooks%2Fx.ipynb")
    for bad in ("https://", "http//example.org", "https://exa mple.org", "ftp://example.org/x",
                "https://localhost/x", "https://example.org/(x"):
        assert not well_formed_url(bad), bad
    assert slug("A student version without the worked answers") == \
        "a-student-version-without-the-worked-answers"
    assert slug("Lecture 1: from an expression to reverse mode, and downhill (notebooks 01 to 04)") \
        == "lecture-1-from-an-expression-to-reverse-mode-and-downhill-notebooks-01-to-04"


def test_teaching_guide_lists_every_exercise_check():
    guide = (ROOT / "docs" / "teaching.md").read_text()
    listed = set(re.findall(r"`(check_\w+)`", guide))
    called = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code":
                for name in re.findall(r"\b(check_\w+)\s*\(", "".join(cell["source"])):
                    called.setdefault(name, path.name)
    missing = {name: nb for name, nb in called.items() if name not in listed}
    assert not missing, f"docs/teaching.md does not list these exercise checks: {missing}"
    modules = "".join(p.read_text() for p in (ROOT / "helpers" / "checks").glob("*.py"))
    unknown = {name for name in listed if f"def {name}(" not in modules}
    assert not unknown, f"docs/teaching.md names checks that helpers/checks/ does not define: {unknown}"


NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def markdown_of(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def notebook_anchors(notebook):
    """JupyterLab's anchor for a heading: its text with spaces turned into hyphens."""
    return {m.group(1).replace(" ", "-") for text in markdown_of(notebook)
            for m in re.finditer(r"^#{1,6}\s+(.+?)\s*$", FENCE.sub("", text), re.MULTILINE)}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT / "notebooks").as_posix())
def test_notebook_links_resolve(notebook):
    """A link between notebooks opens the file, and its anchor is a heading there."""
    broken = []
    for text in markdown_of(notebook):
        for target in LINK.findall(prose(text)):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                continue
            path, _, anchor = urllib.parse.unquote(target).partition("#")
            file = (notebook.parent / path).resolve() if path else notebook
            if not file.exists() or ROOT not in file.parents:
                broken.append(f"{target} (no such file)")
            elif anchor and file.suffix == ".ipynb" and anchor not in notebook_anchors(file):
                broken.append(f"{target} (no heading #{anchor} in {file.name})")
            elif anchor and file.suffix == ".md" and anchor not in anchors(file):
                broken.append(f"{target} (no heading #{anchor} in {file.name})")
    assert not broken, f"{notebook.name}: broken links: {broken}"


def test_the_chinese_readme_lists_every_chinese_notebook_by_its_title():
    """Each row of README.zh-CN.md's table links a zh-CN notebook under the title its first heading gives."""
    readme = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    rows = dict((path, title) for title, path in re.findall(r"^\| \d\d \| \[([^\]]+)\]\((notebooks/zh-CN/[^)]+)\)", readme, re.M))
    notebooks = sorted((ROOT / "notebooks" / "zh-CN").glob("[0-9]*.ipynb"))
    assert sorted(rows) == [p.relative_to(ROOT).as_posix() for p in notebooks]
    for path in notebooks:
        heading = re.search(r"^# (.+)$", markdown_of(path)[0], re.M).group(1)
        title = re.sub(r"^\d\d\s*·\s*", "", heading).strip()
        assert rows[path.relative_to(ROOT).as_posix()] == title, f"{path.name}: the README says {rows[path.relative_to(ROOT).as_posix()]!r}, the notebook {title!r}"
