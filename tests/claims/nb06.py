r"""Claims of notebook 06: every number its markdown writes, mapped to a stored output (owner: G).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb06 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. See tests/claims/__init__.py for the row format.
"""
from claims import Claim

COMPLETE = True

QUAD = "quad = train_neuron("
STARTS = 'say("nb06_start_outputs"'
PLATEAU = "plateau = {epoch:"
SLOPES = "z0 = quad.z[0]"
COSTS = 'for key, cost in (("nb06_grid_cross_entropy"'
CE = "ce = train_neuron("
HALF = "first_below_half = {"
SLOW = "slow = {name: train_neuron("
TRY = "worse = {c: train_neuron("
HIDDEN = "hidden_gradient = {}"

CLAIMS = [
    # the setting: one neuron, eta and epochs
    Claim("0.15", cell=QUAD, pattern=r"eta=(0\.15)", source=True),
    Claim("300", cell=QUAD, pattern=r"epochs=(300)", source=True),
    Claim("0.6", cell=STARTS, pattern=r"start w = (0\.6)"),
    Claim("0.9", cell=STARTS, pattern=r"start w = 0\.6, b = (0\.9)"),
    Claim("0.8176", cell=STARTS, pattern=r"output (0\.8176) before"),
    Claim("0.9820", cell=STARTS, pattern=r"b = 2\.0: output ([\d.]+) before"),
    Claim("0.0940", cell=STARTS, pattern=r"0\.8176 before, ([\d.]+) after"),
    Claim("0.2028", cell=STARTS, pattern=r"0\.9820 before, ([\d.]+) after"),
    # the plateau
    Claim("50", cell=PLATEAU, pattern=r"\{(50):"),
    Claim("150", cell=PLATEAU, pattern=r"(150): 0\.933"),
    Claim("200", cell=PLATEAU, pattern=r"(200): 0\.789"),
    Claim("250", cell=PLATEAU, pattern=r"(250): 0\.357"),
    Claim("0.976", cell=PLATEAU, pattern=r"50: ([\d.]+)"),
    Claim("0.933", cell=PLATEAU, pattern=r"150: ([\d.]+)"),
    Claim("0.789", cell=PLATEAU, pattern=r"200: ([\d.]+)"),
    Claim("0.357", cell=PLATEAU, pattern=r"250: ([\d.]+)"),
    # sigma' at the two starts
    Claim("1.5", cell=SLOPES, pattern=r"\[(1\.5) "),
    Claim("4", cell=SLOPES, pattern=r"\[1\.5 (4)\."),
    Claim("0.149", cell=SLOPES, pattern=r"sigma'\(z\): \[([\d.]+)"),
    Claim("0.0177", cell=SLOPES, pattern=r"sigma'\(z\): \[[\d.]+ ([\d.]+)\]"),
    Claim("0.1219", cell=SLOPES, pattern=r"dC/dw: \[([\d.]+)"),
    Claim("0.01735", cell=SLOPES, pattern=r"dC/dw: \[[\d.]+ ([\d.]+)\]"),
    Claim("7", cell=SLOPES, pattern=r"ratio of the first gradients: ([\d.]+)"),
    # the two costs as functions of the output
    Claim("0.0101", cell=COSTS, pattern=r"cross-entropy .*C\(a = 0\.01, y = 0\) = ([\d.]+)"),
    Claim("4.6052", cell=COSTS, pattern=r"cross-entropy .*C\(a = 0\.99, y = 0\) = ([\d.]+)"),
    Claim("0.99", cell=COSTS, pattern=r"0\.01, (0\.99)", source=True),
    Claim("0.0001", cell=COSTS, pattern=r"quadratic .*C\(a = 0\.01, y = 0\) = ([\d.]+)"),
    # cross-entropy from the same starts
    Claim("56.6", cell=CE, pattern=r"first gradient / quadratic's: ([\d.]+)"),
    Claim("0.0116", cell=CE, pattern=r"after 300 epochs: \[([\d.]+)"),
    Claim("0.0120", cell=CE, pattern=r"after 300 epochs: \[[\d.]+ ([\d.]+)"),
    Claim("232", cell=HALF, pattern=r"'quadratic': \[\d+, (\d+)\]"),
    Claim("17", cell=HALF, pattern=r"'cross-entropy': \[\d+, (\d+)\]"),
    Claim("0.5", cell=HALF, pattern=r"< (0\.5)", source=True),
    # the honest word about the learning rate
    Claim("0.005", cell=SLOW, pattern=r"eta=(0\.005)", source=True),
    Claim("0.418", cell=SLOW, pattern=r"cross-entropy eta = 0\.005: outputs after 300 epochs \[([\d.]+)"),
    Claim("0.780", cell=SLOW, pattern=r"cross-entropy eta = 0\.005: outputs after 300 epochs \[[\d.]+ ([\d.]+)"),
    # things to try in the panel
    Claim("0.9996", cell=TRY, pattern=r"'quadratic': ([\d.]+)"),
    Claim("1000", cell=TRY, pattern=r"epochs=(1000)", source=True),
    Claim("0.0035", cell=TRY, pattern=r"'cross-entropy': ([\d.]+)\}"),
    Claim("-1", cell=TRY, pattern=r"w0=(-1\.0)", source=True),
    Claim("0.1192", cell=TRY, pattern=r"\} ([\d.]+) \{"),
    Claim("25", cell=TRY, pattern=r"\{'quadratic': (\d+), 'cross-entropy': \d+\}"),
    # the saturated hidden neuron
    Claim("6", cell=HIDDEN, pattern=r"\(1\.0, (6)\.0\)", source=True),
    Claim("0.8495", cell=HIDDEN, pattern=r"hidden z = 1: +output error a - y = ([\d.]+)"),
    Claim("0.8805", cell=HIDDEN, pattern=r"hidden z = 6: +output error a - y = ([\d.]+)"),
    Claim("0.1966", cell=HIDDEN, pattern=r"hidden z = 1:.*hidden sigma' = ([\d.]+)"),
    Claim("0.0025", cell=HIDDEN, pattern=r"hidden z = 6:.*hidden sigma' = ([\d.]+)"),
    Claim("0.16703", cell=HIDDEN, pattern=r"hidden z = 1:.*dC/dw hidden = ([\d.]+)"),
    Claim("0.00217", cell=HIDDEN, pattern=r"hidden z = 6:.*dC/dw hidden = ([\d.]+)"),
    Claim("77", cell=HIDDEN, pattern=r"gradient is (\d+) times smaller"),
    # exercise 4's settings
    Claim("2000", cell="check_epochs_to_half(", pattern=r"limit=(2000)", source=True),
]
