r"""Claims of notebook 08: every number its markdown writes, mapped to a stored output (owner: F).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb08 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. Add a row per number (see tests/claims/__init__.py):

    Claim("0.9820", cell="sigmoid(4.0)", pattern=r"a = ([\d.]+)"),          # read from the stored output
    Claim("0.3", cell="eta = 0.3", pattern=r"eta = ([\d.]+)", source=True),  # a parameter, from the source
    Claim("5", cell="diamond_chain(", pattern=r"stages=(\d+)", where="stages"),  # only on lines with "stages"

Then set COMPLETE = True: until then a missing row is reported as xfail, not a failure.
"""
from claims import Claim  # noqa: F401

COMPLETE = True

TABLE = "runs = compare_methods("

CLAIMS = [
    Claim("-1.2", cell="valley = np.linalg.eigvalsh", pattern=r"start \((-1.2), 1.0\)"),
    Claim("100", cell="valley = np.linalg.eigvalsh", pattern=r"= (100) \(y"),
    Claim("100", cell="slowest = min(", pattern=r"more than (100)x the evaluations of BFGS and Nelder-Mead: True",
          where="slower"),
    Claim("1001.6", cell="valley = np.linalg.eigvalsh", pattern=r"2 / (1001.6)"),
    Claim("0.002", cell="valley = np.linalg.eigvalsh", pattern=r"= (0.0020)"),
    Claim("0.3994", cell="valley = np.linalg.eigvalsh", pattern=r"\[(3.994\d*e-01)"),
    Claim("0.4", cell="valley = np.linalg.eigvalsh", pattern=r"\[(3.994\d*e-01)"),
    Claim("0.001", cell="gd = gradient_descent(", pattern=r"eta=(1e-3)", source=True),
    Claim("-3", cell="gd = gradient_descent(", pattern=r"second point \[\s*[\d.]+\s+(-3\.\d+)\]"),
    Claim("5", cell="gd = gradient_descent(", pattern=r"Newton: (5) steps"),
    Claim("10^-6", cell=TABLE, pattern=r"target=(1e-6)", source=True),
    Claim("24.2", cell="valley = np.linalg.eigvalsh", pattern=r"cost there ([\d.]+)"),
    Claim("4,810", cell="n_params = 4810", pattern=r"for ([\d,]+) parameters"),
    Claim("1411.8", cell="newton, newton_cg = runs[-1], runs[-2]", pattern=r"highest cost on the way ([\d.]+)"),
    Claim("82", cell="newton, newton_cg = runs[-1], runs[-2]", pattern=r"Newton-CG Hessians: (\d+)"),
    Claim("23,136,100", cell="newton, newton_cg = runs[-1], runs[-2]", pattern=r"Hessian entries ([\d,]+)"),
    Claim("9,620", cell="newton, newton_cg = runs[-1], runs[-2]", pattern=r"probes up to ([\d,]+)"),
    Claim("-1", cell="newton, newton_cg = runs[-1], runs[-2]", pattern=r"hess\(\((-1)\.0, 1.01\)", source=True),
    Claim("-0.4", cell="newton, newton_cg = runs[-1], runs[-2]", pattern=r"\[(-4.000e-01)"),
    Claim("74", cell=TABLE, pattern=r"BFGS \(scipy\)[^\n]*?(\d+) *\n"),
    Claim("139", cell=TABLE, pattern=r"conjugate gradient \(scipy\).*?(\d+)\s*\n"),
    Claim("135", cell=TABLE, pattern=r"Nelder-Mead \(scipy\).*?(\d+)\s*\n"),
    Claim("268", cell=TABLE, pattern=r"Hooke-Jeeves \(ours\).*?(\d+)\s*\n"),
    Claim("15,068", cell=TABLE, pattern=r"gradient descent, η = 0.001.*?(\d+)\s*\n"),
    Claim("14,871", cell=TABLE, pattern=r"sign of slope, shrinking step.*?(\d+)\s*\n"),
    Claim("1000", cell="gd = gradient_descent(", pattern=r"decay_steps=(1000)", source=True),
    # the Rprop exercise: its factors are the check's parameters
    Claim("1.2", cell="check_rprop_step(", pattern=r"grow=(1\.2)", source=True),
    Claim("0.5", cell="check_rprop_step(", pattern=r"shrink=(0\.5)", source=True),
]
