"""Plot functions, one module per topic.

Each takes its data and `ax=None`, draws, and returns the axes or the artists
a widget will update. None calls plt.show() or changes global style.
"""
