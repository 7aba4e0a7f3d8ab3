"""Golden files: the exact output for a few representative JDs and kits.

A change in output must be deliberate: regenerate with
`CSM_ROLES_UPDATE_GOLDEN=1 pytest tests/test_golden.py`, then read the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

import csm_roles
from csm_roles._jsonld import dumps

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("CSM_ROLES_UPDATE_GOLDEN") == "1"
DAY = dt.date(2026, 11, 1)

JDS: dict[str, dict[str, Any]] = {
    "enterprise-senior-sf-healthcare": {
        "segment": "enterprise",
        "level": "senior",
        "location": "Hybrid - San Francisco, CA (3 days in office)",
        "industry": "healthcare",
        "context": "corporate",
        "company": {
            "name": "Northwind Health",
            "about": "Northwind Health builds scheduling software for clinics.",
            "benefits": ["Health, dental and vision cover", "A learning budget"],
            "url": "https://northwind.example",
        },
    },
    "smb-entry-remote-startup": {
        "segment": "smb",
        "level": "entry",
        "metro": "remote",
        "context": "startup",
        "draft": True,  # no company yet: what the laws of remote postings ask is left as warnings
    },
    "midmarket-mid-nyc-technical": {
        "segment": "mid-market",
        "level": "mid",
        "metro": "NYC",
        "technical": True,
        "industry": "technology",
        "valid_through": "2026-12-31",
    },
    "midmarket-team-lead-london": {
        "segment": "mid-market",
        "level": "team-lead",
        "location": "London, United Kingdom",
        "pay": (65_000, 80_000),
        "currency": "GBP",
        "company": {"name": "Ledger Ltd", "how_to_apply": "Send your CV to jobs@ledger.example."},
    },
    "enterprise-director-own-pay": {
        "segment": "enterprise",
        "level": "director",
        "pay": (170_000, 210_000),
        "company": {"name": "Acme & Co"},
    },
}
FORMATS = {"markdown": "md", "html": "html", "text": "txt"}


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    if not path.exists():
        pytest.fail(f"no golden file {path}; create it with CSM_ROLES_UPDATE_GOLDEN=1")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} changed; if deliberate, regenerate the golden files"
    )


@pytest.mark.parametrize("case", JDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_jd_golden(case: str, fmt: str) -> None:
    jd = csm_roles.generate_jd(date_posted=DAY, **JDS[case])
    _compare(f"{case}.{FORMATS[fmt]}", jd.render(fmt))


@pytest.mark.parametrize("case", JDS)
def test_jsonld_golden(case: str) -> None:
    jd = csm_roles.generate_jd(date_posted=DAY, **JDS[case])
    _compare(f"{case}.jsonld", dumps(jd.to_jsonld()) + "\n")


KITS: dict[str, dict[str, Any]] = {
    "interview-senior-enterprise-healthcare": {
        "level": "senior",
        "segment": "enterprise",
        "industry": "healthcare",
    },
    "interview-manager-smb": {"level": "manager", "segment": "smb"},
    "interview-team-lead-midmarket-technical": {
        "level": "team-lead",
        "segment": "mid-market",
        "technical": True,
    },
}


@pytest.mark.parametrize("case", KITS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_interview_kit_golden(case: str, fmt: str) -> None:
    kit = csm_roles.interview_kit(**KITS[case])
    _compare(f"{case}.{FORMATS[fmt]}", kit.render(fmt))


def test_interview_kit_json_golden() -> None:
    kit = csm_roles.interview_kit("director", segment="enterprise", industry="financial-services")
    _compare("interview-director-enterprise-finance.json", kit.to_json() + "\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_profile_posting_golden(fmt: str) -> None:
    """The example profile in the docs, as a hiring manager would publish it."""
    examples = Path(__file__).resolve().parents[1] / "docs" / "examples"
    company = csm_roles.load_company(examples / "company.yaml")
    jd = csm_roles.generate_jd("mid-market", company=company, date_posted=DAY)
    _compare(f"profile-northwind-midmarket.{FORMATS[fmt]}", jd.render(fmt))
    if fmt == "markdown":
        _compare("profile-northwind-midmarket.jsonld", dumps(jd.to_jsonld()) + "\n")
