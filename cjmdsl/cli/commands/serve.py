"""`cjm serve FILE`: the HTML map in a browser, following every save.

The server listens on 127.0.0.1 only, on a free port unless --port says. `/` is a small
shell page: the map (`/map`, the HTML backend's page, untouched, in a frame) and, over it,
the diagnostics when the file has errors. The shell listens to `/events` (server-sent
events: the state's version) and reads `/state` when it changes; the frame reloads only
when a new good map is there, so an error never blanks the map. No front-end toolkit.

The server survives its clients: a connection that sends nothing waits in a selector (no
thread) and is closed after IDLE_SECONDS; at most MAX_HANDLERS requests and MAX_STREAMS
event streams are served at once (beyond, 503); every socket has a timeout; a client that
goes away is forgotten without a word; SIGINT and SIGTERM stop it within a second.
"""
from __future__ import annotations

import json
import selectors
import signal
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import click

from cjmdsl.backends.html import sha256_source
from cjmdsl.cli.commands.watch import Followed, Look, follow, look_for, watchfiles_or_exit
from cjmdsl.runtime.extras import install_hint

SERVE_HELP = f"""Serve a map's HTML page on 127.0.0.1 and reload it on every save.

\b
Examples:
  cjm serve shop.cjm                 prints http://127.0.0.1:PORT/ (a free port)
  cjm serve shop.cjm --port 8000 --theme dark

When the file has errors the page keeps the last good map and shows the
diagnostics over it. Ctrl-C stops. Needs the `live` extra: {install_hint("live")}.
"""

HEARTBEAT_SECONDS = 15
IDLE_SECONDS = 5         # a connection that sends no request in this time is closed
SOCKET_TIMEOUT = 10      # each read or write of a request being served
MAX_WAITING = 2000       # connections that have sent nothing yet (the oldest go first)
MAX_HANDLERS = 64        # requests served at once, event streams included
MAX_STREAMS = 16         # open event streams (a browser tab holds one)
POLL_SECONDS = 0.2       # how soon a stop is noticed


class Preview:
    """What the browser is shown: the last good page, the current problems, and a version
    that grows with every change (the shell page asks for news by it)."""

    def __init__(self, file: Path, look: Look):
        self.file = file
        self.look = look
        self.followed = Followed(file)  # the map and the libraries it uses
        self.version = 0
        self.map_version = 0
        self.page: bytes | None = None
        self.problems = ""
        self.changed = threading.Condition()
        self.closing = False

    def refresh(self) -> None:
        page, problems = self._render()
        with self.changed:
            if page is not None:
                self.page = page
                self.map_version += 1
            self.problems = problems
            self.version += 1
            self.changed.notify_all()

    def wait_newer(self, version: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != version or self.closing, timeout)
            return self.version

    def close(self) -> None:
        """Wake every event stream so that it ends."""
        with self.changed:
            self.closing = True
            self.changed.notify_all()

    def state(self) -> dict:
        with self.changed:
            return {"version": self.version, "map_version": self.map_version,
                    "problems": self.problems, "file": str(self.file)}

    def _render(self) -> tuple[bytes | None, str]:
        from cjmdsl.api import check, read_map_file
        from cjmdsl.backends import html
        from cjmdsl.language.diagnostics import format_all
        from cjmdsl.language.paths import PathRefused
        from cjmdsl.themes import ThemeError, theme_for

        try:
            text, problems = read_map_file(self.file, self.look.limits)
        except PathRefused as refused:
            return None, f"cannot read {self.file}: it {refused.rule}"
        except OSError as exc:
            return None, f"cannot read {self.file}: {exc.strerror or exc}"
        result = None
        if not problems:
            result = check(text, str(self.file), self.look.limits, self.file,
                           before=self.followed.checked, following=True)
        if result is not None:
            self.followed.libraries = frozenset(result.files)
            self.followed.checked = result
        diagnostics = problems or result.diagnostics
        shown = format_all([d for d in diagnostics if d.is_error], "" if problems else text,
                           str(self.file))
        if result is None or result.journey is None:
            return None, shown
        try:
            theme = theme_for(result.journey.theme, self.look.theme, self.look.project_theme,
                              self.look.dark_theme)
        except ThemeError as exc:
            return None, str(exc)
        return html.render(result.journey, theme).encode("utf-8"), ""


