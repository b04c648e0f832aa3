"""The pygls wiring of `cjm lsp`: LSP messages in, answers from `analysis` out.

Positions: the model counts 1-based lines and columns in characters; LSP counts from 0,
in the units the client chose (UTF-16 unless it asked otherwise). `_position` and
`_range` convert through the document's own codec, so a name after an emoji still lines
up.

Analysis runs on one worker thread, never on the loop that reads messages: an edit of a map
whose analysis takes longer than QUICK_ANALYSIS waits ANALYSIS_DELAY of quiet (a burst of
keystrokes is analysed once, at its last version), a quicker map's is analysed at once; edits
that come while an analysis runs are analysed together when it ends, and only the analysis
of the current text is published. Hover and completion wait at most
FRESH_WAIT for the current analysis (not at all when the newest took longer), then answer
from the newest one finished, so they stay quick while a large map is analysed: hover looks
up the line under the cursor in its indexes (no card when that line was edited since),
completion parses only the statement at the cursor. The other requests wait for the
current analysis.

Frames are read by `read_frames` (not pygls' reader): a header that is not
`Content-Length: N` with 0 < N <= MAX_FRAME, or a stream that ends inside a body, stops
the server with one line on stderr and exit 1 (the editor starts it again: after a bad
frame the stream cannot be trusted). A body that is not JSON gets -32700, params that do
not fit the method's schema -32602.
"""
from __future__ import annotations

import asyncio
import gc
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from functools import lru_cache
from typing import BinaryIO, Iterator
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.exceptions import (JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest,
                              JsonRpcParseError)
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from cjmdsl import __version__
from cjmdsl import model as m
from cjmdsl.language.diagnostics import Diagnostic, shown
from cjmdsl.language.limits import DEFAULT_LIMITS
from cjmdsl.integrations.lsp.analysis import (ID, Analysis, Occurrence, analyze,
                                              library_definition, linked_map_at, lines_of,
                                              suggestion, used_library_at)
from cjmdsl.integrations.lsp.completion import complete
from cjmdsl.integrations.lsp.hover import hover_text

_COMPLETION_KINDS = {"keyword": lsp.CompletionItemKind.Keyword,
                     "persona": lsp.CompletionItemKind.Variable,
                     "touchpoint": lsp.CompletionItemKind.Reference,
                     "channel": lsp.CompletionItemKind.EnumMember,
                     "source": lsp.CompletionItemKind.EnumMember,
                     "pain": lsp.CompletionItemKind.Reference}
_SYMBOL_KINDS = {"persona": lsp.SymbolKind.Class, "stage": lsp.SymbolKind.Namespace,
                 "touchpoint": lsp.SymbolKind.Event, "kpi": lsp.SymbolKind.Number,
                 "flow": lsp.SymbolKind.Function, "source": lsp.SymbolKind.Constant}


ANALYSIS_DELAY = 0.15  # seconds of quiet after an edit before a slow map is analysed
QUICK_ANALYSIS = 0.05  # an analysis this quick needs no quiet: it is over before the next key
FRESH_WAIT = 0.05      # how long hover and completion wait for the current analysis
# Any map under the size limit fits in a frame, even with every byte JSON-escaped (\u00XX).
MAX_FRAME = 6 * DEFAULT_LIMITS.max_bytes + 1_000_000
MAX_HEADER_LINE = 1_000


