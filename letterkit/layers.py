"""A draft merged over its layers: built-in defaults ← project ← department profile ← draft.

Below both `build` and `check` (lint), and below docnumbers, which reads other drafts' numbers:
each imports it from here, so none of them imports another to read a draft."""

from __future__ import annotations

import os
from pathlib import Path

from . import load, profiles
from .confine import inside_project, is_inside
from .errors import Location, display_path


def layers(path: Path, project) -> load.Loaded:
    """The draft merged over its layers: built-in defaults ← project ← department profile ← draft."""
    listed = os.path.abspath(path)  # where the draft is listed; one the clerk keeps outside the project is his
    if listed.startswith(str(project.root) + os.sep) or is_inside(os.path.dirname(listed), project.root):
        inside_project(path, project.root, Location(display_path(path)), "草稿")  # a symlink out: not read
    draft = load.load_file(path, display_path(path))
    base = project.base
    data = draft.data if isinstance(draft.data, dict) else {}
    department = data.get("department", base.data.get("department") if isinstance(base.data, dict) else None)
    if isinstance(department, str):
        where = draft.sources.locate(("department",)) if "department" in data else base.sources.locate(("department",))
        base = load.merge(base, profiles.profile_layer(project, department, where))
    return load.merge(base, draft)
