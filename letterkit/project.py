"""Where a project is, what its drafts are, and the layers under every draft.

A project is the folder holding `letterkit.yaml`, found from a starting folder
upward; without one, the starting folder itself.  Drafts are the `*.yaml`
files under its `drafts/` folder, subfolders included.
"""

from __future__ import annotations

import os

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import load
from .errors import LetterkitError, Problem, display_path

PROJECT_FILE = "letterkit.yaml"
DEFAULTS = Path(__file__).parent / "defaults.yaml"
PROJECT_KEYS = {
    "defaults": "每个草稿继承的值（草稿中的同名字段优先）",
    "output": "生成文件的目录，默认 build",
    "check": "letterkit check 的设置：disable 列出整个项目不查的规则，terms 列出本项目的常用词（漏字检查用）",
}


@dataclass
class Project:
    root: Path
    config: Path | None
    output: Path
    base: load.Loaded  # built-in defaults ← project defaults
    template_dirs: list[Path] = field(default_factory=list)
    check_disabled: list[str] = field(default_factory=list)  # rule codes switched off project-wide

    def template_dirs_for(self, department: str | None) -> list[Path]:
        """Highest priority first: templates/<department>/, then templates/."""
        own = [self.root / "templates" / department] if department else []
        return own + self.template_dirs

    @property
    def drafts_dir(self) -> Path:
        return self.root / "drafts"

    def drafts(self) -> list[Path]:
        return drafts_in(self.drafts_dir)

    def output_for(self, draft: Path, output: Path | None = None) -> Path:
        """build/<path under drafts/>.docx, or build/<name>.docx for a draft elsewhere."""
        out = Path(output) if output else self.output
        draft, drafts = os.path.abspath(draft), str(self._drafts_real)
        if draft.startswith(drafts + os.sep):
            relative = Path(draft[len(drafts) + 1:])
        else:
            try:
                relative = Path(draft).resolve().relative_to(self._drafts_real)
            except ValueError:
                relative = Path(Path(draft).name)
        return out / relative.with_suffix(".docx")

    @cached_property
    def _drafts_real(self) -> Path:
        return self.drafts_dir.resolve()


def drafts_in(folder: Path) -> list[Path]:
    """The drafts (*.yaml, *.yml, in any case: Windows saves X.YAML) under `folder`, subfolders
    included, hidden ones left out.  A subfolder that is a symlink is followed (once), so a link
    out of the project is reported by the draft's own confinement check, never skipped silently."""
    if not folder.is_dir():
        return []
    found, seen = [], set()
    for here, subfolders, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(here)
        if real in seen:  # a link back up the tree: walked once
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        found += [Path(here) / name for name in files
                  if not name.startswith(".") and Path(name).suffix.lower() in (".yaml", ".yml")]
    return sorted(found)


def find_root(start: Path) -> Path:
    # a draft (or folder) reached through a symlink belongs to the project it is listed in,
    # not to where it points: the folders above it are looked at as written first
    listed = Path(os.path.abspath(start))
    folder = listed if listed.is_dir() else listed.parent
    for candidate in (folder, *folder.parents):
        if (candidate / PROJECT_FILE).is_file():
            return candidate.resolve()
    cwd = Path(os.path.abspath(Path.cwd()))
    return Path.cwd().resolve() if _inside(listed, cwd) else folder.resolve()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def open_project(start: Path) -> Project:
    root = find_root(start)
    config = root / PROJECT_FILE
    base = load.load_file(DEFAULTS, "letterkit/defaults.yaml（内置）")
    output = root / "build"
    if config.is_file():
        loaded = load.load_file(config, display_path(config))
        data = loaded.data if loaded.data is not None else {}
        problems = []
        if not isinstance(data, dict):
            problems.append(Problem(loaded.sources.locate(()), "wrong-type", "项目文件应是一组字段", "参考 README 中的 letterkit.yaml 示例"))
            data = {}
        for key in data:
            if key not in PROJECT_KEYS:
                problems.append(Problem(loaded.sources.locate((key,)), "unknown-key", f"项目文件中的未知字段 '{key}'",
                                        "可用的字段：" + "、".join(PROJECT_KEYS)))
        defaults = data.get("defaults")
        if defaults is not None and not isinstance(defaults, dict):
            problems.append(Problem(loaded.sources.locate(("defaults",)), "wrong-type", "defaults 应是一组字段", "在它下面缩进写各个字段"))
        if "output" in data and not isinstance(data["output"], str):
            problems.append(Problem(loaded.sources.locate(("output",)), "wrong-type", "output 应是一个目录名", "例如 output: build"))
        elif "output" in data and not _inside((root / data["output"]).resolve(), root):
            problems.append(Problem(loaded.sources.locate(("output",)), "output-outside",
                                    f"output '{data['output']}' 在项目目录之外，生成时可能覆盖别处的文件",
                                    "写项目之内的目录，如 output: build；要输出到别处请用 letterkit build -o"))
        if problems:
            raise LetterkitError(problems)
        if defaults:
            shifted = load.SourceMap({path[1:]: src for path, src in loaded.sources.items() if path[:1] == ("defaults",)})
            base = load.merge(base, load.Loaded(defaults, shifted, (config,)))
        else:
            base = load.merge(base, load.Loaded({}, load.SourceMap(), (config,)))
        settings = data.get("check") or {}
        if isinstance(settings, dict) and "terms" in settings:  # the project's own words, read with every draft (lost-character)
            kept = load.SourceMap({path: src for path, src in loaded.sources.items() if path[:2] == ("check", "terms")})
            base = load.merge(base, load.Loaded({"check": {"terms": settings["terms"]}}, kept, (config,)))
        output = root / data.get("output", "build")
        disabled = settings.get("disable", []) if isinstance(settings, dict) else []
        if not isinstance(disabled, list):
            raise LetterkitError([Problem(loaded.sources.locate(("check",)), "wrong-type",
                                          "check 应写成 check: {disable: [规则代码, …]}", "例如 disable: [nested-quotes]")])
    else:
        disabled = []
    return Project(root=root, config=config if config.is_file() else None, output=output, base=base,
                   template_dirs=[root / "templates"], check_disabled=[str(code) for code in disabled])