class CjmServer(LanguageServer):
    def __init__(self):
        super().__init__("cjm", __version__)
        self.analyses: dict[str, Analysis] = {}  # the newest finished analysis per document
        self._running: dict[str, asyncio.Future] = {}
        self._waiting: dict[str, asyncio.TimerHandle] = {}
        self._analyst = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cjm-analysis")

    def schedule(self, uri: str, delay: float) -> None:
        """Analyse `uri` after `delay` seconds without another edit."""
        if uri in self._waiting:
            self._waiting.pop(uri).cancel()
        loop = asyncio.get_running_loop()
        self._waiting[uri] = loop.call_later(delay, self._start, uri)

    def quiet_before(self, uri: str) -> float:
        """How long an edit of `uri` waits for quiet before it is analysed: not at all when
        its last analysis was quick, else ANALYSIS_DELAY."""
        newest = self.analyses.get(uri)
        return 0 if newest is not None and newest.seconds <= QUICK_ANALYSIS else ANALYSIS_DELAY

    def _start(self, uri: str) -> asyncio.Future:
        if uri in self._waiting:
            self._waiting.pop(uri).cancel()
        if uri in self._running:
            return self._running[uri]
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        job = asyncio.get_running_loop().run_in_executor(self._analyst, analyze_paused, text,
                                                          _filename(uri), self.analyses.get(uri))
        self._running[uri] = job
        job.add_done_callback(lambda done: self._finished(uri, text, version, done))
        return job

    def _finished(self, uri: str, text: str, version: int | None, job: asyncio.Future) -> None:
        del self._running[uri]
        if job.cancelled() or job.exception() is not None:
            return
        if uri not in self.workspace.text_documents:
            return
        self.analyses[uri] = job.result()
        document = self.workspace.get_text_document(uri)
        if document.source == text:
            if document.version == version:
                self.publish(uri, document, job.result())
        elif uri not in self._waiting:
            self._start(uri)  # edits came while this ran: analyse the newest text now

    async def current(self, uri: str) -> tuple[TextDocument, Analysis]:
        """The document and the analysis of its current text (started now if it waits)."""
        while True:
            document = self.workspace.get_text_document(uri)
            known = self.analyses.get(uri)
            if known is not None and known.text == document.source:
                return document, known
            await asyncio.shield(self._start(uri))

    async def fresh_or_newest(self, uri: str) -> tuple[TextDocument, Analysis | None]:
        """The current analysis if it comes within FRESH_WAIT, else the newest finished one
        (an older version of the text, or None before the first). When the newest took longer
        than FRESH_WAIT, so will the current one: it is not waited for."""
        newest = self.analyses.get(uri)
        document = self.workspace.get_text_document(uri)
        if newest is not None and newest.seconds > FRESH_WAIT and newest.text != document.source:
            return document, newest
        try:
            return await asyncio.wait_for(self.current(uri), FRESH_WAIT)
        except asyncio.TimeoutError:
            return self.workspace.get_text_document(uri), self.analyses.get(uri)

    def refresh_users_of(self, uris: list[str]) -> None:
        """Analyse again every open map that uses one of the files at `uris` (a library
        saved, or changed on disk): its diagnostics follow the library."""
        changed = {Path(_filename(uri)).resolve() for uri in uris}
        for uri, analysis in list(self.analyses.items()):
            if analysis.files & changed and uri in self.workspace.text_documents:
                analysis.compiled = None  # the next compile is a full one: it reads them again
                self.schedule(uri, 0)

    def forget(self, uri: str) -> None:
        self.analyses.pop(uri, None)
        if uri in self._waiting:
            self._waiting.pop(uri).cancel()

    def publish(self, uri: str, document: TextDocument, analysis: Analysis) -> None:
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=document.version,
            diagnostics=[_diagnostic(document, d) for d in shown(analysis.diagnostics)[0]]))


def analyze_paused(text: str, filename: str, before: Analysis | None = None) -> Analysis:
    """`analyze` with Python's cycle collector paused, its result then frozen (kept out of
    later collections). Otherwise the collector walks the whole heap again and again while a
    large map is analysed, each time holding the interpreter for 100 ms or more, and hover
    and completion wait. An analysis makes no reference cycles (a test checks it), so what is
    frozen is still freed when the next analysis replaces it."""
    gc.disable()
    try:
        return analyze(text, filename, before)
    finally:
        gc.freeze()
        gc.enable()


