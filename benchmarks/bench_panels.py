"""Every live panel's update time, kernel side: set a slider, update, render."""
import random

from benchmarks.common import Row, median, ms, panel_update_times
from helpers.widgets import all_panels

BUDGET = 0.050


def slider_moves(panel, n=50, seed=0):
    """n random single-slider moves over the panel's numeric sliders."""
    rng = random.Random(seed)
    sliders = {k: w for k, w in panel.controls.items() if hasattr(w, "min") and hasattr(w, "max")}
    if not sliders:
        return []
    moves = []
    for _ in range(n):
        name = rng.choice(sorted(sliders))
        w = sliders[name]
        steps = int(round((w.max - w.min) / w.step)) if getattr(w, "step", None) else 100
        moves.append({name: w.min + rng.randint(0, steps) * (w.step or (w.max - w.min) / 100)})
    return moves


def run():
    rows = []
    for name, cls in sorted(all_panels().items()):
        panel = cls()
        samples = panel_update_times(panel, slider_moves(panel))
        if not samples:
            continue                           # no sliders: nothing a learner drags
        m = median(samples)
        rows.append(Row(f"panel update: {name.split('.')[-1]} (50 slider moves)", ms(m),
                        budget="<= 50 ms", ok=m <= BUDGET))
    return rows
