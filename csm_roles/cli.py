"""The ``csm-roles`` command line.

Exit status: 0 when all went well, 1 when a check failed (``validate`` on a bad
file), 2 on bad usage or an unknown key (the did-you-mean message goes to stderr).
"""

from __future__ import annotations

import argparse
import errno
import gc
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ._benchmarks import Benchmarks, default_benchmarks, load_benchmarks
from ._errors import (
    CsmRolesError,
    DataFileError,
    DataNotFoundError,
    InvalidInputError,
    NoFigureError,
    PayTransparencyError,
    TemplateError,
)
from ._limits import MAX_POSTING_BYTES
from ._models import Dataset, Kpi
from ._pay import PayBand

__all__ = ["console", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain-text table that reads well in a terminal."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    lines = [line(header), "  ".join("-" * width for width in widths), *(line(row) for row in rows)]
    return "\n".join(lines)


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _dump(model: Any) -> Any:
    if isinstance(model, tuple):
        return [_dump(item) for item in model]
    return model.model_dump(mode="json", exclude_none=True)


def parse_money(text: str) -> int:
    """Read a salary typed by a person: ``95000``, ``95,000``, ``$95k``, ``95.5K``."""
    match = re.fullmatch(r"\s*\$?\s*(\d[\d,_]*(?:\.\d+)?)\s*([kK])?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an amount of dollars; write it like 95000, 95,000 or 95k"
        )
    amount = float(match.group(1).replace(",", "").replace("_", ""))
    return round(amount * (1000 if match.group(2) else 1))


def _band_lines(band: PayBand, bm: Benchmarks) -> list[str]:
    level = bm.level(band.level)
    metro = bm.metro(band.metro) if band.metro else None
    where = "" if metro is None else f" in {metro.name}" if metro.locality else f", {metro.name.lower()}"
    lines = [f"{level.name}{where}"]
    if band.base:
        lines.append(f"  base        {band.base} a year")
    if band.ote:
        lines.append(f"  OTE         {band.ote}")
    if band.total:
        lines.append(f"  total pay   {band.total}")
    if band.bonus_pct:
        lines.append(f"  bonus       {band.bonus_pct} of base")
    elif band.variable:
        lines.append(f"  variable    {band.variable}")
    if band.segment:
        lines.append(f"  segment     {bm.segment(band.segment).name} (as the source pairs it)")
    lines.append(f"  source      {', '.join(band.sources)}")
    if band.derived:
        lines.append(f"  derived     {band.formula}")
    if band.note:
        lines.append(f"  note        {band.note}")
    return lines


def cmd_salary(args: argparse.Namespace, bm: Benchmarks) -> int:
    if args.all_sources:
        bands = bm.salary_bands(args.level)
        if args.metro:
            metro = args.metro
            bands = tuple(bm.salary_band(args.level, metro=metro, source=band.source) for band in bands)
    else:
        bands = (bm.salary_band(args.level, metro=args.metro, source=args.source),)
    if args.json:
        _out(_json([_dump(band) for band in bands] if args.all_sources else _dump(bands[0])))
    else:
        _out("\n\n".join("\n".join(_band_lines(band, bm)) for band in bands))
    return EXIT_OK


def cmd_offer(args: argparse.Namespace, bm: Benchmarks) -> int:
    result = bm.compare_offer(args.base, args.level, metro=args.metro, source=args.source)
    if args.json:
        _out(_json(_dump(result)))
    else:
        _out(result.summary)
        _out(f"  source: {', '.join(result.band.sources)}")
        if result.band.formula:
            _out(f"  derived: {result.band.formula}")
        if result.band.note:
            _out(f"  note: {result.band.note}")
    return EXIT_OK


def _targets(kpi: Kpi) -> str:
    if not kpi.targets:
        return "no target in the guides"
    return "; ".join(f"{t.label(kpi.unit)} ({t.source})" for t in kpi.targets)


def cmd_kpis(args: argparse.Namespace, bm: Benchmarks) -> int:
    kpis = bm.kpis()
    if args.json:
        _out(_json(_dump(kpis)))
        return EXIT_OK
    rows = [(k.key, k.label, k.indicator, _targets(k)) for k in kpis]
    _out(_table(rows, ("key", "metric", "indicator", "targets (source)")))
    return EXIT_OK


def cmd_levels(args: argparse.Namespace, bm: Benchmarks) -> int:
    levels = bm.levels()
    if args.json:
        _out(_json(_dump(levels)))
        return EXIT_OK
    rows = []
    for level in levels:
        years = (
            "; ".join(
                f"{r} ({r.source}{', our reading' if r.basis == 'reading' else ''})" for r in level.experience
            )
            or "not stated"
        )
        rows.append((level.key, level.name, years))
    _out(_table(rows, ("key", "level", "experience (source)")))
    return EXIT_OK


def cmd_segments(args: argparse.Namespace, bm: Benchmarks) -> int:
    segments = bm.segments()
    if args.json:
        _out(_json(_dump(segments)))
        return EXIT_OK
    rows = []
    for seg in segments:
        accounts = "; ".join(f"{r} ({r.source})" for r in seg.portfolio)
        acv = "; ".join(f"{p.acv.phrase} ({p.source})" for p in seg.portfolio if p.acv) or "not stated"
        rows.append((seg.key, seg.name, accounts, acv, seg.engagement_model or "not named"))
    _out(_table(rows, ("key", "segment", "accounts per CSM (source)", "ACV", "engagement")))
    return EXIT_OK


def cmd_metros(args: argparse.Namespace, bm: Benchmarks) -> int:
    metros = bm.metros()
    if args.json:
        _out(_json(_dump(metros)))
        return EXIT_OK
    rows = [(m.key, m.name, str(m.base), str(m.adjustment), m.note) for m in metros]
    _out(_table(rows, ("key", "metro", "base", "cost of living", "market")))
    national = bm.data.pay.national_average
    if national is not None:
        _out(
            f"\nbase: the guide's average base pay in the metro (national: {national.base}, "
            f"{national.source}); cost of living is measured against the metro marked baseline, so a metro "
            "above it can still pay below the national average. "
            "A level's band for a metro scales by the metro's base midpoint over the national one "
            "(`csm-roles salary LEVEL --metro KEY` shows the formula)."
        )
    return EXIT_OK


def cmd_sources(args: argparse.Namespace, bm: Benchmarks) -> int:
    sources = bm.sources()
    if args.json:
        _out(_json(_dump(sources)))
        return EXIT_OK
    rows = [(s.id, s.publisher or "(not named)", str(s.year), s.title) for s in sources]
    _out(_table(rows, ("id", "publisher", "year", "title")))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, bm: Benchmarks) -> int:
    failed = 0
    for path in args.files:
        try:
            _out(_validated(path, bm))
        except DataFileError as err:
            _error(str(err), prefix="error: ")
            for other in err.more:  # every problem, so that one run fixes the file
                _error(str(other), prefix="error: ")
            failed += 1
        except DataNotFoundError as err:
            _error(str(err), prefix="error: ")
            failed += 1
    return EXIT_FAILED if failed else EXIT_OK