def build_server() -> CjmServer:
    server = CjmServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def opened(ls: CjmServer, params) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def saved(ls: CjmServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)
        ls.refresh_users_of([params.text_document.uri])

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: CjmServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.refresh_users_of([change.uri for change in params.changes])

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def changed(ls: CjmServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.quiet_before(params.text_document.uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def closed(ls: CjmServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION)
    async def completion(ls: CjmServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        document, analysis = await ls.fresh_or_newest(params.text_document.uri)
        if analysis is None:
            return lsp.CompletionList(is_incomplete=True, items=[])
        line, column = _from_position(document, params.position)
        found = complete(analysis, line, column, document.source)
        items = [lsp.CompletionItem(label=c.label, kind=_COMPLETION_KINDS[c.kind],
                                    detail=c.detail or None, sort_text=f"{i:04d}")
                 for i, c in enumerate(found.items)]
        return lsp.CompletionList(is_incomplete=found.incomplete, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: CjmServer, params: lsp.HoverParams) -> lsp.Hover | None:
        document, analysis = await ls.fresh_or_newest(params.text_document.uri)
        if analysis is None:
            return None
        line, column = _from_position(document, params.position)
        if not analysis.reads_as_analysed(line, lines_of(document.source)):
            return None  # edited since: the card could be another line's
        found = hover_text(analysis, line, column)
        if not found or not found[0]:
            return None
        text, span = found
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
                         range=_range(document, span))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    async def definition(ls: CjmServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        document, analysis = await ls.current(params.text_document.uri)
        line, column = _from_position(document, params.position)
        library = used_library_at(analysis, line, column)
        if library is not None:  # on a `use` path: the library file
            return _library_location(library.path, m.Span(1, 1, 1, 1))
        linked = linked_map_at(analysis, line, column)
        if linked is not None and document.path:  # on a `details` path: the map it opens
            return _library_location((Path(document.path).parent / linked.path).resolve(),
                                     m.Span(1, 1, 1, 1))
        occurrence = analysis.occurrence_at(line, column)
        target = analysis.definition_of(occurrence) if occurrence else None
        if target is None and occurrence is not None:  # declared in a library
            found = library_definition(analysis.libraries, occurrence)
            return _library_location(*found) if found else None
        return _location(document, target.span) if target else None

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    async def references(ls: CjmServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        document, analysis = await ls.current(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        if occurrence is None:
            return []
        found = analysis.references_to(occurrence, params.context.include_declaration)
        return [_location(document, o.span) for o in found]

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    async def prepare_rename(ls: CjmServer, params: lsp.PrepareRenameParams):
        document, analysis = await ls.current(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        if occurrence is None:
            return None
        return lsp.PrepareRenamePlaceholder(range=_range(document, occurrence.span),
                                            placeholder=occurrence.id)

    @server.feature(lsp.TEXT_DOCUMENT_RENAME)
    async def rename(ls: CjmServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
        document, analysis = await ls.current(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        if occurrence is None:
            return None
        _check_new_name(analysis, occurrence, params.new_name)
        edits = [lsp.TextEdit(range=_range(document, o.span), new_text=params.new_name)
                 for o in analysis.references_to(occurrence)]
        return lsp.WorkspaceEdit(changes={params.text_document.uri: edits})

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def symbols(ls: CjmServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        document, analysis = await ls.current(params.text_document.uri)
        return outline(document, analysis.journey) if analysis.journey else []

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    async def code_actions(ls: CjmServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        document, analysis = await ls.current(params.text_document.uri)
        return [action for d in analysis.diagnostics
                if d.origin is None and _overlaps(_range(document, d.span), params.range)
                for action in [_quick_fix(document, d)] if action]

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: CjmServer, params: lsp.DocumentFormattingParams):
        return format_edits(ls.workspace.get_text_document(params.text_document.uri))

    return server


def format_edits(document: TextDocument) -> list[lsp.TextEdit] | None:
    """One edit replacing the whole text with `cjm fmt`'s layout; none for a file that
    does not parse (the formatter leaves those alone)."""
    from cjmdsl.language.diagnostics import CjmError
    from cjmdsl.language.format import format_text

    try:
        formatted = format_text(document.source, _filename(document.uri))
    except CjmError:
        return None
    if formatted == document.source:
        return []
    lines = document.source.split("\n")
    end = lsp.Position(line=len(lines) - 1,
                       character=document.position_codec.client_num_units(lines[-1]))
    return [lsp.TextEdit(range=lsp.Range(start=lsp.Position(line=0, character=0), end=end),
                         new_text=formatted)]


def outline(document: TextDocument, journey: m.Journey) -> list[lsp.DocumentSymbol]:
    """Personas, stages with their touchpoints, KPIs, declared sources and flows, in file
    order."""
    def symbol(kind: str, name: str, detail: str, span: m.Span, id_span: m.Span, children=()):
        return lsp.DocumentSymbol(
            name=name or "?", detail=detail, kind=_SYMBOL_KINDS[kind],
            range=_range(document, _union(span, id_span)),
            selection_range=_range(document, id_span if id_span != m.NO_SPAN else span),
            children=list(children))

    found = [symbol("persona", p.id, p.name, p.span, p.id_span) for p in journey.personas]
    found += [symbol("stage", s.id, s.name, s.span, s.id_span,
                     [symbol("touchpoint", tp.id, tp.name, tp.span, tp.id_span)
                      for tp in s.touchpoints]) for s in journey.stages]
    found += [symbol("kpi", k.id, k.name, k.span, k.id_span) for k in journey.kpis]
    found += [symbol("source", s.id, s.title, s.span, s.id_span) for s in journey.sources]
    for flow in journey.flows:
        path = " → ".join([flow.start, *(step.to or "exit" for step in flow.steps)])
        who = ", ".join(flow.personas) + ": " if flow.personas else ""
        found.append(symbol("flow", f"flow {who}{path}", "", flow.span, flow.start_span))
    found.sort(key=lambda s: (s.range.start.line, s.range.start.character))
    return found


def _diagnostic(document: TextDocument, d: Diagnostic) -> lsp.Diagnostic:
    """A cjm diagnostic as LSP shows it: the hint and every label as related information.
    One in a library the map uses is shown at the map's `use` line, naming the library's
    place, with a link to it."""
    if d.origin is not None:
        return _library_diagnostic(document, d)
    location = _location(document, d.span)
    related = [lsp.DiagnosticRelatedInformation(location=location, message=d.hint)] if d.hint else []
    related += [lsp.DiagnosticRelatedInformation(location=_location(document, label.span),
                                                 message=label.message) for label in d.labels]
    replacement = suggestion(d)
    return lsp.Diagnostic(
        range=_range(document, d.span), message=d.message + (f"\n{d.hint}" if d.hint else ""),
        severity=lsp.DiagnosticSeverity.Error if d.is_error else lsp.DiagnosticSeverity.Warning,
        code=d.code, source="cjm", related_information=related or None,
        data={"suggestion": replacement} if replacement else None)


def _library_diagnostic(document: TextDocument, d: Diagnostic) -> lsp.Diagnostic:
    own = _filename(document.uri)
    use = next((label.span for label in reversed(d.labels)
                if label.origin is not None and label.origin.filename == own), m.Span(1, 1, 1, 1))
    place = f"{d.origin.filename}:{d.span.line}:{d.span.column}"
    related = [lsp.DiagnosticRelatedInformation(
        location=_library_location(Path(d.origin.filename), d.span), message=d.hint or d.message)]
    return lsp.Diagnostic(
        range=_range(document, use), message=f"{place}: {d.message}" + (
            f"\n{d.hint}" if d.hint else ""),
        severity=lsp.DiagnosticSeverity.Error if d.is_error else lsp.DiagnosticSeverity.Warning,
        code=d.code, source="cjm", related_information=related)


def _library_location(path: Path, span: m.Span) -> lsp.Location:
    """A place in a library file, which the server has not opened: columns counted in
    characters (exact for the ASCII that ids are written in)."""
    return lsp.Location(uri=Path(path).as_uri(), range=lsp.Range(
        start=lsp.Position(line=max(span.line - 1, 0), character=max(span.column - 1, 0)),
        end=lsp.Position(line=max(span.end_line - 1, 0), character=max(span.end_column - 1, 0))))


def _quick_fix(document: TextDocument, d: Diagnostic) -> lsp.CodeAction | None:
    """`did you mean `x`?` as an edit that writes x (quoted where the mistake was a string)."""
    replacement = suggestion(d)
    if replacement is None:
        return None
    span_range = _range(document, d.span)
    written = _text_at(document, d.span)
    new_text = f'"{replacement}"' if written.startswith('"') else replacement
    return lsp.CodeAction(
        title=f"Change to `{replacement}`", kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[_diagnostic(document, d)], is_preferred=True,
        edit=lsp.WorkspaceEdit(changes={document.uri: [lsp.TextEdit(range=span_range,
                                                                    new_text=new_text)]}))


def _check_new_name(analysis: Analysis, occurrence: Occurrence, new_name: str) -> None:
    if not ID.fullmatch(new_name):
        raise JsonRpcInvalidParams(f"`{new_name}` is not an id: a letter or _, then letters, "
                                   "digits, _ or -")
    if occurrence.namespace == "node" and new_name == "exit":
        raise JsonRpcInvalidParams("`exit` ends a flow; a touchpoint cannot be called that")
    taken = {o.id for o in analysis.occurrences
             if o.is_definition and o.namespace == occurrence.namespace}
    if new_name != occurrence.id and new_name in taken:
        raise JsonRpcInvalidParams(f"`{new_name}` is already used in this map")


# ── positions ────────────────────────────────────────────────────────────────
def _position(document: TextDocument, line: int, column: int) -> lsp.Position:
    """Model line and column (1-based, characters) to an LSP position (client units)."""
    if line < 1:
        return lsp.Position(line=0, character=0)
    return document.position_codec.position_to_client_units(
        _lines(document.source), lsp.Position(line=line - 1, character=max(column - 1, 0)))


def _range(document: TextDocument, span: m.Span) -> lsp.Range:
    return lsp.Range(start=_position(document, span.line, span.column),
                     end=_position(document, span.end_line, span.end_column))


def _location(document: TextDocument, span: m.Span) -> lsp.Location:
    return lsp.Location(uri=document.uri, range=_range(document, span))


def _from_position(document: TextDocument, position: lsp.Position) -> tuple[int, int]:
    server_position = document.position_codec.position_from_client_units(
        _lines(document.source), position)
    return server_position.line + 1, server_position.character + 1


@lru_cache(maxsize=4)
def _lines(source: str) -> tuple[str, ...]:
    """A document's lines as pygls counts them, split once per version of the text (pygls
    splits the whole text again for each position, which on a large map costs more than
    answering a hover)."""
    return tuple(source.splitlines(True))


def _text_at(document: TextDocument, span: m.Span) -> str:
    lines = lines_of(document.source)
    if not 1 <= span.line <= len(lines):
        return ""
    return lines[span.line - 1][span.column - 1:]


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _union(a: m.Span, b: m.Span) -> m.Span:
    spans = [s for s in (a, b) if s != m.NO_SPAN]
    if not spans:
        return m.NO_SPAN
    start = min((s.line, s.column) for s in spans)
    end = max((s.end_line, s.end_column) for s in spans)
    return m.Span(*start, *end)


def _filename(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


# ── the transport ────────────────────────────────────────────────────────────
class BadFrame(Exception):
    """The client sent something that is not an LSP frame: the stream is lost."""


def read_frames(stream: BinaryIO) -> Iterator[bytes]:
    """The bodies of the Content-Length frames on `stream`, until it ends between two."""
    while True:
        length = None
        while True:
            line = stream.readline(MAX_HEADER_LINE)
            if not line:
                if length is None:
                    return
                raise BadFrame("the input ended inside a header")
            if not line.endswith(b"\n"):
                raise BadFrame(f"a header line longer than {MAX_HEADER_LINE} bytes")
            line = line.strip()
            if not line:
                break
            name, colon, value = line.partition(b":")
            if not colon:
                raise BadFrame(f"not a header: {line[:80]!r}")
            if name.strip().lower() == b"content-length":
                value = value.strip()
                if not value.isdigit() or not 0 < int(value) <= MAX_FRAME:
                    raise BadFrame(f"Content-Length {value[:40].decode('ascii', 'replace')!r} "
                                   f"is not a size from 1 to {MAX_FRAME:,} bytes")
                length = int(value)
        if length is None:
            raise BadFrame("a message without Content-Length")
        body = stream.read(length)
        if len(body) < length:
            raise BadFrame(f"the input ended {length - len(body):,} bytes before the message did")
        yield body


def handle_body(server: CjmServer, body: bytes) -> None:
    """One message: parsed, checked against its method's schema, handed to pygls; a request
    that cannot be read is answered with its JSON-RPC error."""
    protocol = server.protocol
    try:
        raw = json.loads(body)
    except ValueError as exc:
        protocol._send_response(None, None, JsonRpcParseError(str(exc)).to_response_error())
        return
    if not isinstance(raw, dict):
        protocol._send_response(None, None, JsonRpcInvalidRequest().to_response_error())
        return
    try:
        message = protocol.structure_message(raw)
    except JsonRpcException as error:
        if isinstance(error, JsonRpcInvalidParams):
            error = JsonRpcInvalidParams(f"invalid params for {raw.get('method')}: "
                                         f"{_validation_detail(error.__cause__)}")
        if "id" in raw and "method" in raw:
            protocol._send_response(raw["id"], None, error.to_response_error())
        return
    protocol.handle_message(message)


def _validation_detail(error: BaseException | None) -> str:
    """The innermost reason cattrs gives, such as `line: -1 is below 0`."""
    while error is not None and getattr(error, "exceptions", None):
        error = error.exceptions[0]
    return str(error) if error is not None else "they do not fit the method's schema"


def serve_stdio(server: CjmServer, stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Read frames on a thread of their own and handle them on the loop; the exit code."""
    server._stop_event = threading.Event()
    server.protocol.set_writer(StdoutWriter(stdout))

    async def run() -> str | None:
        loop = asyncio.get_running_loop()
        ended: asyncio.Future = loop.create_future()

        def end(reason: str | None) -> None:
            if not ended.done():
                ended.set_result(reason)

        def read() -> None:
            try:
                for body in read_frames(stdin):
                    loop.call_soon_threadsafe(handle_body, server, body)
                reason = None
            except (BadFrame, OSError) as bad:
                reason = str(bad)
            loop.call_soon_threadsafe(end, reason)

        threading.Thread(target=read, name="cjm-lsp-reader", daemon=True).start()
        return await ended

    try:
        reason = asyncio.run(run())
    except BrokenPipeError:
        return 1
    finally:
        server._analyst.shutdown(wait=False, cancel_futures=True)
    if reason:
        print(f"cjm lsp: stopping: {reason} (the editor starts the server again)",
              file=sys.stderr, flush=True)
        return 1
    return 0


def main() -> None:
    """Serve LSP on standard input and output until the client says exit."""
    # The reader thread gets a file object of its own: a daemon thread blocked in
    # sys.stdin's lock would abort the interpreter's shutdown.
    stdin = open(sys.stdin.fileno(), "rb", closefd=False)  # noqa: SIM115 - lives as long as the process
    sys.exit(serve_stdio(build_server(), stdin, sys.stdout.buffer))
