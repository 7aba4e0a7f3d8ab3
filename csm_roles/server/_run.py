"""Running the server somewhere other than ``csm-roles serve``: a background thread or a child process.

The test suite and ``benchmarks/bench_server.py`` use these; so can a program that
embeds the server. Both bind a free port on the loopback interface and return only
once the server answers.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["ServerProcess", "ServerThread", "free_port"]

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on at the moment of asking."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
    return port


def _wait_until_up(url: str, deadline: float, alive: threading.Event | None = None) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            if alive is not None and not alive.is_set():
                break
            time.sleep(0.05)
    raise RuntimeError(f"the server at {url} did not answer in time")


class ServerThread:
    """The app served by uvicorn in a daemon thread of this process, on a socket bound here.

    ``with ServerThread(create_app()) as url:`` gives the base URL, such as
    ``http://127.0.0.1:43121``; the server stops when the block ends.
    """

    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((LOOPBACK, 0))
        port = self._socket.getsockname()[1]
        self.url = f"http://{LOOPBACK}:{port}"
        config = uvicorn.Config(app, log_level="warning", server_header=False, timeout_graceful_shutdown=5)
        self._server = uvicorn.Server(config)
        self._alive = threading.Event()
        self._thread = threading.Thread(target=self._run, name="csm-roles server", daemon=True)

    def _run(self) -> None:
        self._alive.set()
        try:
            self._server.run(sockets=[self._socket])
        finally:
            self._alive.clear()

    def __enter__(self) -> str:
        self._thread.start()
        _wait_until_up(self.url, time.monotonic() + 30, self._alive)
        return self.url

    def __exit__(self, *_exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()


class ServerProcess:
    """``python -m csm_roles serve`` in a child process on a free loopback port."""

    def __init__(self, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self._args = [sys.executable, "-m", "csm_roles", *extra, "serve", "--port", str(self.port)]
        self._process: subprocess.Popen[bytes] | None = None
        # a file, not a pipe: a server that logs much while nobody reads would block on a full pipe
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__
        self.stderr = ""

    def __enter__(self) -> str:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self._process = subprocess.Popen(self._args, stdout=subprocess.DEVNULL, stderr=self._log, env=env)
        try:
            _wait_until_up(self.url, time.monotonic() + 60)
        except RuntimeError:
            self._stop()
            raise
        return self.url

    def _stop(self) -> str:
        process = self._process
        if process is None:
            return ""
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._log.seek(0)
        text = self._log.read().decode("utf-8", errors="replace")
        self._log.close()
        return text

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stderr = self._stop()
