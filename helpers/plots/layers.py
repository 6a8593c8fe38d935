"""Transitional (issue 12): renamed to helpers.plots.background; goes once every importer has switched."""
from helpers.plots.background import freeze_static  # noqa: F401