def _validated(path: str, bm: Benchmarks) -> str:
    """Check a dataset or a company profile, whichever ``path`` holds, and say which it was."""
    from ._company import load_company
    from ._loader import parse_yaml, read_text

    raw, _ = parse_yaml(read_text(path), path)
    if isinstance(raw, dict) and "format_version" in raw:
        data = load_benchmarks(path).data
        return (
            f"{_safe(path)}: ok, a dataset ({len(data.sources)} sources, {len(data.levels)} levels, "
            f"{len(data.pay.level_bands)} pay bands, {len(data.metros)} metros, {len(data.kpis)} KPIs)"
        )
    company = load_company(path, benchmarks=bm)
    stated = [name for name in type(company).model_fields if name in company.model_fields_set]
    bands = len(company.pay)
    counted = f"{bands} pay band{'' if bands == 1 else 's'}"
    return f"{_safe(path)}: ok, a company profile ({', '.join(stated) or 'no fields'}; {counted})"


def parse_pay(text: str) -> tuple[int, int]:
    """A pay band typed by a person: ``90000-110000``, ``90k-110k``, ``$90,000 to $110,000``."""
    parts = re.split(r"\s*(?:-|–|to)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r} is not a pay band; write it like 90k-110k")
    return parse_money(parts[0]), parse_money(parts[1])


