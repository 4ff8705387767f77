"""letterkit: YAML drafts → GB/T 9704 reply letters (提案/建议答复函) in Word."""

__version__ = "0.1.0"

from .build import Built, build_draft, build_many  # noqa: E402  (the library API)
from .errors import LetterkitError, Problem  # noqa: E402

__all__ = ["__version__", "Built", "build_draft", "build_many", "LetterkitError", "Problem"]
