"""The pygls wiring of `cjm lsp`: LSP messages in, answers from `analysis` out.

Positions: the model counts 1-based lines and columns in characters; LSP counts from 0,
in the units the client chose (UTF-16 unless it asked otherwise). `_position` and
`_range` convert through the document's own codec, so a name after an emoji still lines
up. Each document is analysed once per version; every request reads that analysis.
"""
from __future__ import annotations

import asyncio
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from cjmdsl import __version__
from cjmdsl import model as m
from cjmdsl.diagnostics import Diagnostic
from cjmdsl.lsp.analysis import ID, Analysis, Occurrence, analyze, suggestion
from cjmdsl.lsp.completion import complete
from cjmdsl.lsp.hover import hover_text

_COMPLETION_KINDS = {"keyword": lsp.CompletionItemKind.Keyword,
                     "persona": lsp.CompletionItemKind.Variable,
                     "touchpoint": lsp.CompletionItemKind.Reference,
                     "channel": lsp.CompletionItemKind.EnumMember,
                     "source": lsp.CompletionItemKind.EnumMember}
_SYMBOL_KINDS = {"persona": lsp.SymbolKind.Class, "stage": lsp.SymbolKind.Namespace,
                 "touchpoint": lsp.SymbolKind.Event, "kpi": lsp.SymbolKind.Number,
                 "flow": lsp.SymbolKind.Function}


class CjmServer(LanguageServer):
    def __init__(self):
        super().__init__("cjm", __version__)
        self.analyses: dict[str, Analysis] = {}

    def analysis(self, uri: str) -> tuple[TextDocument, Analysis]:
        """The document and its analysis, redone only when the text changed."""
        document = self.workspace.get_text_document(uri)
        known = self.analyses.get(uri)
        if known is None or known.text != document.source:
            known = self.analyses[uri] = analyze(document.source, _filename(uri))
        return document, known

    def publish_soon(self, uri: str) -> None:
        """Publish after the messages already read: in a burst of keystrokes, only the
        newest text is analysed (no delay otherwise)."""
        version = self.workspace.get_text_document(uri).version
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.publish(uri)
            return
        loop.call_soon(self._publish_if_current, uri, version)

    def _publish_if_current(self, uri: str, version: int | None) -> None:
        if uri in self.workspace.text_documents and \
                self.workspace.get_text_document(uri).version == version:
            self.publish(uri)

    def publish(self, uri: str) -> None:
        document, analysis = self.analysis(uri)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=document.version,
            diagnostics=[_diagnostic(document, d) for d in analysis.diagnostics]))


def build_server() -> CjmServer:
    server = CjmServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def changed(ls: CjmServer, params) -> None:
        ls.publish_soon(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def closed(ls: CjmServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION)
    def completion(ls: CjmServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        document, analysis = ls.analysis(params.text_document.uri)
        line, column = _from_position(document, params.position)
        items = [lsp.CompletionItem(label=c.label, kind=_COMPLETION_KINDS[c.kind],
                                    detail=c.detail or None, sort_text=f"{i:04d}")
                 for i, c in enumerate(complete(analysis, line, column))]
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: CjmServer, params: lsp.HoverParams) -> lsp.Hover | None:
        document, analysis = ls.analysis(params.text_document.uri)
        found = hover_text(analysis, *_from_position(document, params.position))
        if not found or not found[0]:
            return None
        text, span = found
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
                         range=_range(document, span))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: CjmServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        document, analysis = ls.analysis(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        target = analysis.definition_of(occurrence) if occurrence else None
        return _location(document, target.span) if target else None

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: CjmServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        document, analysis = ls.analysis(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        if occurrence is None:
            return []
        found = analysis.references_to(occurrence, params.context.include_declaration)
        return [_location(document, o.span) for o in found]

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: CjmServer, params: lsp.PrepareRenameParams):
        document, analysis = ls.analysis(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        if occurrence is None:
            return None
        return lsp.PrepareRenamePlaceholder(range=_range(document, occurrence.span),
                                            placeholder=occurrence.id)

    @server.feature(lsp.TEXT_DOCUMENT_RENAME)
    def rename(ls: CjmServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
        document, analysis = ls.analysis(params.text_document.uri)
        occurrence = analysis.occurrence_at(*_from_position(document, params.position))
        if occurrence is None:
            return None
        _check_new_name(analysis, occurrence, params.new_name)
        edits = [lsp.TextEdit(range=_range(document, o.span), new_text=params.new_name)
                 for o in analysis.references_to(occurrence)]
        return lsp.WorkspaceEdit(changes={params.text_document.uri: edits})

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: CjmServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        document, analysis = ls.analysis(params.text_document.uri)
        return outline(document, analysis.journey) if analysis.journey else []

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_actions(ls: CjmServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        document, analysis = ls.analysis(params.text_document.uri)
        return [action for d in analysis.diagnostics
                if _overlaps(_range(document, d.span), params.range)
                for action in [_quick_fix(document, d)] if action]

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: CjmServer, params: lsp.DocumentFormattingParams):
        return format_edits(ls.workspace.get_text_document(params.text_document.uri))

    return server


def format_edits(document: TextDocument) -> list[lsp.TextEdit] | None:
    """One edit replacing the whole text with `cjm fmt`'s layout; none for a file that
    does not parse (the formatter leaves those alone)."""
    from cjmdsl.diagnostics import CjmError
    from cjmdsl.format import format_text

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
    """Personas, stages with their touchpoints, KPIs and flows, in file order."""
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
    for flow in journey.flows:
        path = " → ".join([flow.start, *(step.to or "exit" for step in flow.steps)])
        who = ", ".join(flow.personas) + ": " if flow.personas else ""
        found.append(symbol("flow", f"flow {who}{path}", "", flow.span, flow.start_span))
    found.sort(key=lambda s: (s.range.start.line, s.range.start.character))
    return found


def _diagnostic(document: TextDocument, d: Diagnostic) -> lsp.Diagnostic:
    """A cjm diagnostic as LSP shows it: the hint and every label as related information."""
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
        document.lines, lsp.Position(line=line - 1, character=max(column - 1, 0)))


def _range(document: TextDocument, span: m.Span) -> lsp.Range:
    return lsp.Range(start=_position(document, span.line, span.column),
                     end=_position(document, span.end_line, span.end_column))


def _location(document: TextDocument, span: m.Span) -> lsp.Location:
    return lsp.Location(uri=document.uri, range=_range(document, span))


def _from_position(document: TextDocument, position: lsp.Position) -> tuple[int, int]:
    server_position = document.position_codec.position_from_client_units(document.lines,
                                                                         position)
    return server_position.line + 1, server_position.character + 1


def _text_at(document: TextDocument, span: m.Span) -> str:
    lines = document.source.split("\n")
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


def main() -> None:
    """Serve LSP on standard input and output until the client says exit."""
    build_server().start_io()
