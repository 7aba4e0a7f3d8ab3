"""Users' templates are contained: nothing shared can change, and no render runs unbounded."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

import csm_roles
from csm_roles._limits import MAX_TEMPLATE_SECONDS

DAY = dt.date(2026, 11, 1)


def _render(tmp_path: Path, body: str, fmt: str = "text") -> str:
    folder = tmp_path / "templates"
    (folder / "jd").mkdir(parents=True, exist_ok=True)
    (folder / "jd" / f"{fmt}.j2").write_text(body, encoding="utf-8")
    return csm_roles.generate_jd("smb", "mid", date_posted=DAY).render(fmt, template_dir=folder)


@pytest.mark.parametrize(
    "body",
    [
        "{{ jd.model_config.update({'frozen': False}) }}",
        "{{ jd.model_config }}",
        "{{ jd.company.model_fields.clear() }}",
        "{{ jd.sources[0].model_fields_set.clear() }}",
        "{{ jd.model_copy(update={'title': 'x'}) }}",
        "{{ jd.__class__ }}",
        "{% set d = {'a': 1} %}{% for k in d %}{{ d.update({'b': 2}) }}{% endfor %}",
        "{{ jd.responsibilities.__len__() }}",
        "{% set l = [1] %}{{ l.append(2) }}",
    ],
)
def test_nothing_shared_can_be_changed_from_a_template(tmp_path: Path, body: str) -> None:
    fields = len(csm_roles.Company.model_fields)
    with pytest.raises(csm_roles.TemplateError, match="sandbox"):
        _render(tmp_path, body)
    assert csm_roles.JobDescription.model_config.get("frozen") is True
    assert len(csm_roles.Company.model_fields) == fields
    assert (
        csm_roles.generate_jd("smb", "mid", date_posted=DAY)
        .render("text")
        .startswith("Customer Success Manager")
    )


def test_what_our_templates_need_stays_reachable(tmp_path: Path) -> None:
    out = _render(
        tmp_path,
        "{{ jd.title }}|{{ jd.compensation.base }}|{{ jd.compensation.lines | length }}|"
        "{{ jd.facts[0][1] }}|{{ jd.sources[0].label }}|"
        "{{ jd.success_metrics | map(attribute='line') | first }}",
    )
    assert out.startswith("Customer Success Manager (SMB)|$80,000–$120,000|")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{{ lipsum(5) }}", "undefined"),
        ("{{ ((9**64)**64)**64 }}", "too large"),
        ("{{ 'x'|center(10**9) }}", "numbers above 100,000"),
        ("{{ '{:>1000000000}'.format('x') }}", "format widths"),
        ("{{ '%1000000000s' % 'x' }}", "format widths"),
        ("{{ 'x\ny'|indent(10**9) }}", "numbers above 100,000"),
        ("{{ 'x'.ljust(10**9) }}", "numbers above 100,000"),
        ("{{ 'x' * 10**7 }}", "too large"),
        ("{{ range(10**7) | list | length }}", "numbers above 100,000"),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "a string longer than the limit",
        ),
        ("{% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}", "output is longer than the limit"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"),
    ],
)
def test_unbounded_work_is_refused_quickly(tmp_path: Path, body: str, words: str) -> None:
    start = time.perf_counter()
    with pytest.raises(csm_roles.TemplateError, match=words):
        _render(tmp_path, body)
    assert time.perf_counter() - start < MAX_TEMPLATE_SECONDS


def test_a_render_that_runs_too_long_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    start = time.perf_counter()
    with pytest.raises(csm_roles.TemplateError, match="longer than the limit of 5 seconds"):
        _render(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert time.perf_counter() - start < MAX_TEMPLATE_SECONDS + 3


def test_a_link_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret", encoding="utf-8")
    folder = tmp_path / "templates"
    (folder / "jd").mkdir(parents=True)
    os.symlink(tmp_path, folder / "up")
    (folder / "jd" / "text.j2").write_text("{% include 'up/secret.txt' %}", encoding="utf-8")
    with pytest.raises(csm_roles.TemplateError, match="not found"):
        csm_roles.generate_jd("smb", "mid").render("text", template_dir=folder)


def test_an_edited_template_is_read_again(tmp_path: Path) -> None:
    assert _render(tmp_path, "first {{ jd.level }}") == "first mid\n"
    path = tmp_path / "templates" / "jd" / "text.j2"
    path.write_text("second {{ jd.level }}", encoding="utf-8")
    stamp = path.stat().st_mtime + 2  # an edit within the file system's time resolution still counts
    os.utime(path, (stamp, stamp))
    assert (
        csm_roles.generate_jd("smb", "mid").render("text", template_dir=path.parent.parent) == "second mid\n"
    )


def test_environments_for_user_folders_are_bounded(tmp_path: Path) -> None:
    from csm_roles import _render

    for index in range(_render.USER_ENVIRONMENTS + 5):
        folder = tmp_path / f"t{index}"
        (folder / "jd").mkdir(parents=True)
        (folder / "jd" / "text.j2").write_text(str(index), encoding="utf-8")
        assert csm_roles.generate_jd("smb", "mid").render("text", template_dir=folder) == f"{index}\n"
    assert len(_render._user) <= _render.USER_ENVIRONMENTS