def _company(args: argparse.Namespace, bm: Benchmarks) -> Any:
    """The company of ``--profile`` and ``--company-name`` (the name wins), or None."""
    fields: dict[str, Any] = {}
    profile = _renamed(args, "profile", "company_file", "--company-file", "--profile")
    if profile:
        from ._company import load_company  # PyYAML only when there is a file to read

        fields = load_company(profile, benchmarks=bm).model_dump(exclude_unset=True)
    if args.company_name:
        fields["name"] = args.company_name
    return fields or None


def _renamed(args: argparse.Namespace, new: str, old: str, old_flag: str, new_flag: str) -> Any:
    """The value of an option under its new name, or its old one with a note that it was renamed."""
    value = getattr(args, new, None)
    if value is None and getattr(args, old, None) is not None:
        _error(
            f"{old_flag} is now {new_flag}; the old spelling will go in a later release",
            prefix="csm-roles: note: ",
        )
        value = getattr(args, old)
    return value


class _OutputError(CsmRolesError):
    """The output file given with ``-o`` cannot be opened (bad usage: exit 2)."""


def _write(text: str, output: str | None) -> None:
    if not output or output == "-":
        _stdout().write(text)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as err:
        if err.errno in _DISK_ERRORS:  # the file could be made, the disk failed: not a usage error
            raise
        raise _OutputError(f"cannot write {_safe(output)}: {err.strerror or err}") from None


#: Write errors that come from the disk, not from the path the user gave.
_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG})


def _out(text: str = "") -> None:
    """One line of output on standard output."""
    _stdout().write(f"{text}\n")


