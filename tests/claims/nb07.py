r"""Claims of notebook 07: every number its markdown writes, mapped to a stored output (owner: G).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb07 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. See tests/claims/__init__.py for the row format.
"""
from claims import Claim

COMPLETE = True

SCORES = "z = np.array([2.0, 1.0, 0.1])"
COST = "cost = LogLikelihoodCost.fn("
FINITE = "z10, y10 = rng.normal"
DIGITS = "digits = load_digits("
SETTINGS = "SIZES, EPOCHS, MINI_BATCH, ETA, SEEDS ="
PROBE = "probe_X, probe_right ="
SLOW = "z_start = Network(SIZES"
TABLE = "say(\"nb07_accuracy_table_header\")"
WRONG = "wrong, guessed = misclassified("


def row(cost, step):
    """The start of a row of the measurement: `step` steps under `cost`, below its pairing's heading."""
    return rf"{cost} \+ sigmoid:\n(?:.*\n)*?  after +{step} steps:"


def slow(cost, step, column):
    """A row of the measurement: the value in `column` after `step` steps under `cost`."""
    return row(cost, step) + rf".*{column} ([\d.]+)"


CLAIMS = [
    # softmax of three scores
    Claim("0.1", cell=SCORES, pattern=r"\[2\.0, 1\.0, (0\.1)\]", source=True),
    Claim("0.659", cell=SCORES, pattern=r"softmax: \[([\d.]+)"),
    Claim("0.242", cell=SCORES, pattern=r"softmax: \[[\d.]+ ([\d.]+)"),
    Claim("0.099", cell=SCORES, pattern=r"softmax: \[[\d.]+ [\d.]+ ([\d.]+)\]"),
    Claim("100", cell=SCORES, pattern=r"\+ (100)\.0", source=True),
    Claim("709", cell=SCORES, pattern=r"above z = ([\d.]+)", tol=1.0),
    # the exercises' inputs, as the checks state them
    Claim("1000", cell="check_stable_softmax(stable_softmax)", pattern=r"as large as \+-(1000)"),
    Claim("-1000", cell="check_stable_softmax(stable_softmax)", pattern=r"as large as \+-(1000)", scale=-1.0),
    Claim("3", cell="check_softmax_probability(", pattern=r"\[1\.0, (3)\.0, 0\.0\]", source=True),
    # log-likelihood
    Claim("0.417", cell=COST, pattern=r"-ln a_0 = ([\d.]+)"),
    Claim("10^-5", cell=FINITE, pattern=r"h=(1e-5)", source=True),
    Claim("10^-7", cell=FINITE, pattern=r"relative error <= (1e-7)"),
    # the digits and the settings
    Claim("1,797", cell=DIGITS, pattern=r"images in all: (\d+)"),
    Claim("20", cell="plot_digit_grid(digits.X_train[:, :20]", pattern=r":(20)\]", source=True),
    Claim("10", cell=SETTINGS, pattern=r"\], (10), 10, 0\.5", source=True),
    Claim("0.5", cell=SETTINGS, pattern=r"10, 10, (0\.5),", source=True),
    Claim("300", cell=PROBE, pattern=r":(300)\]", source=True),
    # why the quadratic network starts slowly
    Claim("2.24", cell=SLOW, pattern=r"largest ([\d.]+);"),
    Claim("0.19", cell=SLOW, pattern=r"sigma'\(z\^L\) averages ([\d.]+)"),
    Claim("0.25", cell=SLOW, pattern=r"the largest possible is ([\d.]+)"),
    Claim("0.621", cell=SLOW, pattern=slow("quadratic", 0, "output right class")),
    Claim("0.196", cell=SLOW, pattern=slow("quadratic", 0, "sigma' right class")),
    Claim("0.192", cell=SLOW, pattern=row("quadratic", 0) + r" sigma' right class [\d.]+, others ([\d.]+)"),
    Claim("0.107", cell=SLOW, pattern=slow("quadratic", 20, "output right class")),
    Claim("0.104", cell=SLOW, pattern=row("quadratic", 20) + r".*output right class [\d.]+, others ([\d.]+)"),
    Claim("0.118", cell=SLOW, pattern=slow("quadratic", 135, "output right class")),
    Claim("0.103", cell=SLOW, pattern=slow("quadratic", 135, "sigma' right class")),
    Claim("0.091", cell=SLOW, pattern=row("quadratic", 135) + r" sigma' right class [\d.]+, others ([\d.]+)"),
    Claim("0.230", cell=SLOW, pattern=slow("quadratic", 405, "output right class")),
    Claim("0.119", cell=SLOW, pattern=row("quadratic", 405) + r".*output right class [\d.]+, others ([\d.]+)"),
    Claim("0.170", cell=SLOW, pattern=slow("quadratic", 405, "sigma' right class")),
    Claim("0.500", cell=SLOW, pattern=slow("cross-entropy", 135, "output right class")),
    Claim("0.804", cell=SLOW, pattern=slow("cross-entropy", 405, "output right class")),
    Claim("20", cell=SLOW, pattern=r"\(0, (20), steps", source=True, where="Within 20 steps"),
    # five seeds, three pairings
    Claim("91.6", cell=TABLE, pattern=r"[\d.]+% +([\d.]+)% +[\d.]+% +[\d.]+% +[\d.]+% +quadratic \+ sigmoid"),
    Claim("0.4", cell=TABLE, pattern=r"[\d.]+% +[\d.]+% +([\d.]+)% +[\d.]+% +[\d.]+% +quadratic \+ sigmoid"),
    Claim("95.3", cell=TABLE, pattern=r"[\d.]+% +([\d.]+)% +[\d.]+% +[\d.]+% +[\d.]+% +cross-entropy \+ sigmoid"),
    Claim("94.9", cell=TABLE, pattern=r"([\d.]+)% +[\d.]+% +[\d.]+% +[\d.]+% +[\d.]+% +cross-entropy \+ sigmoid"),
    Claim("0.6", cell=TABLE, pattern=r"[\d.]+% +[\d.]+% +([\d.]+)% +[\d.]+% +[\d.]+% +cross-entropy \+ sigmoid"),
    Claim("95.1", cell=TABLE, pattern=r"[\d.]+% +([\d.]+)% +[\d.]+% +[\d.]+% +[\d.]+% +log-likelihood \+ softmax"),
    Claim("0.2", cell=TABLE, pattern=r"means: ([\d.]+) points"),
    Claim("82.2", cell=TABLE, pattern=r"cross-entropy \+ sigmoid ([\d.]+)", scale=100.0),
    Claim("81.6", cell=TABLE, pattern=r"log-likelihood \+ softmax ([\d.]+)", scale=100.0),
    Claim("19.1", cell=TABLE, pattern=r"quadratic \+ sigmoid ([\d.]+)", scale=100.0),
    # the digits it gets wrong
    Claim("22", cell=WRONG, pattern=r"misclassified: (\d+) of"),
    Claim("450", cell=WRONG, pattern=r"misclassified: \d+ of (\d+)"),
]
