"""Live panels: sliders and buttons over a figure that is updated in place.

Every panel is a `Panel` subclass, so every panel is in `Panel.registry`
and the sweep test reaches all of them without a list to keep up to date.

What the base class gives every panel:

- Readable without a kernel. The controls are displayed with a readable
  line as their text/plain and text/html ("Sliders (live when the notebook
  runs): a = 2.0, b = 1.0"), so a reader who sees the notebook without its
  widgets (GitHub, a notebook opened before running it) reads the settings,
  never `HBox(children=...`. The ipympl figure is displayed with its PNG and
  no "Figure" label.
- Fast sliders. A slider moved in the browser is answered by rendering the
  canvas at once (`canvas.draw()`), not by ipympl's `draw_idle()`, which
  waits for a round trip to the browser first. A burst of moves is
  coalesced: while the kernel would be busy drawing more than half the time,
  later moves only record that the panel is out of date, and one update and
  one draw follow with the latest values.
- Code that sets a control (a notebook cell, a test) sees the panel updated
  at once, as before; the drawing of the canvas is left to the end of the cell.
"""
import asyncio
import html
import importlib
import math
import pkgutil
import re
import time

from helpers.i18n import _, N_
from helpers.style import pad, text_width
from helpers.validate import float_array, positive

__all__ = ["Panel", "ProgressBar", "all_panels", "new_figure", "readable_line"]

LIVE = N_("live when the notebook runs")
BLOCK = re.compile(r"<(table|div|p|ul|ol|h[1-6]|pre|blockquote)\b", re.I)   # not allowed inside a <p>


def new_figure(**kwargs):
    """A figure that appears only where the panel displays it.

    kwargs -- figsize=(width, height) in inches and/or dpi, as for plt.figure
    """
    import matplotlib.pyplot as plt
    unknown = set(kwargs) - {"figsize", "dpi"}
    if unknown:
        raise TypeError(f"new_figure takes figsize and dpi, got {', '.join(sorted(unknown))}")
    if "figsize" in kwargs:
        figsize = float_array(kwargs["figsize"], "figsize", shape=(2,))
        if (figsize <= 0).any():
            raise ValueError(f"figsize must be a positive (width, height), got {figsize.tolist()}")
        kwargs["figsize"] = tuple(figsize.tolist())
    if "dpi" in kwargs:
        kwargs["dpi"] = positive(kwargs["dpi"], "dpi")
    with plt.ioff():
        fig = plt.figure(**kwargs)
    canvas = fig.canvas
    if _is_ipympl(canvas):                   # no "Figure 1" header, fixed size
        canvas.header_visible = False
        canvas.resizable = False
        canvas.toolbar_visible = False
    if getattr(canvas, "manager", None) is not None:
        canvas.manager.set_window_title("")  # no "Figure" label above the stored picture
    return fig


# ----------------------------------------------------------------------------------------------
# The readable line

def _number(value):
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        text = f"{value:.6g}"
        return text if any(c in text for c in ".en") else text + ".0"
    return str(value)


def _label(name, widget):
    description = (getattr(widget, "description", "") or name).strip()
    return re.sub(r"\s*[=:]\s*$", "", description) or name


def _option_label(widget):
    """The label the learner sees for a chooser's current value."""
    value = widget.value
    for option in widget.options:
        label, option_value = option if isinstance(option, tuple) else (option, option)
        if option_value == value:
            return str(label)
    return _number(value)


def readable_line(controls):
    """One line saying what the controls are set to, e.g. "Sliders (...): a = 2.0, b = 1.0".

    controls -- {name: widget}; buttons are listed by their description.
    """
    settings, buttons, only_sliders = [], [], True
    for name, widget in controls.items():
        if hasattr(widget, "on_click") and not hasattr(widget, "value"):
            buttons.append(_label(name, widget))
            continue
        if not hasattr(widget, "value"):
            continue
        if hasattr(widget, "options"):
            only_sliders = False
            shown = _option_label(widget)
        else:
            only_sliders &= hasattr(widget, "min") and hasattr(widget, "max")
            shown = _number(widget.value)
        settings.append(f"{_label(name, widget)} = {shown}")
    if settings:
        line = (_("Sliders ({live}): {settings}") if only_sliders else
                _("Controls ({live}): {settings}")).format(live=_(LIVE), settings=", ".join(settings))
    else:
        line = _("Controls ({live})").format(live=_(LIVE))
    if buttons:
        line += (_("; buttons: {buttons}") if settings else
                 _(": buttons: {buttons}")).format(buttons=", ".join(buttons))
    return line


