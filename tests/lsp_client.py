"""A tiny LSP client for the tests and bench/lsp.py: `cjm lsp` as a real subprocess over
stdio, JSON-RPC with Content-Length framing, nothing borrowed from pygls."""
from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path


class LspError(Exception):
    def __init__(self, error: dict):
        super().__init__(error.get("message", ""))
        self.error = error


class LspClient:
    def __init__(self, command=("cjm", "lsp"), env: dict | None = None):
        self.process = subprocess.Popen(list(command), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env=env)
        self.next_id = 0
        self.responses: dict[int, dict] = {}
        self.notifications: list[dict] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # ── framing ──────────────────────────────────────────────────────────────
    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send_raw(self, data: bytes) -> None:
        """Bytes as they are, framing and all (for the tests of malformed frames)."""
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # a request from the server
                self._send({"id": message["id"], "result": None})
                continue
            with self.changed:
                if "method" not in message:  # a response (its id is null if ours was unreadable)
                    self.responses[message.get("id")] = message
                else:
                    self.notifications.append(message)
                self.changed.notify_all()

    # ── messages ─────────────────────────────────────────────────────────────
    def request(self, method: str, params=None, timeout: float = 20):
        self.next_id += 1
        number = self.next_id
        self._send({"id": number, "method": method, "params": params})
        with self.changed:
            if not self.changed.wait_for(lambda: number in self.responses, timeout):
                raise TimeoutError(f"no answer to {method} in {timeout} s")
            answer = self.responses.pop(number)
        if "error" in answer:
            raise LspError(answer["error"])
        return answer.get("result")

    def notify(self, method: str, params) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, test=lambda params: True, timeout: float = 20) -> dict:
        """The first notification `method` whose params pass `test`, removed from the list."""
        def find():
            return next((n for n in self.notifications
                         if n["method"] == method and test(n["params"])), None)

        with self.changed:
            if not self.changed.wait_for(lambda: find() is not None, timeout):
                raise TimeoutError(f"no {method} in {timeout} s")
            found = find()
            self.notifications.remove(found)
            return found["params"]

    def diagnostics(self, uri: str, version: int, timeout: float = 20) -> list[dict]:
        return self.wait_for("textDocument/publishDiagnostics",
                             lambda p: p["uri"] == uri and p.get("version") == version,
                             timeout)["diagnostics"]

    # ── a session ────────────────────────────────────────────────────────────
    def initialize(self, root: Path) -> dict:
        result = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(),
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                "rename": {"prepareSupport": True}}}})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cjm", "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        """Replace the whole text (a full-document change, which every server accepts)."""
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})

    def close(self, timeout: float = 10) -> int:
        try:
            self.request("shutdown", None, timeout)
            self.notify("exit", None)
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()

    def stderr(self) -> str:
        return self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""


def position(text: str, needle: str, offset: int = 0, occurrence: int = 0) -> dict:
    """The LSP position of `needle` (its `occurrence`-th appearance) plus `offset` characters;
    the tests' texts are ASCII, so characters are UTF-16 units."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    return {"line": line, "character": index - (text.rfind("\n", 0, index) + 1)}


def wait_until(test, timeout: float, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        time.sleep(step)
    return test()
