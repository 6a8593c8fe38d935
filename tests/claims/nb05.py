r"""Claims of notebook 05: every number its markdown writes, mapped to a stored output (owner: G).

Run `.venv/bin/python -m pytest tests/test_claims.py -k nb05 -p no:randomly -q`: it lists every
unmapped number with the markdown line it is on. See tests/claims/__init__.py for the row format.
"""
from claims import Claim

COMPLETE = True

SMALL = 'say("nb05_shapes"'
NUDGE = "nudge = 1e-3"
BP1 = "bp1 = (activations[-1]"
QUIET = "quiet = net.copy()"
STUCK = "stuck = net.copy()"
MATRIX = "median_seconds(lambda: [network.backprop"
CIRCLE = "points = rng.uniform("
NOTATIONS = "ways = all_gradients("
CHECK = "check = gradient_check(net, X3, Y3, h="
BROKEN = "broken = gradient_check("
FD_TIME = "fd = numerical_gradient("
FD_COUNT = "bp = digit_net.backprop(Xd, Yd)"

CLAIMS = [
    # the small 2-3-2 network on one example
    Claim("3", cell=SMALL, pattern=r"\[\((3), 2\)"),
    Claim("3", cell=CIRCLE, pattern=r"eta=(3)\.0", source=True, where="\\eta = 3"),
    Claim("0.5", cell=SMALL, pattern=r"np\.array\(\[(0\.5), -1\.0\]\)", source=True),
    Claim("-1", cell=SMALL, pattern=r"np\.array\(\[0\.5, (-1\.0)\]\)", source=True),
    Claim("0.388", cell=SMALL, pattern=r"a3 = \[([\d.]+)"),
    Claim("0.313", cell=SMALL, pattern=r"a3 = \[[\d.]+ ([\d.]+)\]"),
    Claim("0.236", cell=SMALL, pattern=r"C = ([\d.]+)"),
    # delta as the rate of change of C
    Claim("1.45×10^-4", cell=NUDGE, pattern=r"actual change in C = -([\d.]+e-04)"),
    Claim("-0.145", cell=BP1, pattern=r"BP1 by hand: \[(-[\d.]+)"),
    Claim("0.067", cell=BP1, pattern=r"BP1 by hand: \[-[\d.]+ +([\d.]+)\]"),
    # two ways to learn slowly
    Claim("-6", cell=QUIET, pattern=r"= (-6)\.0", source=True),
    Claim("0.0028", cell=QUIET, pattern=r"hidden activations: \[([\d.]+)"),
    Claim("4×10^-4", cell=QUIET, pattern=r"out of each hidden neuron: \[([\d.]+)"),
    Claim("0.48", cell=QUIET, pattern=r"hidden activations: \[[\d.]+ ([\d.]+)"),
    Claim("6", cell=STUCK, pattern=r"= (6)\.0", source=True),
    Claim("0.998", cell=STUCK, pattern=r"a2: \[[\d.]+ ([\d.]+)"),
    Claim("0.002", cell=STUCK, pattern=r"sigma'\(z2\): \[[\d.]+ ([\d.]+)"),
    Claim("37", cell=STUCK, pattern=r"neighbours / neuron 2: (\d+)x"),
    # the matrix form on 100 digit images
    Claim("100", cell=MATRIX, pattern=r"X_train\[:, :(100)\]", source=True),
    # training on the circle
    Claim("400", cell=CIRCLE, pattern=r"\(2, (400)\)", source=True),
    Claim("-1.5", cell=CIRCLE, pattern=r"uniform\((-1\.5),", source=True),
    Claim("1.5", cell=CIRCLE, pattern=r"uniform\(-1\.5, (1\.5),", source=True),
    Claim("300", cell=CIRCLE, pattern=r"points\[:, :(300)\]", source=True),
    Claim("60", cell=CIRCLE, pattern=r"epochs=(60)", source=True),
    Claim("10", cell=CIRCLE, pattern=r"mini_batch_size=(10)", source=True),
    Claim("0.240", cell=CIRCLE, pattern=r"training cost ([\d.]+) ->"),
    Claim("0.020", cell=CIRCLE, pattern=r"-> ([\d.]+),"),
    Claim("95", cell=CIRCLE, pattern=r"test accuracy ([\d.]+)", scale=100),
    # notations, gradient checking
    Claim("10^-15", cell=NOTATIONS, pattern=r"gap < (1e-15)", source=True),
    Claim("10^-5", cell=CHECK, pattern=r"h=(1e-5)", source=True),
    Claim("10^-7", cell=CHECK, pattern=r"\(<= (1e-7)\)"),
    Claim("10^-2", cell=BROKEN, pattern=r"\(> (1e-2)\)"),
    # finite differences on the digit network
    Claim("4,810", cell=FD_COUNT, pattern=r"parameters: (\d+)"),
    Claim("9,620", cell=FD_COUNT, pattern=r"evaluations of C: (\d+)"),
    Claim("10^-8", cell=FD_COUNT, pattern=r"gap < (1e-8)", source=True),
    # the exercises' settings
    Claim("0.1", cell="check_hidden_delta(", pattern=r"delta_next=\((0\.1),", source=True),
    Claim("0.3", cell="check_hidden_delta(", pattern=r"delta_next=\(0\.1, (0\.3)\)", source=True),
]
