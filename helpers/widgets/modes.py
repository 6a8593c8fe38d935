"""Forward and reverse mode, one node per click, on the running example e = (a + b)(b + 1)."""
import ipywidgets as widgets

from helpers.examples import running_example
from helpers.graph import Value
from helpers.i18n import _, N_
from helpers.plots.background import freeze_static
from helpers.plots.walks import StepDrawing
from helpers.style import COLORS
from helpers.walks import forward_steps, reverse_steps
from helpers.validate import real
from helpers.widgets import Panel, new_figure

__all__ = ["ModeStepPanel", "RESET"]

NEXT_STEP = N_("next step")
RESET = N_("reset")             # a button here and in the network panel


class ModeStepPanel(Panel):
    """Step through forward mode (from one input) or reverse mode (from e).

    "next step" fills in one more node: its tangent d(node)/d(input) (forward)
    or its adjoint de/d(node) (reverse), with the edges it reads highlighted
    and the sum written out below. "reset" empties the graph. Moving a or b
    recomputes every number and keeps the steps already taken.
    """

    def __init__(self, mode="forward", wrt="b", a=2.0, b=1.0, done=0):
        if mode not in ("forward", "reverse"):
            raise ValueError(f"mode must be 'forward' or 'reverse', got {mode!r}")
        if wrt not in ("a", "b"):
            raise ValueError(f"wrt must be 'a' or 'b', got {wrt!r}")
        a, b = real(a, "a", -3.0, 3.0), real(b, "b", -3.0, 3.0)     # the sliders' ranges
        if isinstance(done, bool) or not isinstance(done, int) or not 0 <= done <= 5:
            raise ValueError(f"done must be a whole number of steps from 0 to 5, got {done!r}")
        self.done, self._key = done, (mode, wrt)
        self.controls = {
            "mode": widgets.ToggleButtons(options=[(_("forward"), "forward"),
                                                   (_("reverse"), "reverse")], value=mode,
                                          description=_("mode")),
            "wrt": widgets.Dropdown(options=["a", "b"], value=wrt,
                                    description=_("forward from"),
                                    disabled=(mode == "reverse")),
            "a": widgets.FloatSlider(value=a, min=-3.0, max=3.0, step=0.5, description="a ="),
            "b": widgets.FloatSlider(value=b, min=-3.0, max=3.0, step=0.5, description="b ="),
            "next": widgets.Button(description=_(NEXT_STEP), button_style="primary"),
            "reset": widgets.Button(description=_(RESET)),
        }
        self.controls["next"].on_click(self._next)
        self.controls["reset"].on_click(self._reset)
        self.figure = new_figure(figsize=(7.2, 3.9))
        graph_ax = self.figure.add_axes([0.0, 0.22, 1.0, 0.78])
        self.drawing = StepDrawing(graph_ax, self._graph(a, b)[-1], values=False)
        self.formula = self.figure.text(0.02, 0.06, "", fontsize=10.5, color=COLORS["ink"])
        # The arrows change colour only when a step is taken or undone: they come from a
        # cached picture, drawn again then; a moved slider redraws the numbers only.
        graph = self.drawing.drawing
        self.layer = freeze_static(self.figure, [*graph.node_text, *graph.edge_text])
        self._lit = None
        self._connect()

    @staticmethod
    def _graph(a, b):
        a, b = Value(a, "a"), Value(b, "b")
        return a, b, running_example(a, b)

    def update(self, mode, wrt, a, b):
        if (mode, wrt) != self._key:           # another walk: start it from the beginning
            self._key, self.done = (mode, wrt), 0
        self.controls["wrt"].disabled = mode == "reverse"
        a_node, b_node, e = self._graph(a, b)
        self.steps = (forward_steps(e, {"a": a_node, "b": b_node}[wrt]) if mode == "forward"
                      else reverse_steps(e))
        self.output = e
        self._show(e)

    def _show(self, output=None):
        steps, done = self.steps, self.done
        self.drawing.show(steps, done, output)
        mode, wrt = self._key
        # One line of text (each glyph costs drawing time): the last step's sum.
        if done == 0:
            what = (_("forward mode from {wrt}").format(wrt=wrt) if mode == "forward"
                    else _("reverse mode from e"))
            self.formula.set_text(_("{what}: press '{next}'").format(what=what, next=_(NEXT_STEP)))
        else:
            self.formula.set_text(_("step {done} of {total}: {formula}").format(
                done=done, total=len(steps), formula=steps[done - 1].formula()))
        self.controls["next"].disabled = done == len(steps)
        if self._lit != (mode, wrt, done):     # other arrows lit: draw the cached picture again
            self._lit = (mode, wrt, done)
            self.layer.invalidate()

    def _next(self, _button=None):
        if self.done < len(self.steps):
            self.done += 1
        self._show()
        self.redraw()

    def _reset(self, _button=None):
        self.done = 0
        self._show()
        self.redraw()
