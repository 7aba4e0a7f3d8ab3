"""The wheel carries data and templates and works installed in a fresh venv, outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # builds and installs the wheel: run by CI, skipped with -m "not slow"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (found,) = out.glob("csm_roles-*.whl")
    return found


def test_wheel_contains_data_templates_and_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "csm_roles/data/benchmarks.yaml" in names
    assert "csm_roles/py.typed" in names
    assert "csm_roles/templates/jd/layout.j2" in names
    assert "csm_roles/templates/partials/html.j2" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_works_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = str(bindir / "python")
    cli = str(bindir / "csm-roles")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """A command in the fresh venv, from outside the checkout."""
        return subprocess.run(
            args, input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path, check=False
        )

    installed = run(python, "-m", "pip", "install", "--quiet", str(wheel))
    assert installed.returncode == 0, installed.stderr
    lookup = run(
        python,
        "-c",
        "import csm_roles, pathlib; b = csm_roles.salary_band('senior');"
        "print(b.base, b.source); print(pathlib.Path(csm_roles.__file__).parent)",
    )
    assert lookup.returncode == 0, lookup.stderr
    fast = run(
        python,
        "-c",
        "import csm_roles, csm_roles._loader as L, csm_roles._packaged as P\n"
        "from importlib import resources\n"
        "assert resources.files('csm_roles').joinpath('data', 'benchmarks.json').is_file()\n"
        "text = P.package_file('data', 'benchmarks.yaml').read_text(encoding='utf-8')\n"
        "assert P.load_packaged(text) == L.load_trusted_yaml(text)\n"
        "assert csm_roles.default_benchmarks().data == L.dataset_from_text(text)\n",
    )
    lean = run(
        python,
        "-c",
        "import sys, csm_roles; csm_roles.salary_band('senior', metro='NYC')\n"
        "print(sorted({'yaml', 'jinja2', 'importlib.resources'} & set(sys.modules)))",
    )
    assert lean.stdout.strip() == "[]", lean.stderr  # a look-up needs neither PyYAML nor Jinja
    precompiled = run(
        python,
        "-c",
        "import jinja2; from csm_roles import _render\n"
        "builtin = _render.environment('markdown').loader.loaders[0]\n"
        "print(type(builtin.loaders[0]).__name__)",
    )
    assert precompiled.stdout.strip() == "ModuleLoader", precompiled.stderr  # the wheel's templates are fresh
    assert fast.returncode == 0, fast.stderr  # the wheel's pre-parsed data matches its YAML
    first, where = lookup.stdout.splitlines()
    assert first == "$120,000–$160,000 augtal-2026"
    assert str(ROOT) not in where
    salary = run(cli, "salary", "senior")
    assert salary.returncode == 0, salary.stderr
    assert "$120,000–$160,000" in salary.stdout
    jd = run(cli, "jd", "--segment", "enterprise", "--format", "html")
    assert jd.returncode == 0, jd.stderr
    assert jd.stdout.startswith('<article class="csm-job">')
    assert "5–20 enterprise accounts" in jd.stdout
    lint = run(cli, "lint", "-", "--fail-on", "warning", stdin=jd.stdout)
    assert lint.returncode == 0, lint.stdout + lint.stderr  # our own output lints clean
    bad = run(cli, "lint", "-", stdin="A rockstar ninja. Competitive salary.")
    assert bad.returncode == 1
    assert "<stdin>:1:1: error missing-pay" in bad.stdout
    chart = run(cli, "chart", "--by", "metro", "-o", str(tmp_path / "bands.svg"))
    assert chart.returncode == 0, chart.stderr
    assert (tmp_path / "bands.svg").read_text(encoding="utf-8").startswith("<svg")
    version = run(python, "-c", "import csm_roles; print(csm_roles.__version__)")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() != "0+unknown"


def test_sdist_rebuilds_the_same_wheel(wheel: Path, tmp_path: Path) -> None:
    """python -m build: the wheel built from the sdist holds the same files, byte for byte."""
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (sdist,) = out.glob("csm_roles-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        assert any(name.endswith("/data/benchmarks.yaml") for name in names)
        assert any(name.endswith("/templates/jd/layout.j2") for name in names)
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12+, 3.11.4+
            archive.extractall(tmp_path / "unpacked", filter="data")
        else:  # pragma: no cover - our own sdist, just built
            archive.extractall(tmp_path / "unpacked")
    (source,) = (tmp_path / "unpacked").iterdir()
    rebuilt_dir = tmp_path / "rebuilt"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(rebuilt_dir), str(source)],
        check=True,
        capture_output=True,
        text=True,
    )
    (rebuilt,) = rebuilt_dir.glob("csm_roles-*.whl")

    def contents(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist() if not name.endswith("RECORD")}

    assert contents(rebuilt) == contents(wheel)
