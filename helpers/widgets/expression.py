"""A graph whose inputs are sliders: node values and edge derivatives follow."""
import ipywidgets as widgets

from helpers.examples import running_example
from helpers.graph import Value
from helpers.plots.background import freeze_static
from helpers.plots.graph import draw_graph
from helpers.validate import float_array, function, positive
from helpers.widgets import Panel, new_figure

__all__ = ["ExpressionPanel"]


class ExpressionPanel(Panel):
    """Sliders for the inputs of `build`; the drawn graph updates in place.

    build     -- a function of input Values returning the output Value
    inputs    -- {name: (start, low, high)} for each argument of build
    show_grad -- run backward() and print each node's grad as well
    """

    def __init__(self, build=running_example, inputs=None, show_grad=False, step=0.5):
        inputs = {"a": (2.0, -5.0, 5.0), "b": (1.0, -5.0, 5.0)} if inputs is None else inputs
        function(build, "build")
        if not isinstance(inputs, dict) or not inputs:
            raise TypeError(f"inputs must be a dict {{name: (start, low, high)}}, got {inputs!r}")
        for name, spec in inputs.items():
            start, low, high = float_array(spec, f"inputs[{name!r}]", shape=(3,)).tolist()
            if not low <= start <= high or low == high:
                raise ValueError(f"inputs[{name!r}] must be (start, low, high) with "
                                 f"low <= start <= high and low < high, got {spec!r}")
        step = positive(step, "step")
        self.build, self.show_grad = build, show_grad
        self.controls = {
            name: widgets.FloatSlider(value=start, min=low, max=high, step=step,
                                      description=f"{name} =", continuous_update=True)
            for name, (start, low, high) in inputs.items()}
        self.figure = new_figure(figsize=(6.4, 3.2))
        self.drawing = draw_graph(self._output(**self.values()), ax=self.figure.add_subplot(),
                                  show_grad=show_grad)
        self.figure.tight_layout()
        # A move changes the numbers only: the arrows come from a cached picture.
        freeze_static(self.figure, [*self.drawing.node_text, *self.drawing.edge_text])
        self._connect()

    def _output(self, **values):
        out = self.build(**{name: Value(v, name) for name, v in values.items()})
        if self.show_grad:
            out.backward()
        return out

    def update(self, **values):
        self.output = self._output(**values)
        self.drawing.update(self.output)
