r"""Claims of notebook 02: every number its markdown writes, mapped to a stored output (owner: E).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb02 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. Add a row per number (see tests/claims/__init__.py).
"""
from claims import Claim

COMPLETE = True

NODES = "print(\", \".join(f\"{node.label} = {node.data:g}\" for node in e.topo()))"  # a = 2, b = 1
PATHS = "for path in paths(e, b):"              # b -> c -> e: 1 x 2 = 2, b -> d -> e: 1 x 3 = 3
SUM = "de_db, de_da = path_sum(e, b)"           # de/db = 5, de/da = 2
MOVES = "only_c = "                              # rates 2, 3 and 5 when c, d or both move
CHAIN = "chain = diamond_chain(2, 3)"            # the nine-path graph
FACTORED = "first, second = alpha + beta + gamma"
TABLE = "for k in range(1, 11):"                 # counts at width 3, depths 1 to 10
WORK = "work = plot_work(3"
START = 'print(panel.caption.get_text(), panel.table.get_text(), sep="\\n")'
BIG = 'panel.controls["depth"].value = 8'
EX1 = "check_path_sum(a=4.0"
EX2 = "check_diamond_counts(depth=5"

ROW_2 = r"\n\s+2\s+9\s+18\s+6\n"

CLAIMS = [
    # the running example: its values and the two paths from b
    Claim("3", PATHS, r"b → d → e: 1 × (\d+)"),
    Claim("3", NODES, r"c = (\d+)", where="then $c = 3$"),
    Claim("6", NODES, r"e = (\d+)", where="then $e = 6$"),
    Claim("5", SUM, r"de/db = (\d+)"),
    Claim("3", MOVES, r"only d moves: ([\d.]+)", where="moving $d$ alone at rate $3$"),
    Claim("5", MOVES, r"both move: ([\d.]+)", where="moving both at rate $5$"),
    # the nine-path graph
    Claim("0.8", CHAIN, r"\(\(([\d.]+),"),
    Claim("0.7", CHAIN, r"\(\([\d.]+, ([\d.]+),"),
    Claim("0.4", CHAIN, r"\(\([\d.]+, [\d.]+, ([\d.]+)\)"),
    Claim("0.3", CHAIN, r"\), \(([\d.]+),"),
    Claim("0.5", CHAIN, r"\), \([\d.]+, ([\d.]+),"),
    Claim("1.9", CHAIN, r"Y = ([\d.]+)"),
    Claim("2.28", CHAIN, r"Z = ([\d.]+)"),
    Claim("3", CHAIN, r"diamond_chain\(2, (\d+)\)", source=True, where="3 \\times 3 = 9"),
    Claim("9", FACTORED, r"(\d+) paths:"),
    Claim("1.2", FACTORED, r"factored: [\d.]+ × ([\d.]+)"),
    # the work, at width 3
    Claim("3", WORK, r"plot_work\((\d+)", source=True, where="width $3$"),
    Claim("3", WORK, r"plot_work\((\d+)", source=True, where="$w = 3$"),
    Claim("3", WORK, r"plot_work\((\d+)", source=True, where="The columns are"),
    Claim("10", WORK, r"depth=(\d+)", source=True),
    Claim("18", TABLE, r"\n\s+2\s+9\s+(\d+)\s+6\n"),
    Claim("6", TABLE, r"\n\s+2\s+9\s+18\s+(\d+)\n", where="$6$ stage by stage"),
    Claim("59{,}049", TABLE, r"\n\s+10\s+([\d,]+)"),
    Claim("590{,}490", TABLE, r"\n\s+10\s+[\d,]+\s+([\d,]+)"),
    Claim("30", TABLE, r"\n\s+10\s+[\d,]+\s+[\d,]+\s+([\d,]+)"),
    # the panel
    Claim("256", BIG, r"more than (\d+)"),
    Claim("4", BIG, r"drawing stops at (\d+) stages", where="up to $4$ stages of $4$"),
    Claim("4", BIG, r"drawing stops at (\d+) stages", where="past $4$ stages or $4$ edges"),
    Claim("0.8", START, r"path 1 of 9: ([\d.]+) ×", where="first path highlighted"),
    Claim("0.3", START, r"path 1 of 9: [\d.]+ × ([\d.]+)", where="first path highlighted"),
    Claim("18", START, r"multiply-adds: (\d+) vs", where="first path highlighted"),
    Claim("6", START, r"multiply-adds: \d+ vs (\d+)", where="first path highlighted"),
    Claim("8", BIG, r'"depth"\]\.value = (\d+)', source=True),
    Claim("4", BIG, r'"width"\]\.value = (\d+)', source=True, where="With $8$ stages of $4$"),
    Claim("65{,}536", BIG, r"([\d,]+) paths, more"),
    Claim("524{,}288", BIG, r"multiply-adds: ([\d,]+) vs"),
    Claim("32", BIG, r"multiply-adds: [\d,]+ vs (\d+)"),
    # the exercises' parameters
    Claim("4", EX1, r"a=([\d.]+)", source=True, where="At $a = 4$"),
    Claim("5", EX2, r"depth=(\d+)", source=True, where="$k = 5$"),
    Claim("4", EX2, r"width=(\d+)", source=True, where="$w = 4$"),
]
