"""Department profiles: the values a department's letters share (organ, signer, contact, seal,
layout, house-style overrides…), kept in `profiles/<name>.yaml` and named by a draft's
`department`.  A profile may `extends` another (a district profile shared by its
departments).  Layers, later wins: built-in defaults ← project ← profile chain ← draft.
"""

from __future__ import annotations

import difflib

from . import load
from .confine import inside_project, plain_name
from .errors import LetterkitError, Location, Problem, display_path

PROFILES = "profiles"


def names(project) -> list[str]:
    folder = project.root / PROFILES
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def profile_layer(project, name: str, where: Location) -> load.Loaded:
    """The merged layers of profile `name` and the profiles it extends, base first."""
    chain: list[load.Loaded] = []
    seen: list[str] = []
    current, asked_at = name, where
    while current is not None:
        if current in seen:
            raise LetterkitError([Problem(asked_at, "profile-cycle", f"部门配置互相继承：{' → '.join(seen + [current])}",
                                          "删去其中一个 extends")])
        plain_name(current, asked_at, "部门")
        path = project.root / PROFILES / f"{current}.yaml"
        if not path.is_file():
            guess = difflib.get_close_matches(str(current), names(project), n=1)
            hint = f"是否想写 '{guess[0]}'？" if guess else f"部门配置放在 {PROFILES}/<部门>.yaml，现有：{'、'.join(names(project)) or '无'}"
            raise LetterkitError([Problem(asked_at, "unknown-department", f"找不到部门 '{current}' 的配置", hint)])
        inside_project(path, project.root, asked_at, "部门配置", f"{PROFILES}/{current}.yaml")
        loaded = load.load_file(path, display_path(path))
        if not isinstance(loaded.data, dict):
            raise LetterkitError([Problem(loaded.sources.locate(()), "wrong-type", "部门配置应是一组字段", "参考 README")])
        seen.append(current)
        parent = loaded.data.pop("extends", None)
        asked_at = loaded.sources.locate(("extends",))
        loaded.sources.pop(("extends",), None)
        chain.append(loaded)
        current = parent
    merged = chain.pop()
    while chain:
        merged = load.merge(merged, chain.pop())
    return merged
