"""The command line: a thin layer over the library.

It parses options, calls library functions, prints results and problems in
the one error contract, and maps outcomes to exit codes: 0 all built, 1 a
draft has errors, 2 the command itself is wrong.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import click

from . import __version__, pdf
from .style import house_style
from .errors import LetterkitError, Location, Problem, display_path
from .project import drafts_in, open_project

EXIT_INPUT, EXIT_USAGE = 1, 2


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _drafts_in(path: Path) -> list[Path]:
    return drafts_in(path) if path.is_dir() else [path]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="letterkit")
@click.option("--debug", is_flag=True, hidden=True, help="出错时显示 Python 调用栈（开发用）")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """letterkit：用 YAML 草稿生成符合 GB/T 9704 的答复函。"""
    ctx.obj = {"debug": debug}
    if ctx.invoked_subcommand in ("build", "check", "new") and not {"-h", "--help"} & set(sys.argv[1:]):  # register/status: --today may stand in for it
        _pinned_day()


def _pinned_day():
    """Today, or $LETTERKIT_TODAY: a bad value is one usage error before any draft is touched."""
    from . import deadlines

    try:
        return deadlines.today()
    except LetterkitError as error:
        _report(error.problems)
        sys.exit(EXIT_USAGE)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), help="输出目录（默认为项目的 build/）")
@click.option("--pdf", "with_pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF，放在 .docx 旁边")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None, help="同时生成的进程数（默认：CPU 核数）")
@click.option("--force", is_flag=True, help="全部重新生成，不管输入是否改过；在 Word 里改过的信先改名为 x.word-edited.docx 保留")
@click.option("--clean", is_flag=True, help="删除草稿已不存在、letterkit 生成后没人改过的 .docx/.pdf（只删输出目录之内的）")
@click.option("--watch", is_flag=True, help="一直运行：草稿、模板、配置一保存就重新生成受影响的信（Ctrl-C 结束）")
@click.option("--pdf-timeout", type=click.FloatRange(min=1, max=10**5), metavar="秒数",
              help=f"生成 PDF 时，LibreOffice 超过这么久没有完成下一份就判为卡住并结束它"
                   f"（默认 {pdf.STALL_SECONDS} 秒；也可设环境变量 {pdf.TIMEOUT_VARIABLE}）")
def build(paths: tuple[Path, ...], output: Path | None, with_pdf: bool, jobs: int | None, force: bool,
          clean: bool, watch: bool, pdf_timeout: float | None) -> None:
    """生成答复函。不给路径时生成项目 drafts/ 下的全部草稿；路径可以是草稿文件或目录。
    输入没有改过的草稿不重新生成（见 build/.letterkit-manifest.json）。"""
    if pdf_timeout:
        os.environ[pdf.TIMEOUT_VARIABLE] = str(pdf_timeout)  # read by pdf.to_pdf, in --watch too
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            click.echo(f"{path}: 错误 no-such-path 找不到这个文件或目录（检查路径拼写）", err=True)
        sys.exit(EXIT_USAGE)
    project = open_project(paths[0] if paths else Path.cwd())
    if watch:
        _watch(project, paths, output, jobs, with_pdf)
        return
    ok = _run_batch(project, paths, output, jobs, force, clean, with_pdf)
    if not ok:
        sys.exit(EXIT_INPUT)


def _watch(project, paths, output, jobs, with_pdf) -> None:
    """Build, then build again after every save; a bad save is reported, never fatal.
    Ctrl-C ends it quietly, exit 130 as a shell expects (as for an interrupted build)."""
    try:
        _watching(project, paths, output, jobs, with_pdf)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("已停止监视。", err=True)
        sys.exit(130)


def _watching(project, paths, output, jobs, with_pdf) -> None:
    from .watch import changes, forget

    root = project.root
    click.echo(f"监视 {display_path(root) if display_path(root) != '.' else '当前项目'}，保存文件后自动重新生成（Ctrl-C 结束）")
    _run_batch(project, paths, output, jobs, False, False, with_pdf, quiet_unchanged=True)
    for changed in changes(root, output or project.output):
        forget(changed)  # hashed again even if a coarse file system kept their time and size
        try:
            project = open_project(root)  # the project file itself may have changed
            _run_batch(project, [p for p in paths if p.exists()], output, jobs, False, False, with_pdf,
                       quiet_unchanged=True)
        except LetterkitError as error:
            _report(error.problems)
        except Exception as error:  # keep watching whatever happens
            click.echo(f"{display_path(root)}: 错误 internal-error letterkit 内部错误：{type(error).__name__}: {error}"
                       "（继续监视；请把刚保存的文件和这条信息报告给维护者）", err=True)


def _run_batch(project, paths, output, jobs, force, clean, with_pdf, quiet_unchanged=False) -> bool:
    """One build of the drafts named (or all): a line per letter, or a progress bar on a terminal."""
    from .batch import Batch

    drafts = [d for p in paths for d in _drafts_in(p)] if paths else project.drafts()

    def no_drafts() -> bool:
        where = display_path(paths[0]) if paths else display_path(project.drafts_dir)
        click.echo(f"{where}: 错误 no-drafts 没有找到草稿（草稿是 drafts/ 下的 .yaml 文件）", err=True)
        return False

    if not drafts and not (clean and not paths):
        return no_drafts()
    batch = Batch(drafts, project, output, jobs, force, clean)
    outcomes = batch.run()
    if not drafts:  # --clean after the last draft was deleted: its letters are still cleaned
        outcomes = list(outcomes)
        if not batch.summary.orphans:
            return no_drafts()
    bar = _Progress(len(drafts)) if sys.stderr.isatty() and not quiet_unchanged else None
    failures, letters, rebuilt = [], [], []
    with pdf.stoppable():  # a `kill`: Stopped, the pool ended, the records kept (the batch's finally)
        try:
            for outcome in outcomes:
                if outcome.status == "failed":
                    failures.append(outcome)
                else:
                    letters.append(outcome.output)  # only these get a PDF: never one from a failed draft's old .docx
                    if outcome.status == "built":
                        rebuilt.append(outcome.output)
                if outcome.aside:
                    click.echo(f"{display_path(outcome.output)} 与 letterkit 记下写出的不同（例如在 Word 里改过），已改名为 "
                               f"{display_path(outcome.aside)} 保留，再按草稿重新生成", err=True)
                if bar:
                    bar.step(batch.summary)
                elif outcome.status == "built":
                    click.echo(f"{display_path(outcome.draft)} → {display_path(outcome.output)}")
                elif outcome.status == "unchanged" and not quiet_unchanged and len(drafts) <= 20:
                    click.echo(f"{display_path(outcome.draft)}：未改动，跳过")
        finally:
            if hasattr(outcomes, "close"):
                outcomes.close()  # runs the batch's own finally even when the signal came between letters
    if bar:
        bar.done()
    s = batch.summary
    for warning in s.warnings:
        click.echo(warning, err=True)
    if s.leftovers:
        click.echo(f"删除了被中断的生成留下的 {s.leftovers} 个临时文件（.*.docx.*.tmp）", err=True)
    for outcome in failures:
        _report(outcome.problems)
    for path in s.removed:  # each letter and each PDF --clean deleted
        click.echo(f"{display_path(path)}：草稿已不存在，已删除")
    for stale, removed in s.orphans:
        if removed:
            continue
        click.echo(f"{display_path(stale)}：草稿已不存在，" + (
            s.kept[stale] if stale in s.kept
            else f"是孤儿文件；{s.refused[stale]}（--clean 也不会删它，需要时请自己处理）" if stale in s.refused
            else "是孤儿文件（用 --clean 删除）"))
    for path, reason in s.kept.items():
        if path not in dict(s.orphans):
            click.echo(f"{display_path(path)}：草稿已不存在，{reason}")
    pdf_failed = 0
    if with_pdf:
        for path in rebuilt:  # a PDF of the letter's previous text must not stay if this one fails
            path.with_suffix(".pdf").unlink(missing_ok=True)
        stale = [p for p in letters if p.exists() and (not p.with_suffix(".pdf").exists()
                                                       or p.with_suffix(".pdf").stat().st_mtime < p.stat().st_mtime)]
        made, pdf_failed = _pdfs(stale) if stale else ([], 0)
        if made:
            from .batch import record_pdfs

            record_pdfs(project, output, made)
    if not (quiet_unchanged and not s.built and not s.failed and not pdf_failed):
        click.echo(f"已生成 {s.built}，未改动 {s.unchanged}，失败 {s.failed}"
                   + (f"，PDF 失败 {pdf_failed}" if pdf_failed else "") + f"，用时 {s.seconds:.1f} 秒",
                   err=bool(s.failed or pdf_failed))
    return not s.failed and not pdf_failed


class _Progress:
    """One line redrawn in place on a terminal: [█████·····] 120/1000."""

    def __init__(self, total: int):
        self.total, self.count = total, 0

    def step(self, summary) -> None:
        self.count += 1
        filled = int(30 * self.count / self.total)
        click.echo(f"\r[{'█' * filled}{'·' * (30 - filled)}] {self.count}/{self.total}  "
                   f"已生成 {summary.built}  未改动 {summary.unchanged}  失败 {summary.failed}", nl=False, err=True)

    def done(self) -> None:
        click.echo("", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--render", "render", is_flag=True, help="检查 .docx：用 LibreOffice 渲染，在 PDF 上实测版面")
@click.option("--strict", is_flag=True, help="有警告也算不通过（退出码 1）")
@click.option("--fix", is_flag=True, help="自动改正安全的问题（标点全半角、引号嵌套、多余空格），保留注释和格式")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help="输出格式")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="同时检查的进程数（默认：CPU 核数；草稿少时只用一个进程）")
def check(paths: tuple[Path, ...], render: bool, strict: bool, fix: bool, output_format: str, jobs: int | None) -> None:
    """校对草稿（不生成文件）；加 --render 时检查 .docx 的版面。不给路径时检查项目的全部草稿。"""
    if render:
        _check_render(paths, output_format)
        return
    documents = [p for p in paths if p.suffix.lower() == ".docx"]
    if documents:
        raise click.UsageError(f"{display_path(documents[0])} 是 Word 文件：检查版面请加 --render")
    project = open_project(paths[0] if paths else Path.cwd())
    drafts = [d for p in paths for d in _drafts_in(p)] if paths else project.drafts()
    if not drafts:  # as build says it, with the same exit code (1)
        where = display_path(paths[0]) if paths else display_path(project.drafts_dir)
        click.echo(f"{where}: 错误 no-drafts 没有找到草稿（草稿是 drafts/ 下的 .yaml 文件）", err=True)
        sys.exit(EXIT_INPUT)
    if fix:
        _fix(drafts, project)
    results = _check_each(drafts, project, jobs)
    problems = [p for found in results.values() for p in found]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if output_format == "json":
        click.echo(json.dumps([{"path": p.location.path, "line": p.location.line, "column": p.location.column,
                                "severity": p.severity, "code": p.code, "message": p.message, "hint": p.hint}
                               for p in problems], ensure_ascii=False, indent=2))
    else:
        if problems:  # one write: thirty thousand lines one by one cost a second
            click.echo("\n".join(map(str, problems)))
        click.echo(f"检查了 {len(drafts)} 份草稿：{errors} 个错误，{warnings} 个警告。", err=True)
    if errors or (strict and warnings):
        sys.exit(EXIT_INPUT)


def _check_each(drafts: list[Path], project, jobs: int | None = None) -> dict:
    """check_paths, going on past a draft that meets a bug in letterkit: that draft gets an
    internal-error line and every other draft is checked (cross-draft checks included)."""
    from .checkrun import check_paths

    try:
        return check_paths(drafts, project, jobs)
    except Exception:
        if (click.get_current_context().find_root().obj or {}).get("debug"):
            raise
    broken = {}
    for draft in drafts:
        try:
            check_paths([draft], project)
        except Exception as error:
            broken[draft] = [Problem(Location(display_path(draft)), "internal-error",
                                     f"letterkit 内部错误：{type(error).__name__}: {error}",
                                     "其余草稿照常检查了；请把这个草稿和这条信息报告给维护者")]
    rest = [d for d in drafts if d not in broken]
    results = check_paths(rest, project, jobs) if rest else {}
    return {draft: results.get(draft) or broken.get(draft, []) for draft in drafts}


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--department", default="my-dept", show_default=True, help="部门配置的名称（英文、数字、短横线）")
@click.option("--organ", default="某市某区某某局", show_default=True, help="发文机关全称")
@click.option("--short-name", default="某区某某局", show_default=True, help="规范化简称")
@click.option("--code", default="某某函", show_default=True, help="机关代字")
@click.option("--contact", default="张三", show_default=True, help="联系人")
@click.option("--phone", default="0755-82000000", show_default=True, help="联系电话")
def init(directory: Path | None, department, organ, short_name, code, contact, phone) -> None:
    """新建一个部门的 letterkit 项目（含项目文件、部门配置、模板说明、一份可以直接生成的示例草稿）。"""
    from .scaffold import init_project

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", department):
        raise click.UsageError(f"部门名称 '{department}' 只能用英文字母、数字、短横线，例如 futian-zhujian")
    done = init_project(directory or Path.cwd(), department=department, organ=organ, short_name=short_name,
                        code=code, contact=contact, phone=phone)
    for path, what in done:
        click.echo(f"{what} {display_path(path)}")
    click.echo("下一步：修改 profiles/ 中的机关、代字和联系人，然后运行 letterkit build。")


@cli.command()
@click.option("--department", help="部门（profiles/ 中的配置名）；默认为项目唯一的部门")
@click.option("--kind", type=click.Choice(["提案", "建议"]), help="提案 或 建议（--from：清单看不出类型时用它）")
@click.option("--id", "proposal_id", help="提案/建议编号")
@click.option("--title", help="提案/建议标题")
@click.option("--name", help="委员/代表姓名")
@click.option("--session", help="会议届次，如 福田区政协六届三次会议")
@click.option("--from", "source", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="交办清单（.xlsx、.xls 或 .csv）：为本部门主办、会办的每一件各建一份草稿")
@click.option("--columns", multiple=True, help="--from 时指定清单的表头，如 '案由摘要=标题'；'表头=-' 忽略一列")
def new(department, kind, proposal_id, title, name, session, source, columns) -> None:
    """按部门配置新建一份草稿：机关、署名、联系人、今天的日期和下一个发文字号都已填好。
    --from 交办清单：清单中本部门的每一件各建一份（已有草稿的不动）。"""
    if columns and source is None:
        raise click.UsageError("--columns 只和 --from 交办清单 一起用")
    if source is not None:
        from .listdrafts import import_list

        if not import_list(open_project(Path.cwd()), source, department, kind, columns, click.echo, _report):
            sys.exit(EXIT_INPUT)
        return
    from .listdrafts import default_department
    from .scaffold import new_draft

    missing = [option for option, value in (("--kind", kind), ("--id", proposal_id),
                                            ("--title", title), ("--name", name), ("--session", session)) if not value]
    if missing:
        raise click.UsageError(f"缺少 {'、'.join(missing)}（或用 --from 交办清单 一次建多份）")
    project = open_project(Path.cwd())
    department = department or default_department(project)
    from .deadlines import today

    path = new_draft(project, department=department, kind=kind, id=proposal_id, title=title,
                     name=name, session=session, today=today())
    click.echo(f"已创建 {display_path(path)}")


def _today(value: str | None):
    """--today YYYY-MM-DD, else $LETTERKIT_TODAY, else the clock's: the day deadlines are counted from."""
    import datetime as dt

    if value is None:
        return _pinned_day()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(f"--today '{value}' 不是日期，写成 2024-06-18") from None


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--department", help="只列这个部门的草稿")
@click.option("--kind", type=click.Choice(["提案", "建议"]), help="只列提案或建议")
@click.option("-o", "--output", "files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="写入 .csv 或 .xlsx 文件（可写多个）；不写时在屏幕上列表")
@click.option("--build-dir", type=click.Path(file_okay=False, path_type=Path), help="生成文件所在目录（默认项目的 build/）")
@click.option("--due", "by_due", is_flag=True, help="按办理期限排序：已逾期的在前，其次即将到期的")
@click.option("--overdue", is_flag=True, help="只列已逾期的")
@click.option("--today", help="按这一天计算剩余天数（YYYY-MM-DD；默认今天，或环境变量 LETTERKIT_TODAY）")
def register(paths: tuple[Path, ...], department: str | None, kind: str | None, files: tuple[Path, ...],
             build_dir: Path | None, by_due: bool, overdue: bool, today: str | None) -> None:
    """办理情况汇总：每个草稿一行（类型、编号、委员/代表、标题、部门、发文字号、类别、日期、交办日期、办理期限、
    剩余天数、状态），按编号排序；--due 按期限排序，--overdue 只列已逾期的。"""
    from . import deadlines
    from . import register as reg
    from .write import write_atomic

    bad = [f for f in files if f.suffix.lower() not in (".csv", ".xlsx")]
    if bad:
        raise click.UsageError(f"只能写 .csv 或 .xlsx 文件：{bad[0]}")
    day = _today(today)
    project = open_project(paths[0] if paths else Path.cwd())
    drafts = [d for p in paths for d in _drafts_in(p)] if paths else project.drafts()
    found = reg.rows(drafts, project, build_dir, department, kind, day)
    if overdue:
        found = [r for r in found if r.state == deadlines.LATE]
    if by_due or overdue:
        found = reg.by_due(found)
    if not files:
        click.echo(reg.table(found), nl=False)
        if overdue and not found:
            click.echo(f"{day}：没有已逾期的。")
    for target in files:
        write_atomic(target, reg.to_csv(found) if target.suffix.lower() == ".csv" else reg.to_xlsx(found))
        click.echo(f"已写入 {display_path(target)}（{len(found)} 行）")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--department", help="只统计这个部门")
@click.option("--today", help="按这一天计算（YYYY-MM-DD；默认今天，或环境变量 LETTERKIT_TODAY）")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", help="输出格式")
@click.option("--build-dir", type=click.Path(file_okay=False, path_type=Path), help="生成文件所在目录（默认项目的 build/）")
def status(paths: tuple[Path, ...], department: str | None, today: str | None, output_format: str,
           build_dir: Path | None) -> None:
    """一年的办理进度：每个部门、每种类型的应办、已生成、已办复、已逾期、即将到期件数。"""
    from . import register as reg

    day = _today(today)
    project = open_project(paths[0] if paths else Path.cwd())
    drafts = [d for p in paths for d in _drafts_in(p)] if paths else project.drafts()
    counts = reg.summary(reg.rows(drafts, project, build_dir, department, None, day))
    if output_format == "json":
        click.echo(json.dumps({"today": day.isoformat(), "groups": counts}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{day} 办理进度")
    names = {"department": "部门", "kind": "类型", "total": "应办", "built": "已生成", "answered": "已办复", "late": "已逾期",
             "soon": "即将到期"}
    click.echo(reg.table_of([{names[k]: (v if k != "department" or v else "（未写部门）") for k, v in c.items()}
                             for c in counts]), nl=False)


@cli.command(name="import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="草稿写到哪里（默认：项目的 drafts/ 下，或原文件旁边）")
@click.option("--force", is_flag=True, help="草稿已存在时覆盖它")
def import_(source: Path, output: Path | None, force: bool) -> None:
    """把旧答复函（.txt 或 .docx）转成 YAML 草稿，并报告改了什么、哪些没能归位。"""
    from .importing import default_output, import_file, letter_text, placed
    from .importing.taken import warn_number_taken
    from .write import write_atomic

    project = open_project(output or Path.cwd())
    target = output or default_output(source, project)
    if target.exists() and not force:
        raise LetterkitError([Problem(Location(display_path(target)), "draft-exists", "草稿已存在，没有覆盖",
                                      "用 -o 另写一个文件名，或加 --force 覆盖")])
    imported = import_file(source)
    warn_number_taken(imported, target, project)  # another draft's 发文字号: said now, not by the build later
    images = {target.parent / name: data for name, data in imported.images.items()}  # seals, beside the draft
    taken = [p for p in images if p.exists() and p.read_bytes() != images[p]]
    if taken and not force:
        raise LetterkitError([Problem(Location(display_path(taken[0])), "file-exists", "印章图片文件已存在，没有覆盖",
                                      "印章图片按原文件名命名（<原文件名>-seal1.png）：换一个目录导入，或加 --force 覆盖")])
    for path, data in images.items():
        write_atomic(path, data)
    write_atomic(target, imported.draft.encode("utf-8"))
    _report(imported.problems())
    try:
        letter_text(target, open_project(target))
    except LetterkitError as error:
        _report(error.problems)
        click.echo(f"{display_path(source)} → {display_path(target)}：草稿已写出，但还不能生成，按上面的错误补齐", err=True)
        sys.exit(EXIT_INPUT)
    warnings = sum(1 for p in imported.problems() if p.severity == "warning")
    click.echo(f"{display_path(source)} → {display_path(target)}（文字归位 {placed(imported):.1%}，{warnings} 条警告）")


@cli.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def textconv(document: Path) -> None:
    """把 .docx 显示为文字（供 git diff 使用：git config diff.letterkit.textconv "letterkit textconv"）。"""
    from .textconv import to_text

    try:
        click.echo(to_text(document), nl=False)
    except LetterkitError:
        raise
    except Exception as error:  # not a Word file, or a damaged one
        raise LetterkitError([Problem(Location(display_path(document)), "not-docx", f"无法读取 Word 文件：{error}",
                                      "确认这是 .docx 文件")]) from None


@cli.command()
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def explain(draft: Path) -> None:
    """列出草稿合并后的每个值，以及它来自哪个文件的哪一行。"""
    from .build import layers
    from .explain import explain as explain_rows, format_rows

    click.echo(format_rows(explain_rows(layers(draft, open_project(draft)))))


@cli.command()
@click.option("--project", "which", flag_value="project", help="项目文件 letterkit.yaml 的 schema")
@click.option("--profile", "which", flag_value="profile", help="部门配置 profiles/<部门>.yaml 的 schema")
@click.option("--draft", "which", flag_value="draft", default=True, help="草稿的 schema（默认）")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="写入文件（默认输出到屏幕）")
def schema(which: str, output: Path | None) -> None:
    """输出草稿（或项目文件）的 JSON Schema，供编辑器补全和校验。"""
    from . import schema as schemas
    from .write import write_atomic

    build = {"project": schemas.project_schema, "profile": schemas.profile_schema}.get(which, schemas.draft_schema)
    text = schemas.dumps(build())
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"已写入 {display_path(output)}")
    else:
        click.echo(text, nl=False)


def _fix(drafts: list[Path], project) -> None:
    from . import load
    from .fix import fix_file
    from .lint import _draft_disabled

    for draft in drafts:
        if draft.is_symlink():  # fixing would replace the link by a copy of what it points at
            click.echo(f"{display_path(draft)}：是符号链接，--fix 不修改它（需要时请修改它指向的文件）", err=True)
            continue
        try:
            loaded = load.load_file(draft, display_path(draft))
        except LetterkitError:
            continue  # reported by the check that follows
        changed, left = fix_file(draft, loaded, set(project.check_disabled) | set(_draft_disabled(loaded)))
        for line in changed + left:
            click.echo(line)


def _check_render(paths: tuple[Path, ...], output_format: str) -> None:
    if not paths:
        raise click.UsageError("--render 要给出 .docx 文件或目录：letterkit check --render build")
    documents = [d for p in paths for d in (sorted(p.rglob("*.docx")) if p.is_dir() else [p])]
    not_docx = [d for d in documents if d.suffix.lower() != ".docx"]
    if not_docx or not documents:
        raise click.UsageError(f"--render 只检查 .docx 文件：{display_path(not_docx[0]) if not_docx else '没有找到 .docx'}")
    from . import pagecheck  # reads PDFs with pdfplumber: loaded only for this command
    from .zipguard import check_docx

    problems = []
    for document in documents:  # a zip bomb or a damaged file is refused before LibreOffice gets it
        try:
            if check_docx(document) is None:
                problems.append(Problem(Location(display_path(document)), "not-docx", "这不是 Word 文件（.docx），无法渲染",
                                        "确认这是 .docx 文件（.doc 请先在 Word 或 WPS 中另存为 .docx）"))
        except LetterkitError as error:
            problems += error.problems
    if problems:
        raise LetterkitError(problems)
    try:
        results = pagecheck.check_documents(documents)
    except (pdf.RendererMissing, pdf.RenderFailed) as error:
        click.echo(f"错误 no-renderer {error}", err=True)
        sys.exit(EXIT_INPUT)
    failed = any(r.status == "fail" for rs in results.values() for r in rs)
    if output_format == "json":
        click.echo(json.dumps({display_path(d): [r.as_dict() for r in rs] for d, rs in results.items()},
                              ensure_ascii=False, indent=2))
    else:
        for document, rules in results.items():
            bad = sum(r.status == "fail" for r in rules)
            click.echo(f"{display_path(document)}：{'全部通过' if not bad else f'{bad} 项不通过'}")
            for rule in rules:
                click.echo(f"  {rule}")
    if failed:
        sys.exit(EXIT_INPUT)


class _PdfProgress:
    """LibreOffice's progress on stderr: redrawn in place on a terminal, else a line now and then."""

    def __init__(self, total: int):
        self.terminal = sys.stderr.isatty()
        self.shown, self.since, self.text = None, None, ""

    def __call__(self, done: int, total: int, waited: float) -> None:
        now = time.monotonic()
        if self.since is None:
            click.echo(f"正在用 LibreOffice 生成 {total} 份 PDF……", err=True)
            self.since = now - 60
        text = f"  PDF {done}/{total}" + (f"（已等 {waited:.0f} 秒）" if waited >= 10 else "")
        if self.terminal and text != self.text:
            click.echo(f"\r{text}{' ' * max(0, len(self.text) - len(text))}", nl=done == total, err=True)
        elif not self.terminal and (done != self.shown and (done == total or now - self.since >= 5)
                                    or now - self.since >= 60):
            click.echo(text, err=True)
            self.shown, self.since = done, now
        self.text = text


def _pdfs(documents: list[Path]) -> tuple[list[Path], int]:
    """All PDFs in one LibreOffice run: (the PDFs written, how many letters got none).  When
    LibreOffice stops short, the PDFs it finished are kept and listed all the same."""
    progress = _PdfProgress(len(documents))
    try:
        pdfs, failed = pdf.to_pdf(documents, progress=progress), 0
    except pdf.RendererMissing as error:
        click.echo(f"错误 no-renderer {error}", err=True)
        return [], len(documents)
    except pdf.RenderFailed as error:
        if progress.terminal:
            click.echo("", err=True)
        click.echo(f"错误 render-failed {error}（可加 --debug 查看详情）", err=True)
        pdfs, failed = error.written, len(documents) - len(error.written)
        if pdfs:
            click.echo(f"已完成的 {len(pdfs)} 份 PDF 照常保存；{failed} 份没有 PDF，可再运行 letterkit build --pdf 补上", err=True)
    for path in pdfs:
        click.echo(f"  PDF → {display_path(path)}")
    substituted = pdf.font_substitutions(list(house_style()["fonts"].values()))
    if substituted:
        pairs = "；".join(f"{official} → {used}" for official, used in substituted)
        click.echo(f"  字体替换（本机没有这些公文字体，PDF 中用免费字体代替）：{pairs}")
    return pdfs, failed


def main() -> None:
    """Entry point: no Python traceback ever reaches a clerk (unless --debug)."""
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort as abort:
        if isinstance(abort.__cause__, KeyboardInterrupt):  # click's word for Ctrl-C: exit as a shell expects
            click.echo("已中断。", err=True)
            sys.exit(130)
        click.echo("已中止。", err=True)
        sys.exit(EXIT_INPUT)
    except click.UsageError as error:
        click.echo(f"用法错误：{error.format_message()}（运行 letterkit --help 查看用法）", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except LetterkitError as error:
        _report(error.problems)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        click.echo("已中断。", err=True)
        sys.exit(130)
    except pdf.Stopped as stopped:  # a `kill` during --pdf: LibreOffice stopped, its folder removed
        click.echo("已终止。", err=True)
        sys.exit(128 + stopped.signum)
    except Exception as error:  # a bug in letterkit, not in the draft
        if debug:
            raise
        click.echo(f"letterkit 内部错误：{type(error).__name__}: {error}（请加 --debug 重新运行并报告此问题）", err=True)
        sys.exit(EXIT_INPUT)
