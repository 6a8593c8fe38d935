r"""Claims of notebook 04: every number its markdown writes, mapped to a stored output (owner: F).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb04 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. Add a row per number (see tests/claims/__init__.py):

    Claim("0.9820", cell="sigmoid(4.0)", pattern=r"a = ([\d.]+)"),          # read from the stored output
    Claim("0.3", cell="eta = 0.3", pattern=r"eta = ([\d.]+)", source=True),  # a parameter, from the source
    Claim("5", cell="diamond_chain(", pattern=r"stages=(\d+)", where="stages"),  # only on lines with "stages"

Then set COMPLETE = True: until then a missing row is reported as xfail, not a failure.
"""
from claims import Claim  # noqa: F401

COMPLETE = False

CLAIMS = [
]
