"""Show a helper's source in a notebook, where reading it is the lesson."""
import inspect

__all__ = ["show_source"]


class _Source:
    """The source text of an object, shown as a highlighted block."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text

    def _repr_markdown_(self):
        return f"```python\n{self.text}```"


def show_source(obj):
    """The source code of a function, class or method, exactly as written, for display."""
    if not (inspect.isfunction(obj) or inspect.isclass(obj) or inspect.ismethod(obj)):
        raise TypeError(f"show_source needs a function, class or method, got {type(obj).__name__}")
    return _Source(inspect.getsource(obj))
