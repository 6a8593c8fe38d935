r"""Claims of notebook 01: every number its markdown writes, mapped to a stored output (owner: E).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb01 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. Add a row per number (see tests/claims/__init__.py).
"""
from claims import Claim

COMPLETE = True

BUILD = "print(c, d, e)"                          # a = 2, b = 1: c = 3, d = 2, e = 6
NUDGE = "e_b = running_example"                   # the nudges of a and b by h = 0.001
EDGES = "for parent, child, local in e.edges()"   # the five edge numbers
SIGMOID = "out = z.sigmoid()"
CUT = 'panel.controls["b"].value = -1.0'          # b = -1: the edge c -> e carries 0
EX1 = "check_running_example(a=-1, b=3"
EX3 = "check_built_graph(f, x=-2"

CLAIMS = [
    Claim("3", BUILD, r"Value\((\d+), 'c'\)"),
    Claim("6", BUILD, r"Value\((\d+), 'e'\)"),
    Claim("0.001", NUDGE, r"when b moves by ([\d.]+)"),
    Claim("0.005001", NUDGE, r"e moves by ([\d.]+) when b"),
    Claim("5.001", NUDGE, r"when b moves by [\d.]+: rate ([\d.]+)"),
    Claim("5", NUDGE, r"when b moves by [\d.]+: rate ([\d.]+)"),
    Claim("0.002", NUDGE, r"e moves by ([\d.]+) when a"),
    Claim("3", EDGES, r"de/dd = (\d+)", where="edges say"),
    Claim("3", EDGES, r"de/dd = (\d+)", where="partial e/\\partial d = c = 3"),
    Claim("3", EDGES, r"de/dd = (\d+)", where="1 \\cdot 3"),
    Claim("0.25", SIGMOID, r"z -> σ\(z\): ([\d.]+)"),
    Claim("-1", CUT, r"value = (-[\d.]+)", source=True, where="b = -1"),
    Claim("5", CUT, r"\na = (\d+): e = 0", where="at $a = 5$"),
    Claim("4", CUT, r"a = 5: .*edge d -> e carries (\d+)", where="then $4$"),
    Claim("-1", EX1, r"a=(-?\d+)", source=True, where="a = -1"),
    Claim("3", EX1, r"b=(\d+)", source=True, where="b = 3"),
    Claim("-2", EX3, r"x=(-?\d+)", source=True, where="x = -2"),
    Claim("5", EX3, r"y=(-?\d+)", source=True, where="y = 5"),
    Claim("-4", EX3, r"z=(-?\d+)", source=True, where="z = -4"),
]
