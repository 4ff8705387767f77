"""The house style: every layout number as data (styles/gbt9704.yaml by default).

A project or department may override single values; overrides merge key by key.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

STYLES = Path(__file__).parent / "styles"
DEFAULT = "gbt9704"


@lru_cache(maxsize=None)
def _builtin(name: str) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10× faster
    return yaml.load((STYLES / f"{name}.yaml").read_text(encoding="utf-8"), Loader=loader)


def house_style(name: str = DEFAULT, overrides: dict | None = None) -> dict:
    return _deep_merge(_builtin(name), overrides or {})


def merged(*layers: dict | None) -> dict:
    """Overrides merged in order, later wins."""
    result: dict = {}
    for layer in layers:
        result = _deep_merge(result, layer or {})
    return result


def _deep_merge(base: dict, over: dict) -> dict:
    result = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            result[key] = _deep_merge(base[key], value)
        else:
            result[key] = value
    return result