@click.command(help=SERVE_HELP)
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1; 0 picks a free one.")
@click.option("--theme", default=None, help="Theme name or .toml file (overrides the map's own).")
def serve(file: Path, port: int, theme: str | None) -> None:
    from cjmdsl.cli import EXIT_OK, fail_usage, say

    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    watchfiles = watchfiles_or_exit()
    preview = Preview(file, look_for(file, theme))
    preview.refresh()
    try:
        server = PreviewServer(("127.0.0.1", port), preview)
    except OSError as exc:
        fail_usage(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}")
    watcher = threading.Thread(target=_follow, args=(watchfiles, preview, stop), daemon=True)
    watcher.start()
    say(f"cjm: serving {file} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)",
        err=False)
    sys.stdout.flush()
    try:
        server.serve_until(stop)
    finally:
        stop.set()
        preview.close()
        server.server_close()
    click.echo("cjm: stopped serving", err=True)
    sys.exit(EXIT_OK)


def _follow(watchfiles, preview: Preview, stop: threading.Event) -> None:
    follow(watchfiles, preview.followed, preview.refresh, stop_event=stop,
           raise_interrupt=False)


class PreviewServer(HTTPServer):
    """One selector holds the listening socket and every connection that has sent nothing
    yet; a connection gets a (daemon) thread only once its request starts to arrive."""

    request_queue_size = 128

    def __init__(self, address, preview: Preview):
        self.preview = preview
        self.waiting: dict[socket.socket, float] = {}  # connection -> when it was accepted
        self.handlers = threading.BoundedSemaphore(MAX_HANDLERS)
        self.streams = threading.BoundedSemaphore(MAX_STREAMS)
        super().__init__(address, PreviewHandler)

    def serve_until(self, stop: threading.Event) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            while not stop.is_set():
                for key, _ in selector.select(POLL_SECONDS):
                    if key.fileobj is self.socket:
                        self._accept(selector)
                    else:
                        selector.unregister(key.fileobj)
                        del self.waiting[key.fileobj]
                        self._serve(key.fileobj)
                self._close_idle(selector)
            for connection in list(self.waiting):
                selector.unregister(connection)
                self._drop(connection)

    def _accept(self, selector: selectors.BaseSelector) -> None:
        try:
            connection, _ = self.socket.accept()
        except OSError:
            return
        if len(self.waiting) >= MAX_WAITING:
            oldest = min(self.waiting, key=self.waiting.__getitem__)
            selector.unregister(oldest)
            self._drop(oldest)
        self.waiting[connection] = time.monotonic()
        selector.register(connection, selectors.EVENT_READ)

    def _close_idle(self, selector: selectors.BaseSelector) -> None:
        too_old = time.monotonic() - IDLE_SECONDS
        for connection in [c for c, since in self.waiting.items() if since < too_old]:
            selector.unregister(connection)
            del self.waiting[connection]
            self._drop(connection)

    def _serve(self, connection: socket.socket) -> None:
        connection.settimeout(SOCKET_TIMEOUT)
        if not self.handlers.acquire(blocking=False):
            _refuse(connection)
            return
        threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        try:
            self.finish_request(connection, connection.getpeername())
        except OSError:
            pass  # the client went away or stopped reading: nothing to tell anyone
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback in the terminal
            from cjmdsl.words.escape import terminal_text

            print(terminal_text(f"cjm: serve: {type(exc).__name__}: {exc}"), file=sys.stderr,
                  flush=True)
        finally:
            self.handlers.release()
            self._drop(connection)

    @staticmethod
    def _drop(connection: socket.socket) -> None:
        try:
            connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        connection.close()