def _text_of_html(markup):
    """Readable text of a readout's HTML: <br> starts a line, a table becomes aligned rows."""
    parts = re.split(r"(<table\b.*?</table>)", markup, flags=re.S | re.I)
    text = "".join(_text_of_table(part) if i % 2 else _plain_text(part) for i, part in enumerate(parts))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _plain_text(markup):
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", markup)))


def _text_of_table(markup):
    """A table's rows on lines of their own, columns padded to line up in a fixed-width font."""
    cells = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S | re.I)
    rows = [[_plain_text(cell).strip() for cell in cells.findall(row)]
            for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", markup, re.S | re.I)]
    widths = [max(text_width(row[i]) for row in rows if i < len(row))
              for i in range(max(map(len, rows), default=0))]
    return "\n" + "\n".join("  ".join(pad(cell, width) for cell, width in zip(row, widths))
                             for row in rows) + "\n"


def _readout_markup(readout, is_text):
    """A readout as HTML: a paragraph, or a <div> when it holds a block (a <p> cannot hold a table)."""
    if is_text:
        return f'<p class="panel-readout">{html.escape(readout)}</p>'
    tag = "div" if BLOCK.search(readout) else "p"
    return f'<{tag} class="panel-readout">{readout}</{tag}>'


def _widget_tree(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _widget_tree(child)


def _is_ipympl(canvas):
    """True for an ipympl canvas (`%matplotlib widget`): a widget, displayed as one."""
    import ipywidgets
    return isinstance(canvas, ipywidgets.DOMWidget)


def _formatted(obj):
    """The display data of obj, as IPython would display it (public display API)."""
    from IPython.core.formatters import format_display_data
    data, _metadata = format_display_data(obj)
    return dict(data)


def _in_kernel():
    from IPython import get_ipython
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _from_frontend():
    """True while the kernel handles a message from the browser (a learner moved a control)."""
    from IPython import get_ipython
    kernel = getattr(get_ipython(), "kernel", None)
    try:
        parent = kernel.get_parent() if kernel is not None else None
    except Exception:                          # an older or a foreign kernel: treat as code
        return False
    return bool(parent) and parent.get("header", {}).get("msg_type") == "comm_msg"


def _running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


# ----------------------------------------------------------------------------------------------

class Panel:
    """Controls and one figure; `update(**values)` changes the artists in place.

    Subclasses build `self.figure` once with the plot functions, put their
    widgets in `self.controls` (name -> widget) and call `self._connect()`.
    Every subclass must be constructible with no arguments (its defaults).
    After changing the artists outside `update` (a button's handler), call
    `self.redraw()`, never the canvas's `draw_idle()`.
    """

    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Panel.registry[f"{cls.__module__}.{cls.__name__}"] = cls

    def _connect(self):
        for widget in self.controls.values():
            if hasattr(widget, "on_click"):
                continue                       # buttons wire their own handlers
            widget.observe(self._on_change, names="value")
        self.update(**self.values())

    def values(self):
        """The current value of every control that has one."""
        return {name: w.value for name, w in self.controls.items() if hasattr(w, "value")}

    def update(self, **values):
        raise NotImplementedError

    # -- drawing -------------------------------------------------------------------------------

    def _on_change(self, _change):
        loop = _running_loop()
        if loop is not None and _from_frontend():
            # A learner moved a control: update and draw now, or join the frame already planned.
            self.__dict__["_stale"] = True
            self._plan(loop)
        else:
            # Code set a control: the panel's state follows at once, for the code to read.
            self.update(**self.values())
            self.redraw()

    def redraw(self):
        """Render the canvas: at once outside a kernel; in a kernel, once when the cell is done."""
        loop = _running_loop()
        if loop is None or not _in_kernel():
            self._draw()
            return
        self._plan(loop)

    def flush(self):
        """Apply a pending update and draw now (does nothing when nothing is pending)."""
        state = self.__dict__
        state["_planned"] = None                 # a planned frame finds nothing left to do
        if state.pop("_stale", False):
            self.update(**self.values())
        self._draw()

    def _plan(self, loop):
        """One frame at a time: drawing takes at most half the kernel's time during a burst."""
        state = self.__dict__
        if state.get("_planned") is not None:
            return                             # a frame is planned: it will use the latest values
        token = state["_planned"] = object()
        wait = state.get("_next_frame", 0.0) - time.monotonic()
        if wait > 0:
            loop.call_later(wait, self._frame, token)
        else:
            loop.call_soon(self._frame, token)

    def _frame(self, token):
        state = self.__dict__
        if state.get("_planned") is not token:
            return                             # flush() came first
        state["_planned"] = None
        start = time.monotonic()
        try:
            if state.pop("_stale", False):
                self.update(**self.values())
            self._draw()
        finally:
            state["_next_frame"] = time.monotonic() + (time.monotonic() - start)

    def _draw(self):
        self.figure.canvas.draw()

    # -- display -------------------------------------------------------------------------------

    def readable_line(self):
        """The controls' settings in one line: what a reader sees without a kernel."""
        return readable_line(self.controls)

    def _readouts(self, box):
        """Text widgets shown beside the controls (readouts), whose text the fallback keeps."""
        controls = {id(w) for w in self.controls.values()}
        return [w for w in _widget_tree(box) if id(w) not in controls
                and type(w).__name__ in ("HTML", "HTMLMath", "Label") and w.value]

    def fallback(self, box=None):
        """{mime type: text} shown where the controls cannot be: text/plain and text/html."""
        box = self.control_box() if box is None else box
        line = self.readable_line()
        readouts = [(w.value, type(w).__name__ == "Label") for w in self._readouts(box)]
        plain = "\n".join([line, *(r if is_text else _text_of_html(r) for r, is_text in readouts)])
        markup = "".join([f'<p class="panel-controls">{html.escape(line)}</p>',
                          *(_readout_markup(r, is_text) for r, is_text in readouts)])
        return {"text/plain": plain, "text/html": markup}

    def control_box(self):
        import ipywidgets as widgets
        return widgets.HBox(list(self.controls.values()),
                            layout=widgets.Layout(flex_flow="row wrap"))

    def _ipython_display_(self):
        from IPython.display import display
        box = self.control_box()
        display({**_formatted(box), **self.fallback(box)}, raw=True)
        canvas = self.figure.canvas
        data = _formatted(canvas if _is_ipympl(canvas) else self.figure)
        if "image/png" in data:
            # ipympl's text/html puts a "Figure" label over the PNG: keep the PNG alone.
            data.pop("text/html", None)
            data["text/plain"] = _("<the panel's figure; {live}>").format(live=_(LIVE))
        display(data, raw=True)


# ----------------------------------------------------------------------------------------------

class ProgressBar:
    """A progress bar that leaves a readable line behind.

        bar = ProgressBar(total=120, description="training")
        bar.update(done)                 # or bar(done, total, name): a progress callback
        bar.close()                      # the stored output then reads "training: 120 of 120 done"

    Live, it is an ipywidgets IntProgress; its text/plain and text/html say
    how far it got, so a notebook read without its widgets (GitHub, opened
    before running) shows "training: 120 of 120 done", not a bar at zero.
    The text is updated at the end (and when the description changes), not
    at every step. Outside a kernel it prints nothing.
    """

    def __init__(self, total, description="", unit=N_("done")):
        import ipywidgets as widgets
        if isinstance(total, bool) or not isinstance(total, int) or total < 1:
            raise ValueError(f"total must be a whole number >= 1, got {total!r}")
        if not isinstance(description, str):
            raise TypeError(f"description must be a string, got {description!r}")
        self.unit = str(unit)
        self.bar = widgets.IntProgress(value=0, min=0, max=total, description=description,
                                       style={"description_width": "initial"})
        self._handle = None
        if _in_kernel():
            from IPython.display import display
            self._handle = display(self._bundle(), raw=True, display_id=True)

    @property
    def done(self):
        return self.bar.value

    def text(self):
        values = dict(done=self.bar.value, total=self.bar.max, unit=_(self.unit))
        if self.bar.description:
            return _("{description}: {done} of {total} {unit}").format(
                description=self.bar.description, **values)
        return _("{done} of {total} {unit}").format(**values)

    def _bundle(self):
        return {**_formatted(self.bar), "text/plain": self.text(),
                "text/html": f'<p class="progress">{html.escape(self.text())}</p>'}

    def update(self, done, description=None):
        """Show `done` steps (and a new description, if given)."""
        renamed = description is not None and description != self.bar.description
        if description is not None:
            self.bar.description = str(description)
        self.bar.value = max(0, min(int(done), self.bar.max))
        if renamed or self.bar.value == self.bar.max:
            self._refresh()

    def __call__(self, done, total=None, name=None):
        """A progress callback: (done, total, name)."""
        if total is not None and int(total) != self.bar.max:
            self.bar.max = int(total)
        self.update(done, name)

    def close(self):
        self._refresh()

    def _refresh(self):
        if self._handle is not None:
            self._handle.update(self._bundle(), raw=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def all_panels():
    """Import every panel module and return the registry (name -> class)."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return dict(Panel.registry)
