"""Command line: `python -m builder build | serve | check | new | review | bench` (installed: `archive-builder …`).

User mistakes are reported as `file:line: what is wrong, what to do` on
stderr with exit status 1, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder import config as archive_config
from builder.console import command, plural, program, set_program
from builder.engine.state import BuildOptions, check_inputs
from builder.model import BuildError, BuildErrors


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of raw articles (*.txt)")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="folder with people/, mechanisms/ (the registry) and articles/ (written)")
    parser.add_argument("--out", type=Path, default=Path("site"), help="where the HTML site is written")
    parser.add_argument("--config", type=Path, default=None, metavar="PATH",
                        help="the archive's archive.yml (default: archive.yml in the current folder, if there is "
                             "one; without it, the defaults). The archive's templates/ is looked for beside it")
    parser.add_argument("--base-url", default=None, help="absolute URL the site is published at, e.g. "
                                                        "https://user.github.io/repo/ (used for canonical links; "
                                                        "overrides archive.yml's base_url; default /)")
    parser.add_argument("--cache", type=Path, default=Path(".cache"),
                        help="folder for the annotation cache and the last build's state (default .cache)")
    parser.add_argument("--no-cache", action="store_true", help="annotate every article again; keep no state")
    parser.add_argument("--timings", action="store_true", help="print the seconds each stage took (on stderr)")
    parser.add_argument("--quiet", action="store_true",
                        help="show no progress (by default a build that runs past 2 s shows what it is doing on "
                             "stderr: bars on a terminal, a line per stage otherwise)")
    parser.add_argument("--verbose", action="store_true",
                        help="print every warning in full (by default: each kind's first few and how many more)")
    parser.add_argument("--no-search", action="store_true",
                        help="leave the search index out (a quicker preview; the search page then says so; "
                             "overrides archive.yml's search)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes for annotation and rendering "
                                                            "(default: one per core; 1 = no workers)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None,
                        help="run the map and render steps on the Dask cluster of this scheduler instead of "
                             "local processes (--jobs is then ignored: the cluster's worker threads run them); "
                             "its workers must see --seeds, --content, --cache and the folder of --out at the "
                             "same paths and run the same builder version. The site is the same byte for byte. "
                             "Needs pip install 'vn-cn-archive-builder[dask]'")


def _options(args: argparse.Namespace) -> BuildOptions:
    """The build's options: archive.yml (validated before anything is built; its warnings printed), then
    the flags over it."""
    path = archive_config.find(args.config)
    config, warnings = archive_config.load(path)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    args.config_warnings = warnings  # printed here, counted in the build's summary
    config = config.with_flags(base_url=args.base_url, search=False if getattr(args, "no_search", False) else None)
    root = path.parent if path is not None else Path(".")
    return BuildOptions(seeds=args.seeds, content=args.content, out=args.out, base_url=config.base_url,
                        keep_going=getattr(args, "keep_going", False),
                        cache=None if args.no_cache else args.cache, jobs=args.jobs,
                        search=config.search, scheduler=getattr(args, "scheduler", None),
                        overrides=root / "templates", config=config, config_file=path)


def cmd_build(args: argparse.Namespace) -> int:
    options = _options(args)
    state, inputs = check_inputs(options)
    if state is not None and not args.strict:  # --strict looks again at what it counts
        print(f"up to date: {state['pages']} pages from {plural(state['articles'], 'article')} "
              f"({plural(state['mentions'], 'mention')}) "
              f"in {args.out}/; nothing changed since the last build; 0 content files updated.")
        return 0
    from builder.engine.build import (
        build,  # the stages are imported only when there is work for them
    )
    from builder.engine.progress import reporter

    with reporter(quiet=args.quiet) as progress:  # put away before anything below is printed
        result = build(options, inputs, progress)
    from builder.commands.check import discovered_entities
    from builder.console import inferred_dates, kinds_count, report_warnings

    warnings = list(result.warnings)
    waiting = discovered_entities(result.registry)
    if args.strict:  # what --strict counts besides the build's own warnings
        warnings += waiting + inferred_dates(result.summaries, args.seeds)
    report_warnings(warnings, args.verbose)
    warnings = list(getattr(args, "config_warnings", [])) + warnings  # archive.yml's, printed before the build
    for error in result.errors:
        print(error, file=sys.stderr)
    if result.errors:
        stored = set(result.site.store.keys())
        kept = sum(Path(error.path).name in stored for error in result.errors)
        what = ("the site was built without them" if not kept else "kept as the last build made them"
                if kept == len(result.errors) else f"{kept} kept as the last build made them, "
                f"{len(result.errors) - kept} left out of the site")
        print(f"{len(result.errors)} seed(s) skipped (--keep-going): {what}; fix them and rebuild", file=sys.stderr)
    result.close()
    if getattr(args, "timings", False):
        print("timings: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items()),
              file=sys.stderr)
    unchanged = f" ({len(result.reused)} unchanged, kept from the last build)" if result.reused else ""
    print(f"built {len(result.pages)} pages{unchanged} from {plural(result.article_count, 'article')} "
          f"({plural(result.mention_count, 'mention')}) "
          f"into {args.out}/; {len(result.content_changed)} content files updated; {len(waiting)} entities waiting for "
          f"review (status: discovered); {len(warnings)} warning{'' if len(warnings) == 1 else 's'}. "
          f"Open {args.out}/index.html or run `{command('serve')}`.")
    if args.strict and warnings:
        print(f"--strict: {len(warnings)} warning(s) ({kinds_count(warnings)}); exit 1. Confirm or reject the "
              f"discovered entities (content/…/*.md, `status:`), date the seeds, fix the rest, and build again",
              file=sys.stderr)
        return 1
    return 1 if result.errors else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from builder.commands.serve import serve
    from builder.engine.progress import reporter

    serve(_options(args), host=args.host, port=args.port, progress=lambda: reporter(quiet=args.quiet),
          reload=lambda: _options(args))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from builder.annotate.annotator import Annotator
    from builder.commands.check import (
        check_site_links,
        discovered_entities,
        stale_content,
    )
    from builder.content.markdown import content_files
    from builder.engine.build import read_articles
    from builder.engine.editorial import annotated_article  # as a build has them: editors' pages, corrections
    from builder.ingest.registry import load_registry

    problems: list[str] = []
    registry = load_registry(args.content)
    for notice in discovered_entities(registry):
        print(f"to confirm: {notice}")
    problems += registry.warnings if args.strict else []
    articles, errors, _ = read_articles(args.seeds, keep_going=True)
    problems += [str(e) for e in errors]
    annotator = Annotator(registry)
    for n, seed_article in enumerate(articles):
        try:
            articles[n] = annotated_article(seed_article, lambda a: annotator(a).mentions, args.content / "articles",
                                            registry.entities, str(args.seeds / seed_article.source_file), [])
        except BuildError as exc:
            problems.append(str(exc))
    problems += stale_content(args.content, content_files(args.content, articles))
    if args.out.is_dir():
        problems += check_site_links(args.out)
    else:
        problems.append(f"{args.out}: no built site; run `{command('build')}` first")
    for problem in problems:
        print(problem, file=sys.stderr)
    rejected = sum(e.status == "rejected" for e in registry.entities.values())
    print(f"check: {len(problems)} problem(s); {len(articles)} articles, {len(registry.entities) - rejected} entities"
          + (f" ({rejected} rejected, not counted)" if rejected else ""))
    return 1 if problems else 0


def cmd_new(args: argparse.Namespace) -> int:
    from builder.commands.new import new_archive, next_steps

    new_archive(args.folder)
    print(next_steps(args.folder))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from builder.commands.review import run

    return run(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from builder.bench.runner import main as bench_main

    return bench_main(args)


def main(argv: list[str] | None = None) -> int:
    prog = program()
    set_program(prog)
    parser = argparse.ArgumentParser(prog=prog, description="Annotated archive generator.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="seeds/ -> content/articles/*.md -> site/")
    _add_build_options(p_build)
    p_build.add_argument("--keep-going", action="store_true",
                         help="build every article that can be read and publish the site without the rest; "
                              "report them and exit 1 (registry problems still stop the build)")
    p_build.add_argument("--strict", action="store_true",
                         help="exit 1 on any warning, counting entities waiting for review (status: discovered), "
                              "inferred publication dates and slug collisions as warnings (the site is still "
                              "published; a --strict build never stops at 'up to date')")
    p_build.set_defaults(func=cmd_build)
    p_serve = sub.add_parser("serve", help="build, preview at http://127.0.0.1:8000, rebuild on change")
    _add_build_options(p_serve)
    p_serve.add_argument("--host", default="127.0.0.1",
                         help="the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every "
                              "network this machine is on)")
    p_serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    p_serve.set_defaults(func=cmd_serve)
    p_check = sub.add_parser("check", help="validate content/ and the built site; exit 1 on problems")
    _add_build_options(p_check)
    p_check.add_argument("--strict", action="store_true", help="count registry warnings as problems")
    p_check.set_defaults(func=cmd_check)
    p_new = sub.add_parser("new", help="write a new archive into DIR (archive.yml, seeds/, content/, the Pages "
                                       "workflow) that builds at once; DIR must be new or empty")
    p_new.add_argument("folder", type=Path, metavar="DIR",
                       help="the folder of the new archive (made if missing; its name becomes the title)")
    p_new.set_defaults(func=cmd_new)
    p_review = sub.add_parser("review", help="accept, reject, merge or rename the entities the build discovered")
    p_review.add_argument("--content", type=Path, default=Path("content"), help="folder with the registry")
    p_review.add_argument("--seeds", type=Path, default=Path("seeds"),
                          help="folder of raw articles (read for evidence when there is no build cache)")
    p_review.add_argument("--cache", type=Path, default=Path(".cache"), help="the build's cache (evidence)")
    p_review.add_argument("--accept", metavar="ID", help="set status: confirmed, without prompts")
    p_review.add_argument("--reject", metavar="ID", help="set status: rejected, without prompts")
    p_review.add_argument("--merge", metavar="ID", help="make ID's names aliases of --into and remove ID's page")
    p_review.add_argument("--into", metavar="ID", help="the entity --merge merges into")
    p_review.add_argument("--rename", metavar="ID", help="give ID the canonical name --name (the old one stays an alias)")
    p_review.add_argument("--name", help="the new name for --rename")
    p_review.add_argument("--slug", help="with --rename: also move the page to SLUG.md")
    p_review.set_defaults(func=cmd_review)
    p_bench = sub.add_parser("bench", help="time our build against MkDocs and Hugo on a synthetic archive")
    p_bench.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    p_bench.add_argument("--quick", action="store_true", help="one small size, one run: a smoke test for CI")
    p_bench.add_argument("--runs", type=int, default=None, help="runs per measurement; the median is reported "
                                                                 "(default 3, 1 with --quick)")
    p_bench.add_argument("--seed", type=int, default=7, help="corpus seed: the same seed writes the same files")
    p_bench.add_argument("--out", type=Path, default=Path("benchmarks/RESULTS.md"),
                         help="where the Markdown report is written (default benchmarks/RESULTS.md)")
    p_bench.set_defaults(func=cmd_bench)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BuildErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return 1
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # a folder that cannot be read or written: the machine's problem, not ours
        where = exc.filename or prog
        print(f"{where}: {exc.strerror or exc}; check the path and its permissions", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; site/ is as it was before this build", file=sys.stderr)
        return 130
