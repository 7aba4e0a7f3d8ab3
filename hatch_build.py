"""Wheel build hook: ship the slow-to-prepare built-ins ready to use.

* ``csm_roles/data/benchmarks.json``: the packaged dataset pre-parsed. Parsing the
  YAML costs about 20 ms at start-up; JSON under 1 ms. The JSON carries the SHA-256
  of the YAML text it came from, and csm-roles uses it only while that still
  matches (see csm_roles/_packaged.py), so the YAML stays the one source of truth.
* ``csm_roles/templates_compiled/``: the built-in Jinja templates compiled to
  Python modules (pip byte-compiles them on install). Compiling the templates costs
  about 20 ms at the first render; they are used only while their manifest matches
  the installed Jinja and every template's bytes (see csm_roles/_jinja.py).

Editable installs get neither and read the sources.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        self._folder = tempfile.mkdtemp(prefix="csm-roles-build-")
        build_data["force_include"][str(self._pre_parsed_data(root))] = "csm_roles/data/benchmarks.json"
        compiled = Path(self._folder) / "templates_compiled"
        jinja_setup = _module_from(root / "csm_roles" / "_jinja.py")
        jinja_setup.compile_builtins(root / "templates", compiled)
        build_data["force_include"][str(compiled)] = f"csm_roles/{jinja_setup.COMPILED_FOLDER}"

    def _pre_parsed_data(self, root: Path) -> Path:
        import yaml

        text = (root / "data" / "benchmarks.yaml").read_text(encoding="utf-8")
        payload = {
            "source_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "data": yaml.safe_load(text),
        }
        target = Path(self._folder) / "benchmarks.json"
        target.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return target

    def finalize(self, _version: str, _build_data: dict[str, Any], _artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def _module_from(path: Path) -> Any:
    """Load one module of the source tree by its path (the package itself is not installed yet)."""
    spec = importlib.util.spec_from_file_location(f"_csm_roles_build_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path} to precompile the templates")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