def _refuse(connection: socket.socket) -> None:
    """503 without reading the request: the server is as busy as it agrees to be."""
    body = b"cjm serve is busy: too many connections\n"
    try:
        connection.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                           b"Content-Length: %d\r\nRetry-After: 1\r\n\r\n%s" % (len(body), body))
    except OSError:
        pass
    PreviewServer._drop(connection)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if not self._host_is_ours():
            self._send(HTTPStatus.FORBIDDEN, b"cjm serve answers only to 127.0.0.1\n", "text/plain")
            return
        path = self.path.split("?", 1)[0]
        preview = self.server.preview
        if path == "/":
            self._send(HTTPStatus.OK, SHELL.encode("utf-8"), "text/html", SHELL_POLICY)
        elif path == "/map":
            self._send(HTTPStatus.OK, preview.page or NO_MAP_YET, "text/html")
        elif path == "/state":
            self._send(HTTPStatus.OK, json.dumps(preview.state()).encode("utf-8"),
                       "application/json")
        elif path == "/events":
            if not self.server.streams.acquire(blocking=False):
                self._send(HTTPStatus.SERVICE_UNAVAILABLE,
                           b"cjm serve is busy: too many event streams\n", "text/plain")
                return
            try:
                self._stream(preview)
            finally:
                self.server.streams.release()
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def _stream(self, preview: Preview) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        version = preview.state()["version"]
        message = f"data: {version}\n\n"
        while not preview.closing:
            self.wfile.write(message.encode("ascii"))
            self.wfile.flush()
            newer = preview.wait_newer(version, HEARTBEAT_SECONDS)
            message = f"data: {newer}\n\n" if newer != version else ": still here\n\n"
            version = newer

    def _host_is_ours(self) -> bool:
        """Refuse other Host names, so a web page cannot reach the map by DNS rebinding."""
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"127.0.0.1:{port}", f"localhost:{port}")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str,
              policy: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if policy:
            self.send_header("Content-Security-Policy", policy)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
        """Quiet: a request per keystroke is noise in the terminal."""


# ── the shell page ───────────────────────────────────────────────────────────
SHELL_STYLE = """
html, body { margin: 0; height: 100%; font: 14px/1.4 "Liberation Sans", Arial, sans-serif; }
#map { border: 0; width: 100%; height: 100%; display: block; }
#problems { position: fixed; top: 0; left: 0; right: 0; max-height: 45vh; overflow: auto;
  margin: 0; padding: 12px 16px; background: #fff1f2ee; color: #7f1d1d;
  border-bottom: 3px solid #dc2626; font: 13px/1.45 "Liberation Mono", monospace;
  white-space: pre-wrap; box-shadow: 0 4px 16px #0003; }
#problems[hidden] { display: none; }
"""
SHELL_SCRIPT = """
const frame = document.getElementById("map");
const problems = document.getElementById("problems");
let shown = null;
async function update() {
  const state = await (await fetch("/state", {cache: "no-store"})).json();
  problems.textContent = state.problems;
  problems.hidden = !state.problems;
  if (state.map_version !== shown) {
    const view = frame.contentWindow;
    const x = view ? view.scrollX : 0, y = view ? view.scrollY : 0;
    frame.addEventListener("load", () => {
      frame.contentWindow.scrollTo(x, y);
      document.title = (frame.contentDocument.title || "map") + " · cjm serve";
      document.body.dataset.mapVersion = String(state.map_version);
    }, {once: true});
    frame.src = "/map?v=" + state.map_version;
    shown = state.map_version;
  }
  document.body.dataset.version = String(state.version);
}
new EventSource("/events").onmessage = update;
"""
SHELL = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cjm serve</title>
<style>{SHELL_STYLE}</style>
</head>
<body>
<pre id="problems" role="alert" hidden></pre>
<iframe id="map" title="The journey map"></iframe>
<script>{SHELL_SCRIPT}</script>
</body>
</html>
"""


SHELL_POLICY = (f"default-src 'none'; style-src {sha256_source(SHELL_STYLE)}; "
                f"script-src {sha256_source(SHELL_SCRIPT)}; connect-src 'self'; "
                "frame-src 'self'; "
                "base-uri 'none'; form-action 'none'")
NO_MAP_YET = (b"<!DOCTYPE html><meta charset='utf-8'><title>No map yet</title>"
              b"<p style='font-family:sans-serif;margin:80px 16px'>No map yet: the file has "
              b"errors (shown above). The map appears as soon as it compiles.</p>")
