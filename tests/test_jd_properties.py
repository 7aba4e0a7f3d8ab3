"""Hypothesis over the whole input space of generate_jd: no exception, every must-hold
property on every format, and determinism."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import csm_roles
from jd_checks import check

SEGMENTS = [s.key for s in csm_roles.segments()]
LEVELS = [lvl.key for lvl in csm_roles.levels()]
INDUSTRIES = [None, *(i.key for i in csm_roles.industries())]
METROS = [None, *(m.key for m in csm_roles.metros())]
WORK_MODELS = [None, "onsite", "hybrid", "remote"]
CONTEXTS = [None, *(c.key for c in csm_roles.work_contexts())]

company_text = st.text(max_size=60) | st.sampled_from(
    ["", "   ", "Acme & Co", "<b>x</b>", "{{ 7*7 }}", "None"]
)


@st.composite
def inputs(draw: st.DrawFn) -> dict[str, object]:
    metro = draw(st.sampled_from(METROS))
    work_model = draw(st.sampled_from(WORK_MODELS))
    if metro == "remote" and work_model not in (None, "remote"):
        work_model = "remote"  # a remote metro with an office work model is refused (tested elsewhere)
    context = draw(st.sampled_from(CONTEXTS))
    if context == "remote-hybrid" and work_model in ("onsite", None) and metro != "remote":
        work_model = draw(st.sampled_from(["remote", "hybrid"]))  # the context describes those only
    level = draw(st.sampled_from(LEVELS))
    company = None
    if draw(st.booleans()):
        company = {
            "name": draw(company_text),
            "about": draw(company_text),
            "culture": draw(company_text),
            "benefits": draw(st.lists(company_text, max_size=3)),
            "how_to_apply": draw(company_text),
        }
    return {
        "segment": draw(st.sampled_from(SEGMENTS)),
        "level": level,
        "industry": draw(st.sampled_from(INDUSTRIES)),
        "metro": metro,
        "work_model": work_model,
        "context": context,
        "pay": (110_000, 150_000) if not csm_roles.salary_bands(level) else None,
        "technical": draw(st.booleans()),
        "company": company,
        "date_posted": dt.date(2026, 11, 1),
    }


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs())
@example(  # text the user typed that looks like a placeholder, escaped by Markdown: "\[0\]"
    {
        "segment": "smb",
        "level": "entry",
        "industry": None,
        "metro": None,
        "work_model": None,
        "context": None,
        "pay": None,
        "technical": False,
        "company": {"name": "", "about": "", "culture": "", "benefits": [], "how_to_apply": "[0]"},
        "date_posted": dt.date(2026, 11, 1),
    }
)
def test_any_input_gives_a_valid_deterministic_jd(args: dict[str, object]) -> None:
    args = {**args, "draft": True}  # the place's pay-transparency laws: tests/test_pay_transparency.py
    jd = csm_roles.generate_jd(**args)  # type: ignore[arg-type]
    company = args["company"] or {}
    user_text = json.dumps(company, ensure_ascii=False)
    for fmt in ("markdown", "html", "text"):
        text = jd.render(fmt)
        assert text == csm_roles.generate_jd(**args).render(fmt)  # type: ignore[arg-type]
        check(
            jd,
            text,
            user_text=user_text if fmt != "html" else user_text + json.dumps(company).replace("<", "&lt;"),
        )
    parser = _Tags()
    parser.feed(jd.render("html"))
    assert parser.tags <= {"article", "h1", "h2", "h3", "p", "ul", "li", "dl", "dt", "dd", "small", "strong"}
    assert parser.attrs <= {"class"}
    posting = jd.to_jsonld()
    assert json.loads(json.dumps(posting)) == posting
    if jd.compensation.base is not None:
        assert posting["baseSalary"]["value"]["minValue"] == jd.compensation.base.low
    else:
        assert "baseSalary" not in posting


def _guide_shingles(shared: Path, n: int = 12) -> set[tuple[str, ...]]:
    sys.path.insert(0, str(shared / "tools"))
    try:
        import prose_check  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    found: set[tuple[str, ...]] = set()
    for guide in sorted((shared / "guides").glob("*.txt")):
        found |= prose_check.shingles(prose_check.words(guide.read_text(encoding="utf-8")), n)
    return found


def test_generated_text_is_in_our_own_words(shared: Path) -> None:
    sys.path.insert(0, str(shared / "tools"))
    try:
        import prose_check
    finally:
        sys.path.pop(0)
    guides = _guide_shingles(shared)
    for segment in SEGMENTS:
        for level in LEVELS:
            for industry in INDUSTRIES:
                jd = csm_roles.generate_jd(
                    segment,
                    level,
                    industry=industry,
                    technical=industry == "technology",
                    context="startup" if level == "entry" else "corporate",
                    work_model="remote",
                    pay=(110_000, 150_000) if not csm_roles.salary_bands(level) else None,
                    date_posted=dt.date(2026, 11, 1),
                    draft=True,
                )
                for text in (
                    jd.render("text"),
                    csm_roles.interview_kit(level, segment=segment).render("text"),
                ):
                    copied = prose_check.shingles(prose_check.words(text), 12) & guides
                    assert not copied, " ".join(next(iter(copied)))


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_markdown_and_text_are_not_html_escaped(fmt: str) -> None:
    jd = csm_roles.generate_jd(
        "smb", company={"name": "Smith & Sons <Ltd>"}, date_posted=dt.date(2026, 11, 1)
    )
    text = jd.render(fmt)
    assert "&amp;" not in text
    assert "&lt;" not in text
    if fmt == "markdown":
        assert "Smith & Sons \\<Ltd\\>" in text
    else:
        assert "Smith & Sons <Ltd>" in text


def test_markdown_stays_well_formed_with_hostile_strings() -> None:
    name = "Acme\n# Injected heading\n- injected bullet\n*bold* [link](http://x)"
    text = csm_roles.generate_jd("smb", company={"name": name}, date_posted=dt.date(2026, 11, 1)).render(
        "markdown"
    )
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert not any("Injected" in line and not line.startswith("## About") for line in headings)
    assert "\\[link\\]" in text
    assert "\\*bold\\*" in text


@given(
    st.text(alphabet=st.sampled_from("ab cd–$,.\n\t-"), max_size=400),
    st.sampled_from([("", None), ("    ", "  - "), ("    ", "")]),
)
@example("a" * 76, ("    ", ""))  # one word that fits the first line but not the indented ones
@example("a" * 76 + " b", ("    ", ""))
@example("a" * 79, ("", None))  # longer than a line: split
@example("ab " * 26, ("", None))  # 78 characters exactly, then one over
@example("ab " * 26 + "c", ("", None))
def test_fast_wrap_matches_textwrap(text: str, indents: tuple[str, str | None]) -> None:
    import textwrap

    from csm_roles._jinja import flat, text_wrap

    indent, first = indents
    # our wrap also folds runs of white space into one space, which textwrap keeps
    expected = textwrap.fill(
        " ".join(flat(text).split()),
        width=78,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )
    assert text_wrap(text, indent, first) == expected


@given(st.text(max_size=200))
def test_markdown_escape_is_reversible_and_leaves_no_markup(text: str) -> None:
    import re

    from csm_roles._jinja import flat, md_escape

    escaped = md_escape(text)
    assert "\n" not in escaped
    assert re.sub(r"\\(.)", r"\1", escaped) == flat(text)  # only backslashes were added
    # outside an escape pair, no character that starts Markdown markup is left
    assert not re.search(r"[`*_\[\]<>|~#]", re.sub(r"\\.", "", escaped))
