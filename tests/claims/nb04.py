r"""Claims of notebook 04: every number its markdown writes, mapped to a stored output (owner: F).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb04 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. Add a row per number (see tests/claims/__init__.py):

    Claim("0.9820", cell="sigmoid(4.0)", pattern=r"a = ([\d.]+)"),          # read from the stored output
    Claim("0.3", cell="eta = 0.3", pattern=r"eta = ([\d.]+)", source=True),  # a parameter, from the source
    Claim("5", cell="diamond_chain(", pattern=r"stages=(\d+)", where="stages"),  # only on lines with "stages"

Then set COMPLETE = True: until then a missing row is reported as xfail, not a failure.
"""
from claims import Claim  # noqa: F401

COMPLETE = True

CLAIMS = [
    Claim("-1", cell="x, y = 1.0, -1.0", pattern=r"x, y = 1.0, (-1)\.0", source=True),
    Claim("4,810", cell="sizes = [64, 64, 10]", pattern=r"([\d,]+) parameters"),
    Claim("100", cell="sizes = [64, 64, 10]", pattern=r"a grid of (100) values"),
    Claim("9,621", cell="sizes = [64, 64, 10]", pattern=r"a number of ([\d,]+) digits"),
    Claim("0.127", cell="stationary_points(poly)", pattern=r"maximum at w = ([-\d.]+)"),
    Claim("0.930", cell="stationary_points(poly)", pattern=r"local minimum at w = ([-\d.]+)"),
    Claim("-1.057", cell="stationary_points(poly)", pattern=r"lowest minimum at w = ([-\d.]+)"),
    Claim("2000", cell="rng.normal(size=(2000, 2))", pattern=r"size=\((2000), 2\)", source=True),
    Claim("5", cell="w, eta = 5.0, 0.2", pattern=r"w, eta = (5)\.0", source=True),
    Claim("0.2", cell="w, eta = 5.0, 0.2", pattern=r"w, eta = 5.0, (0.2)", source=True),
    Claim("12", cell="w, eta = 5.0, 0.2", pattern=r"w1 = 2.6\s+\(the slope was (12)\)"),
    Claim("2.6", cell="w, eta = 5.0, 0.2", pattern=r"w1 = ([\d.]+)"),
    Claim("1.16", cell="w, eta = 5.0, 0.2", pattern=r"w2 = ([\d.]+)"),
    Claim("0.296", cell="w, eta = 5.0, 0.2", pattern=r"w3 = ([\d.]+)"),
    Claim("6", cell="t = np.arange(51)", pattern=r"(6) \* 0.6\*\*t"),
    Claim("0.6", cell="t = np.arange(51)", pattern=r"6 \* (0.6)\*\*t"),
    Claim("50", cell="t = np.arange(51)", pattern=r"t = 0\.\.(50)"),
    Claim("0.5", cell="etas = [0.2, 0.5", pattern=r"etas = \[0.2, (0.5)", source=True),
    Claim("0.8", cell="etas = [0.2, 0.5", pattern=r"(0.8), 1.0", source=True),
    Claim("1.0", cell="etas = [0.2, 0.5", pattern=r"0.8, (1.0),", source=True),
    Claim("-7", cell="d = paths[0.8].points[:61]", pattern=r"visited: \[(-7)\.0"),
    Claim("60", cell="d = paths[0.8].points[:61]", pattern=r"first (60) steps: sign flips every step: True"),
    Claim("1.1", cell="etas = [0.2, 0.5", pattern=r"eta=1.05\s+r=-(1.10)"),
    Claim("126", cell="etas = [0.2, 0.5", pattern=r"(126) steps taken \(stopped"),
    Claim("10^6", cell="etas = [0.2, 0.5", pattern=r"past (1e6)"),
    Claim("10", cell="curvatures = np.linalg.eigvalsh", pattern=r"\[ 1\. (10)\.\]"),
    Claim("0.1", cell="curvatures = np.linalg.eigvalsh", pattern=r"= (0.1)$"),
    Claim("0.15", cell="draw_contour_descent(start=", pattern=r"eta=(0.15)", source=True),
    Claim("-3", cell="draw_contour_descent(start=", pattern=r"start=\((-3)\.0", source=True),
    Claim("3", cell="draw_contour_descent(start=", pattern=r"start=\(-3.0, (3)\.0\)", source=True),
    Claim("150", cell="petals = load_petals()", pattern=r"(\d+) flowers"),
    Claim("0.3", cell="check_one_step(w1)", pattern=r"η = (0.3)\."),
]
