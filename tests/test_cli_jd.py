"""`csm-roles jd` and `csm-roles interview`: every format, files, errors."""

from __future__ import annotations

import html.parser
import json
from pathlib import Path

import pytest

from conftest import run_cli


def test_quick_start_command_generates_an_enterprise_jd() -> None:
    result = run_cli("jd", "--segment", "enterprise")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Senior Customer Success Manager (Enterprise)")
    assert "5–20 enterprise accounts" in result.stdout
    assert "$120,000–$160,000" in result.stdout  # augtal-2026 pairs enterprise with the senior band
    assert "csm-roles: note: No company name" in result.stderr  # what to settle before publishing
    assert run_cli("jd", "--segment", "enterprise", "--quiet").stderr == ""


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "jsonld", "json"])
def test_every_format(fmt: str) -> None:
    result = run_cli(
        "jd",
        "--segment",
        "mid-market",
        "--level",
        "senior",
        "--metro",
        "NYC",
        "--date",
        "2026-11-01",
        "--format",
        fmt,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if fmt == "markdown":
        assert out.startswith("# Senior Customer Success Manager (Mid-market)")
    elif fmt == "html":
        parser = html.parser.HTMLParser()
        parser.feed(out)
        assert out.startswith('<article class="csm-job">')
        assert out.rstrip().endswith("</article>")
    elif fmt == "text":
        assert out.splitlines()[1].startswith("=====")
    elif fmt == "jsonld":
        posting = json.loads(out)
        assert posting["@type"] == "JobPosting"
        assert posting["datePosted"] == "2026-11-01"
        assert posting["jobLocation"]["address"]["addressLocality"] == "New York"
    else:
        data = json.loads(out)
        assert data["portfolio"]["segment"] == "mid-market"
        assert data["compensation"]["derived"] is True


def test_all_options_and_output_file(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text(
        "name: Northwind\nabout: Northwind makes warehouse tools.\nbenefits:\n  - Four weeks of leave\n"
        "how_to_apply: Write to jobs@northwind.example.\nother_compensation: A yearly bonus of up to 5%.\n",
        encoding="utf-8",
    )
    out = tmp_path / "jd.md"
    result = run_cli(
        "jd",
        "--segment",
        "smb",
        "--level",
        "entry",
        "--industry",
        "education",
        "--metro",
        "denver",
        "--work-model",
        "hybrid",
        "--context",
        "startup",
        "--technical",
        "--profile",
        str(company),
        "--pay",
        "60k-75k",
        "--employees",
        "40",
        "--title",
        "CSM, Schools",
        "--date",
        "2026-11-01",
        "--valid-through",
        "2026-12-01",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    for part in (
        "# CSM, Schools",
        "Northwind is hiring",
        "Four weeks of leave",
        "$60,000–$75,000",
        "Title IX",
        "API integrations",
        "Hybrid, Denver, CO",
        "jobs@northwind.example",
        "Other pay: A yearly bonus of up to 5%.",  # Colorado asks for other pay
        "good-faith estimate",
        "December 1, 2026",  # and the closing date
    ):
        assert part in text


def test_company_name_overrides_the_file(tmp_path: Path) -> None:
    company = tmp_path / "company.yaml"
    company.write_text("name: From File\n", encoding="utf-8")
    result = run_cli("jd", "--segment", "smb", "--company-file", str(company), "--company-name", "From Flag")
    assert "From Flag is hiring" in result.stdout


def test_unknown_values_exit_2_with_did_you_mean() -> None:
    for args, hint in (
        (("--segment", "enterprize"), "did you mean 'enterprise'?"),
        (("--segment", "smb", "--level", "seniour"), "did you mean 'senior'?"),
        (("--segment", "smb", "--industry", "helthcare"), "did you mean 'healthcare'?"),
        (("--segment", "smb", "--metro", "Bay Aera"), "did you mean 'sf-bay-area'?"),
        (("--segment", "smb", "--work-model", "hybird"), "did you mean 'hybrid'?"),
    ):
        result = run_cli("jd", *args)
        assert result.returncode == 2, args
        assert hint in result.stderr
        assert result.stdout == ""


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run_cli("jd").returncode == 2  # --segment is required
    assert run_cli("jd", "--segment", "smb", "--format", "pdf").returncode == 2
    assert run_cli("jd", "--segment", "smb", "--pay", "lots").returncode == 2
    reversed_pay = run_cli("jd", "--segment", "smb", "--pay", "110k-90k")
    assert reversed_pay.returncode == 2
    assert "above the high end" in reversed_pay.stderr
    missing = run_cli("jd", "--segment", "smb", "--company-file", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2
    assert "no such file" in missing.stderr


def test_template_dir_and_refused_injection(tmp_path: Path) -> None:
    (tmp_path / "jd").mkdir()
    (tmp_path / "jd" / "text.j2").write_text("{{ jd.title }}\n", encoding="utf-8")
    ok = run_cli("jd", "--segment", "smb", "--format", "text", "--template-dir", str(tmp_path))
    assert ok.stdout == "Associate Customer Success Manager (SMB)\n"
    (tmp_path / "jd" / "text.j2").write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    refused = run_cli("jd", "--segment", "smb", "--format", "text", "--template-dir", str(tmp_path))
    assert refused.returncode == 2
    assert "sandbox" in refused.stderr


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "json"])
def test_interview_every_format(fmt: str) -> None:
    result = run_cli("interview", "--level", "senior", "--segment", "enterprise", "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        kit = json.loads(result.stdout)
        assert len(kit["questions"]) == 17
        assert len(kit["red_flags"]) == 6
    else:
        assert "Red flags" in result.stdout
        assert "LinkedIn Recruiter" in result.stdout


def test_interview_unknown_level() -> None:
    result = run_cli("interview", "--level", "vp")
    assert result.returncode == 2
    assert "Valid level keys" in result.stderr


def test_an_output_file_in_a_missing_folder_is_bad_usage(tmp_path: Path) -> None:
    result = run_cli("jd", "--segment", "smb", "-o", str(tmp_path / "missing" / "x.md"))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"csm-roles: error: cannot write {tmp_path / 'missing' / 'x.md'}: No such file or directory\n"
    )
