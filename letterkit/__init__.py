"""letterkit: YAML drafts → GB/T 9704 reply letters (提案/建议答复函) in Word."""

__version__ = "0.2.0"

_API = {"Built": "build", "build_draft": "build", "build_many": "build", "LetterkitError": "errors", "Problem": "errors"}


def __getattr__(name: str):
    """The library API, imported when first used: `letterkit --help` or a no-change rebuild
    does not pay for python-docx and Jinja."""
    if name in _API:
        import importlib

        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'letterkit' has no attribute {name!r}")


__all__ = ["__version__", *_API]
