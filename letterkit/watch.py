"""`letterkit build --watch`: the project's files watched, each save answered by a build.

The build itself decides what to rebuild (the manifest), so a save rebuilds exactly the letters
whose inputs changed; this module only says when to look.  Changes under the output folder,
and editors' temporary files, are ignored.
"""

from __future__ import annotations

from pathlib import Path

WATCHED = {".yaml", ".yml", ".j2", ".png", ".jpg", ".jpeg"}


def changes(root: Path, output: Path, stop_event=None):
    """Yield the set of changed paths after each burst of saves (debounced)."""
    from watchfiles import watch

    root, output = Path(root).resolve(), Path(output).resolve()

    def relevant(change, path: str) -> bool:
        p = Path(path)
        return (p.suffix.lower() in WATCHED and output not in p.parents
                and not any(part.startswith(".") for part in p.relative_to(root).parts))

    for batch in watch(root, watch_filter=relevant, debounce=200, step=50, stop_event=stop_event,
                       raise_interrupt=True):  # Ctrl-C: the CLI says so in Chinese (watchfiles would in English)
        yield {Path(path) for _, path in batch}


def forget(paths) -> None:
    """Paths the watcher saw change are hashed again: on FAT, exFAT or an SMB share (1–2 s
    times) a same-size save within the same second keeps the time and size the digest cache
    is keyed on.  Templates' include lists, cached the same way, are read again too."""
    from . import manifest, render

    manifest.invalidate(paths)
    render._referenced_cached.cache_clear()
