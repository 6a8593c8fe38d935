"""A graph whose inputs are sliders: node values and edge derivatives follow."""
import ipywidgets as widgets

from helpers.graph import Value
from helpers.plots.graph import draw_graph
from helpers.widgets import Panel, new_figure

__all__ = ["ExpressionPanel", "running_example"]


def running_example(a, b):
    """The running example of the collection: e = (a + b) * (b + 1)."""
    c = (a + b).named("c")
    d = (b + 1).named("d")
    return (c * d).named("e")


class ExpressionPanel(Panel):
    """Sliders for the inputs of `build`; the drawn graph updates in place.

    build     -- a function of input Values returning the output Value
    inputs    -- {name: (start, low, high)} for each argument of build
    show_grad -- run backward() and print each node's grad as well
    """

    def __init__(self, build=running_example, inputs=None, show_grad=False, step=0.5):
        inputs = inputs or {"a": (2.0, -5.0, 5.0), "b": (1.0, -5.0, 5.0)}
        if not callable(build):
            raise TypeError("build must be a function of the input Values")
        for name, spec in inputs.items():
            if len(spec) != 3 or not spec[1] <= spec[0] <= spec[2]:
                raise ValueError(f"inputs[{name!r}] must be (start, low, high) with low <= start <= high")
        self.build, self.show_grad = build, show_grad
        self.controls = {
            name: widgets.FloatSlider(value=start, min=low, max=high, step=step,
                                      description=f"{name} =", continuous_update=True)
            for name, (start, low, high) in inputs.items()}
        self.figure = new_figure(figsize=(6.4, 3.2))
        self.drawing = draw_graph(self._output(**self.values()), ax=self.figure.add_subplot(),
                                  show_grad=show_grad)
        self.figure.tight_layout()
        self._connect()

    def _output(self, **values):
        out = self.build(**{name: Value(v, name) for name, v in values.items()})
        if self.show_grad:
            out.backward()
        return out

    def update(self, **values):
        self.output = self._output(**values)
        self.drawing.update(self.output)
