"""mkdocs hook: pages and pictures generated from the package at build time.

- reference/data.md  - every figure of data/benchmarks.yaml with its source,
  conflicting figures side by side (so the docs cannot drift from the data);
- reference/cli.md   - the help of every `csm-roles` command;
- reference/pay-transparency.md - the whole table of pay-transparency laws, with
  sources and the "as of" date;
- assets/bands-by-level.svg, assets/bands-by-metro.svg - the band charts;
- changelog.md       - CHANGELOG.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

import csm_roles
from csm_roles.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def data_reference() -> str:
    bm = csm_roles.default_benchmarks()
    data = bm.data
    out = [
        "# Data reference\n",
        "Generated from `data/benchmarks.yaml` when the docs are built: every figure with the "
        "guide it comes from. Where guides disagree, their figures stand side by side; "
        "nothing here is averaged. Money is US dollars a year; percentages are percent points.\n",
        "## Sources\n",
        _table(
            ["id", "publisher", "title", "year", "cites"],
            [
                [f"`{s.id}`", s.publisher or "(not named)", s.title, s.year, ", ".join(s.cites) or "-"]
                for s in data.sources
            ],
        ),
        "## Levels and experience\n",
        _table(
            ["level", "key", "years of experience (source)", "reports to (source)"],
            [
                [
                    lvl.name,
                    f"`{lvl.key}`",
                    "; ".join(
                        f"{r} ({r.source}{', our reading: ' + r.note if r.basis == 'reading' else ''})"
                        for r in lvl.experience
                    )
                    or "not stated",
                    "; ".join(f"{', '.join(r.titles)} ({r.source})" for r in lvl.reports_to) or "-",
                ]
                for lvl in data.levels
            ],
        ),
        "## Pay bands by level\n",
        "![Pay bands by level](../assets/bands-by-level.svg)\n",
    ]
    rows = []
    for level in data.levels:
        bands = bm.salary_bands(level.key)
        if not bands:
            rows.append([level.name, "-", "no band in the guides", "-", "-", "-"])
        for band in bands:
            rows.append(
                [
                    level.name,
                    band.source,
                    band.base or "-",
                    band.ote or "-",
                    band.bonus_pct or "-",
                    band.total or band.variable or "-",
                ]
            )
    out.append(_table(["level", "source", "base", "OTE", "bonus % of base", "total / variable"], rows))
    avg = bm.national_average()
    out.append(f"\nNational average base: {avg.base} ({avg.source}).\n")
    out.append("\n## Market figures\n")
    out.append(
        _table(
            ["publisher", "statistic", "as of", "amount", "source", "note"],
            [
                [f.publisher, f.statistic, f.as_of or "-", f"${f.amount:,}", f.source, f.note or "-"]
                for f in data.pay.market
            ],
        )
    )
    out.append("\n## Metros\n")
    out.append("![Pay bands by metro](../assets/bands-by-metro.svg)\n")
    out.append(
        _table(
            ["metro", "key", "average base", "cost-of-living adjustment", "market note", "source"],
            [[m.name, f"`{m.key}`", m.base, m.adjustment, m.note, m.source] for m in data.metros],
        )
    )
    out.append(
        "\nA metro's band is derived from these ranges, not from the cost-of-living column (which "
        "does not reproduce the guide's own metro ranges): each end of a level's band times the metro's "
        "average base over the national average, end by end, rounded to the nearest $1,000. See "
        "[the data format](data-format.md#pay-for-a-place).\n"
    )
    out.append("\n## Segments and portfolio sizes\n")
    out.append(
        _table(
            ["segment", "accounts per CSM (source, with the ACV it ties to them)", "engagement", "cadence"],
            [
                [
                    s.name,
                    "; ".join(
                        f"{p} ({p.source}{', ACV ' + p.acv.phrase if p.acv else ''}"
                        f"{'; ' + p.note if p.note else ''})"
                        for p in s.portfolio
                    ),
                    s.engagement_model or s.engagement_note or "-",
                    s.cadence,
                ]
                for s in data.segments
            ],
        )
    )
    out.append(
        "\nNot tied to a segment: "
        + "; ".join(
            f"{p} accounts ({p.source}{', ' + p.note if p.note else ''})" for p in data.portfolio_general
        )
        + ".\n"
    )
    out.append("\n## KPIs and targets\n")
    out.append(
        _table(
            ["KPI", "unit", "indicator", "targets (source)", "named by"],
            [
                [
                    k.label,
                    k.unit,
                    k.indicator,
                    "; ".join(
                        f"{t.label(k.unit)} ({t.source}{': ' + t.context if t.context else ''})"
                        for t in k.targets
                    )
                    or "no target in the guides",
                    ", ".join(k.sources),
                ]
                for k in data.kpis
            ],
        )
    )
    out.append("\n## Roles to grow into\n")
    out.append(
        _table(
            ["role", "average salary", "reports to", "source"],
            [[r.name, r.average_salary, ", ".join(r.reports_to), r.source] for r in data.related_roles],
        )
    )
    out.append("\n## Industries\n")
    out.append(
        _table(
            ["industry", "requirements", "focus areas", "compliance (source)"],
            [
                [
                    i.name,
                    "; ".join(f"{r.text} ({r.source})" for r in i.requirements),
                    ", ".join(i.focus_areas),
                    "; ".join(f"{c.name} ({', '.join(c.sources)})" for c in i.compliance) or "-",
                ]
                for i in data.industries
            ],
        )
    )
    out.append("\n## Market statistics\n")
    out.append(
        _table(
            ["figure", "what it measures", "source"],
            [
                [
                    s.value
                    if s.value is not None
                    else f"{s.low}–{s.high if s.high is not None else ''}" + ("+" if s.open_ended else ""),
                    s.text,
                    s.source,
                ]
                for s in data.market_stats
            ],
        )
    )
    out.append("\n## Interview questions, red flags and sourcing\n")
    out.append(
        _table(
            ["kind", "question", "a strong answer shows"],
            [[q.kind, q.question, q.tip] for q in data.interview_questions],
        )
    )
    out.append("\n")
    out.append(_table(["red flag", "signs", "impact"], [[r.name, r.signs, r.impact] for r in data.red_flags]))
    out.append("\n")
    out.append(
        _table(["channel", "practice", "tip"], [[c.name, c.practice, c.tip] for c in data.sourcing_channels])
    )
    out.append("\nAll of the above comes from `jd-template-2025`.\n")
    return "\n".join(out)


def cli_reference() -> str:
    parser = build_parser()
    out = [
        "# Command line\n",
        "Generated from the `csm-roles` parser when the docs are built.\n",
        "```text\n" + parser.format_help() + "```\n",
    ]
    for action in parser._actions:  # argparse keeps subcommands here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.append(f"## `csm-roles {name}`\n")
                out.append("```text\n" + sub.format_help() + "```\n")
    out.append(
        "Exit status: 0 when all went well; 1 when a check failed (`validate`, `lint` at "
        "`--fail-on`) or the guides hold no figure for what was asked; 2 on bad usage or an "
        "unknown key, with the did-you-mean message on standard error.\n"
    )
    return "\n".join(out)


def _yes_no(value: bool | None, yes: str = "yes", no: str = "no") -> str:
    return "not confirmed" if value is None else (yes if value else no)


def transparency_reference() -> str:
    """Every pay-transparency law on record, as a table and then one section per law."""
    rules = csm_roles.transparency_rules()
    out = [
        "# Pay-transparency laws\n",
        f"Generated from `data/pay_transparency.yaml` when the docs are built. Rules as of "
        f"**{rules.as_of}**. {rules.disclaimer}\n",
        "A fact marked *reported* comes from secondary summaries only; *not confirmed* "
        "means no primary text read settled it. The look-up treats a law whose status is "
        "unconfirmed as one that may apply, never as one that applies.\n",
        "## Elements\n",
        _table(["element", "what a posting says"], [[f"`{e.key}`", e.description] for e in rules.elements]),
        "## All laws\n",
        _table(
            ["jurisdiction", "status", "employers", "remote roles", "a posting must state"],
            [
                [
                    f"[{j.name}](#{j.key})",
                    j.status,
                    (f"{j.employers.min_employees}+" if j.employers.min_employees else "not confirmed")
                    + ("" if j.employers.confirmed else " (reported)"),
                    j.remote.reach + ("" if j.remote.confirmed else " (reported)"),
                    ", ".join(dict.fromkeys(r.element for r in j.requirements)) or "nothing (see below)",
                ]
                for j in rules.jurisdictions
            ],
        ),
    ]
    for j in rules.jurisdictions:
        out.append(f"## {j.name} {{#{j.key}}}\n")
        out.append(f"Status: {j.status}. Employers: {j.employers.counted} Remote roles: {j.remote.how}\n")
        if j.requirements:
            out.append(
                _table(
                    ["element", "from", "content read in primary text", "detail", "source"],
                    [
                        [
                            rules.element(r.element).name,
                            f"{r.from_ or 'not known'}"
                            + ("" if r.from_confirmed or r.from_ is None else " (reported)"),
                            _yes_no(r.confirmed),
                            r.detail,
                            f"[{r.source + 1}]",
                        ]
                        for r in j.requirements
                    ],
                )
            )
        if j.outside_posting:
            out.append(f"Outside the posting: {j.outside_posting}\n")
        if j.notes:
            out.append(f"{j.notes}\n")
        out.append(
            "\n".join(
                f"{n}. {s.citation}, {s.kind}, checked {s.checked}: <{s.url}>"
                + (f" (copy read: <{s.copy_read}>)" if s.copy_read else "")
                for n, s in enumerate(j.sources, 1)
            )
            + "\n"
        )
    return "\n".join(out)


def on_files(files: Files, config: Any) -> Files:
    chart = csm_roles.render_chart
    generated = {
        "reference/data.md": data_reference(),
        "reference/cli.md": cli_reference(),
        "reference/pay-transparency.md": transparency_reference(),
        "assets/bands-by-level.svg": chart(csm_roles.band_chart("level")),
        "assets/bands-by-metro.svg": chart(csm_roles.band_chart("metro")),
        "changelog.md": (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
    }
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    return files
