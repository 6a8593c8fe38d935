r"""Claims of notebook 03: every number its markdown writes, mapped to a stored output (owner: F).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb03 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. Add a row per number (see tests/claims/__init__.py):

    Claim("0.9820", cell="sigmoid(4.0)", pattern=r"a = ([\d.]+)"),          # read from the stored output
    Claim("0.3", cell="eta = 0.3", pattern=r"eta = ([\d.]+)", source=True),  # a parameter, from the source
    Claim("5", cell="diamond_chain(", pattern=r"stages=(\d+)", where="stages"),  # only on lines with "stages"

Then set COMPLETE = True: until then a missing row is reported as xfail, not a failure.
"""
from claims import Claim  # noqa: F401

COMPLETE = True

CLAIMS = [
    Claim("5", cell="tangent = forward_mode(e, b)", pattern=r"de/db = (5)"),
    Claim("3", cell="adjoint = reverse_mode(e)", pattern=r"de/dd = (3)"),
    Claim("10", cell="count_operations(many_inputs_function(n)[1])", pattern=r"n =\s+10:.*ratio (10)\b"),
    Claim("10{,}000", cell="count_operations(many_inputs_function(n)[1])", pattern=r"ratio (10,000)"),
    Claim("10^8", cell="n = 10**8", pattern=r"a (1e\+08)-fold saving"),
    Claim("0.7", cell="slope_in = loglog_slope", pattern=r"between (0.7) and 1.3: True"),
    Claim("1.3", cell="slope_in = loglog_slope", pattern=r"between 0.7 and (1.3): True"),
    Claim("50", cell="slope_in = loglog_slope", pattern=r"more than (50) times slower at n = 10,000: True"),
    Claim("200", cell="modes_bytes_per_node", pattern=r"about (\d+) bytes per node"),
    Claim("-1", cell="check_reverse_adjoints(adjoints", pattern=r"a=(-1)\.0", source=True),
    Claim("3", cell="check_passes(passes", pattern=r"n_outputs=(3)", source=True, where="outputs"),
    Claim("1000", cell="check_passes(passes", pattern=r"n_inputs=(1000)", source=True),
]