def _stdout() -> Any:
    """Standard output, or an error when the process was started with it closed."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed")
    return sys.stdout


def cmd_jd(args: argparse.Namespace, bm: Benchmarks) -> int:
    from ._jd import generate_jd
    from ._jsonld import dumps

    jd = generate_jd(
        args.segment,
        args.level,
        industry=args.industry,
        location=args.location,
        metro=args.metro,
        work_model=args.work_model,
        context=args.context,
        technical=args.technical,
        company=_company(args, bm),
        pay=args.pay,
        currency=args.currency,
        pay_source=args.pay_source,
        title=args.title,
        date_posted=args.date,
        valid_through=args.valid_through,
        employment_type=args.employment_type,
        identifier=args.id,
        employees=args.employees,
        draft=args.draft,
        benchmarks=bm,
    )
    if args.format == "jsonld":
        text = dumps(jd.to_jsonld()) + "\n"
    elif args.format == "json":
        text = jd.to_json() + "\n"
    else:
        text = jd.render(args.format, template_dir=args.template_dir, sources=args.sources)
    _write(text, args.output)
    if not args.quiet:
        for warning in jd.warnings:
            _error(warning, prefix="csm-roles: note: ")
    return EXIT_OK


def cmd_interview(args: argparse.Namespace, bm: Benchmarks) -> int:
    from ._interview import interview_kit

    kit = interview_kit(
        args.level, segment=args.segment, industry=args.industry, technical=args.technical, benchmarks=bm
    )
    if args.format == "json":
        text = kit.to_json() + "\n"
    else:
        text = kit.render(args.format, template_dir=args.template_dir)
    _write(text, args.output)
    return EXIT_OK


def _rule_list(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def cmd_lint(args: argparse.Namespace, bm: Benchmarks) -> int:
    from ._lint import SEVERITY_ORDER, default_rules, lint_jd, load_rules
    from ._loader import read_text

    ruleset = load_rules(args.rules) if args.rules else default_rules()
    select = [name for group in args.select or [] for name in _rule_list(group)] or None
    ignore = [name for group in args.ignore or [] for name in _rule_list(group)] or None
    threshold = SEVERITY_ORDER[args.fail_on]
    results = []
    failed = False
    for path in args.files:
        if path == "-":
            text, shown = _read_stdin(), "<stdin>"
        else:
            text, shown = read_text(path, max_bytes=MAX_POSTING_BYTES), path
        findings = lint_jd(
            text,
            segment=args.segment,
            level=args.level,
            title=args.title,
            rules=select,
            ignore=ignore,
            ruleset=ruleset,
            benchmarks=bm,
            max_chars=MAX_POSTING_BYTES,
            location=args.location,
            employees=args.employees,
            remote=args.remote,
            on=args.date,
        )
        failed = failed or any(SEVERITY_ORDER[f.severity] >= threshold for f in findings)
        results.append((shown, findings))
    if args.format == "json":
        payload = [
            {"path": shown, "findings": [f.model_dump(mode="json") for f in findings]}
            for shown, findings in results
        ]
        _out(_json(payload))
    elif args.format == "sarif":
        from . import __version__
        from ._sarif import to_sarif

        _out(_json(to_sarif(results, ruleset, version=__version__)))
    else:
        for shown, findings in results:
            for finding in findings:
                _out(_safe(finding.format(shown)))
        total = sum(len(findings) for _, findings in results)
        counts = {
            level: sum(f.severity == level for _, fs in results for f in fs) for level in SEVERITY_ORDER
        }
        plural = "s" if total != 1 else ""
        files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
        by_level = ", ".join(
            f"{counts[level]} {level}{'s' if counts[level] != 1 and level != 'info' else ''}"
            for level in ("error", "warning", "info")
        )
        _error(f"{total} finding{plural} in {files} ({by_level})", prefix="")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_chart(args: argparse.Namespace, bm: Benchmarks) -> int:
    from ._chart import band_chart, render_chart

    _write(render_chart(band_chart(args.by, source=args.source, benchmarks=bm)), args.output)
    return EXIT_OK


def cmd_schema(_args: argparse.Namespace, _bm: Benchmarks) -> int:
    schema = Dataset.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "csm-roles benchmarks file"
    _out(_json(schema))
    return EXIT_OK


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked (importlib.metadata is slow)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        from . import __version__

        _out(f"{parser.prog} {__version__}")
        parser.exit()


def cmd_law(args: argparse.Namespace, bm: Benchmarks) -> int:  # noqa: ARG001 - the laws are not benchmarks
    from ._law import load_transparency_rules, pay_transparency

    rules = load_transparency_rules(args.rules) if args.rules else None
    answer = pay_transparency(
        args.location, employees=args.employees, on=args.date, remote=args.remote, rules=rules
    )
    _write(answer.to_json() + "\n" if args.json else answer.render("text"), None)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, bm: Benchmarks) -> int:
    from .server import ServerExtraMissing, serve

    try:
        serve(args.host, args.port, benchmarks=bm)
    except ServerExtraMissing as err:
        _error(str(err))
        return EXIT_FAILED
    return EXIT_OK


def _salary_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("level", help="level key or alias: entry, mid, senior, director, 'Senior CSM' ...")
    cmd.add_argument("--metro", help="metro key or alias: SF, NYC, seattle, remote ...")
    cmd.add_argument("--source", help="source id; default: the newest guide with a band for the level")
    cmd.add_argument("--all-sources", action="store_true", help="show every source's band")
    cmd.add_argument("--json", action="store_true", help="print JSON")


def _offer_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("base", type=parse_money, help="base salary in dollars a year (95000, 95k, $95,000)")
    cmd.add_argument("--level", required=True, help="level key or alias")
    cmd.add_argument("--metro", help="metro key or alias")
    cmd.add_argument("--source", help="source id of the band to compare with")
    cmd.add_argument("--json", action="store_true", help="print JSON")


def _json_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--json", action="store_true", help="print JSON")


def _validate_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("files", nargs="+", metavar="FILE", help="YAML file(s) to check")


def _no_args(cmd: argparse.ArgumentParser) -> None:
    """A subcommand without options of its own."""


def _jd_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--segment", required=True, help="smb, mid-market or enterprise (aliases work)")
    cmd.add_argument(
        "--level",
        help="level key or alias (default: the level the guides pair with the segment: "
        "entry for SMB, mid for mid-market, senior for enterprise)",
    )
    cmd.add_argument(
        "--industry", help="healthcare, financial-services, manufacturing, technology, ecommerce, education"
    )
    cmd.add_argument(
        "--location",
        help="where the job is, as you would write it: 'Boston, MA', 'Remote (US)', "
        "'Hybrid - Austin, TX (3 days in office)'",
    )
    cmd.add_argument("--metro", help="a guide metro key or alias (SF, NYC, remote ...): a short --location")
    cmd.add_argument("--work-model", help="onsite, hybrid or remote")
    cmd.add_argument("--context", help="corporate, startup or remote-hybrid")
    cmd.add_argument(
        "--technical", action="store_true", help="a technical product: ask for APIs, webhooks, SQL"
    )
    cmd.add_argument("--company-name", help="the hiring company's name")
    cmd.add_argument(
        "--profile",
        metavar="COMPANY.yaml",
        help="the company's profile: name, about, locations, benefits, how to apply, its own pay bands ...",
    )
    cmd.add_argument("--company-file", metavar="COMPANY.yaml", help=argparse.SUPPRESS)  # the old --profile
    cmd.add_argument(
        "--pay",
        type=parse_pay,
        metavar="LOW-HIGH",
        help="the company's own base band, e.g. 90k-110k (needed for levels without a guide band)",
    )
    cmd.add_argument("--currency", default="USD", help="currency of --pay, an ISO code (default: USD)")
    cmd.add_argument(
        "--pay-source",
        metavar="SOURCE",
        help="post this source's band, such as jd-template-2025 (on-target earnings, bonus share); "
        "default: the newest guide with one",
    )
    cmd.add_argument(
        "--employment-type", default="FULL_TIME", help="FULL_TIME (default), PART_TIME, CONTRACTOR ..."
    )
    cmd.add_argument("--id", help="your own identifier for the posting (default: one made from its inputs)")
    cmd.add_argument("--title", help="a job title to use instead of the generated one")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="date posted (default: today)")
    cmd.add_argument("--valid-through", metavar="YYYY-MM-DD", help="closing date")
    cmd.add_argument(
        "--format",
        default="markdown",
        choices=("markdown", "html", "text", "jsonld", "json"),
        help="output format",
    )
    cmd.add_argument(
        "--template-dir", metavar="DIR", help="folder of templates that override the built-in ones"
    )
    cmd.add_argument(
        "--sources", action="store_true", help="end the posting with the guides its figures come from"
    )
    cmd.add_argument(
        "--employees", type=_count, metavar="N", help="the company's headcount, for pay-transparency laws"
    )
    cmd.add_argument(
        "--draft",
        action="store_true",
        help="print the posting even when a pay-transparency law asks for what it lacks (as notes)",
    )
    cmd.add_argument(
        "--quiet", action="store_true", help="do not print the notes on what to settle before publishing"
    )
    cmd.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def _lint_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "files", nargs="+", metavar="FILE", help="posting(s) as text, Markdown or HTML; - reads stdin"
    )
    cmd.add_argument("--segment", help="the customer segment, for the portfolio check")
    cmd.add_argument(
        "--location",
        help="where the job is published, for its pay-transparency laws (default: the posting's "
        "'Location:' line or first 'City, ST')",
    )
    cmd.add_argument("--employees", type=_count, metavar="N", help="the employer's headcount, for those laws")
    cmd.add_argument(
        "--remote", action="store_true", help="the role can be done remotely from anywhere in the country"
    )
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day the posting goes up (default: today)")
    cmd.add_argument("--level", help="the level being hired")
    cmd.add_argument(
        "--title", help="the job title, when the posting does not start with it (it tells the role)"
    )
    cmd.add_argument(
        "--format",
        default="text",
        choices=("text", "json", "sarif"),
        help="output format (default: text; sarif is SARIF 2.1.0 for code-scanning tools)",
    )
    cmd.add_argument(
        "--fail-on",
        default="error",
        choices=("error", "warning", "info"),
        help="exit 1 when a finding reaches this severity (default: error)",
    )
    cmd.add_argument(
        "--select", action="append", metavar="RULES", help="run only these rules (comma-separated)"
    )
    cmd.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules (comma-separated)")
    cmd.add_argument("--rules", metavar="FILE", help="a rules file to use instead of the built-in rules")


def _chart_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--by", default="level", choices=("level", "metro"), help="one row per level or per metro"
    )
    cmd.add_argument("--source", help="only the bands of this source id")
    cmd.add_argument("-o", "--output", metavar="FILE.svg", help="write to FILE instead of standard output")


def _interview_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--level", default="mid", help="level key or alias (default: mid)")
    cmd.add_argument("--segment", help="smb, mid-market or enterprise")
    cmd.add_argument("--industry", help="industry key or alias")
    cmd.add_argument(
        "--technical",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="ask about a technical product (APIs, integrations); --no-technical: business value instead",
    )
    cmd.add_argument(
        "--format",
        default="markdown",
        choices=("markdown", "html", "text", "json"),
        help="output format: a scorecard, or json for an applicant-tracking system",
    )
    cmd.add_argument(
        "--template-dir", metavar="DIR", help="folder of templates that override the built-in ones"
    )
    cmd.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def _law_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("location", help="where the job is: 'Denver, CO', 'New York, NY', 'Remote (US)'")
    cmd.add_argument(
        "--employees", type=_count, metavar="N", help="the employer's headcount (settles size thresholds)"
    )
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day the posting goes up (default: today)")
    cmd.add_argument(
        "--remote", action="store_true", help="the role can be done remotely from anywhere in the country"
    )
    cmd.add_argument(
        "--rules", metavar="FILE", help="a table of laws in the format of data/pay_transparency.yaml"
    )
    cmd.add_argument("--json", action="store_true", help="print JSON")


def _count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of employees, like 50; got {text!r}"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of employees, like 50; got {text!r}")
    return value


def _serve_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    cmd.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")


_Handler = Callable[[argparse.Namespace, Benchmarks], int]

#: Every subcommand, in the order ``csm-roles --help`` lists them: handler, one-line help, arguments.
COMMANDS: dict[str, tuple[_Handler, str, Callable[[argparse.ArgumentParser], None]]] = {
    "salary": (cmd_salary, "Pay band for a level, optionally adjusted for a metro.", _salary_args),
    "offer": (cmd_offer, "Where a base salary sits against the band.", _offer_args),
    "kpis": (cmd_kpis, "Metrics CSMs are measured on, with the guides' targets.", _json_args),
    "levels": (cmd_levels, "Career levels with years of experience.", _json_args),
    "segments": (cmd_segments, "Customer segments with portfolio sizes and ACV.", _json_args),
    "metros": (cmd_metros, "Metro areas with base ranges and cost-of-living adjustments.", _json_args),
    "sources": (cmd_sources, "The guides every figure comes from.", _json_args),
    "validate": (
        cmd_validate,
        "Check a company profile or a dataset file, and say which it is.",
        _validate_args,
    ),
    "schema": (cmd_schema, "Print the JSON Schema of the benchmarks file format.", _no_args),
    "jd": (cmd_jd, "Generate a job description tailored to segment, level, place and company.", _jd_args),
    "lint": (cmd_lint, "Check job postings for the common mistakes of CSM job descriptions.", _lint_args),
    "chart": (cmd_chart, "Draw the pay bands as an SVG chart.", _chart_args),
    "interview": (cmd_interview, "Print an interview kit: questions, red flags, sourcing.", _interview_args),
    "law": (cmd_law, "Pay-transparency rules on record for a place: what a posting must say.", _law_args),
    "serve": (cmd_serve, "Serve the HTTP API and the web page (needs csm-roles[server]).", _serve_args),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="csm-roles",
        description="Sourced reference data for hiring Customer Success Managers.",
        epilog="Every figure names the guide it comes from; `csm-roles sources` lists them.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--dataset",
        metavar="FILE",
        help="a whole benchmarks dataset to use instead of the built-in one (not a company profile: "
        "that is `jd --profile`)",
    )
    parser.add_argument("--data", metavar="FILE", help=argparse.SUPPRESS)  # the old --dataset
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (handler, text, add_arguments) in COMMANDS.items():
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.set_defaults(handler=handler)
        add_arguments(cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 done, 1 a check failed, 2 bad usage)."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    try:
        dataset = _renamed(args, "dataset", "data", "--data", "--dataset")
        bm = load_benchmarks(dataset) if dataset else default_benchmarks()
        code: int = args.handler(args, bm)
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows up here, not at exit
    except BrokenPipeError:  # `csm-roles kpis | head`: the reader has all it wanted
        _silence_stdout()
        return EXIT_OK
    except (DataFileError, DataNotFoundError) as err:
        _error(str(err))
        return EXIT_FAILED if args.command == "validate" else EXIT_USAGE
    except NoFigureError as err:
        _error(str(err), prefix="csm-roles: ")
        return EXIT_FAILED
    except PayTransparencyError as err:
        _error(str(err))
        return EXIT_FAILED
    except (TemplateError, _OutputError, LookupError, InvalidInputError) as err:
        _error(err.args[0] if isinstance(err, CsmRolesError) and err.args else str(err))
        return EXIT_USAGE
    except OSError as err:  # the disk is full, standard output is closed ...
        _error(f"cannot write the output: {err.strerror or err}")
        return EXIT_FAILED
    return code


def _error(message: str, *, prefix: str = "csm-roles: error: ") -> None:
    if sys.stderr is not None:
        print(f"{prefix}{_safe(message)}", file=sys.stderr)


#: Characters never echoed as they are: control characters (terminal escape sequences)
#: and the bidirectional controls that can make a line read differently than it is.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str) -> str:
    """Text fit for a terminal: unsafe characters written as escapes (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def _read_stdin() -> str:
    """A posting from standard input, read up to the size limit."""
    if sys.stdin is None:
        raise InvalidInputError("standard input is closed; pass a file instead of -")
    data = sys.stdin.buffer.read(MAX_POSTING_BYTES + 1) if hasattr(sys.stdin, "buffer") else None
    if data is None:  # a text stream without bytes underneath (an embedding program's)
        text: str = sys.stdin.read(MAX_POSTING_BYTES + 1)
        data = text.encode("utf-8")
    if len(data) > MAX_POSTING_BYTES:
        raise InvalidInputError(
            f"<stdin>: the posting is larger than the limit of {MAX_POSTING_BYTES:,} bytes"
        )
    from ._loader import decode

    return decode(data, "<stdin>")


def _silence_stdout() -> None:
    """Point standard output at nothing, so the interpreter's last flush cannot fail again."""
    stdout = sys.stdout
    if stdout is None:
        return
    try:
        fileno = stdout.fileno()
    except (OSError, ValueError):  # not a real file (captured by a test or an embedding program)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def console() -> int:
    """The ``csm-roles`` script and ``python -m csm_roles``: `main`, then a quick exit.

    Output that the terminal's encoding cannot show is written in plain ASCII
    (an en dash as "-"), never as a traceback; Ctrl-C ends with status 130.

    The collector is off for the run (one command and exit), and the objects it made
    are frozen out of its reach at the end: the interpreter's last collections at exit would otherwise walk
    every one of them (pydantic's and Jinja's many reference cycles), about 20 ms of a
    150 ms run, only to free memory the operating system takes back anyway. Programs
    that call `main` themselves keep their collector as it was.
    """
    gc.disable()  # one command, then exit: collection passes on the way only cost time
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=_ascii_fallback())
    try:
        code = main()
    except KeyboardInterrupt:
        _error("interrupted", prefix="csm-roles: ")
        return 130
    gc.freeze()
    return code


_FALLBACK = "csm-roles-ascii"
_ASCII = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "×": "x", "·": "-"}


def _ascii_fallback() -> str:
    """An encoding error handler that writes typographic characters as ASCII, others as ``?``."""
    import codecs

    def fallback(err: UnicodeError) -> tuple[str, int]:
        if not isinstance(err, UnicodeEncodeError):
            raise err
        return "".join(_ASCII.get(char, "?") for char in err.object[err.start : err.end]), err.end

    try:
        codecs.lookup_error(_FALLBACK)
    except LookupError:
        codecs.register_error(_FALLBACK, fallback)
    return _FALLBACK


if __name__ == "__main__":
    sys.exit(console())
