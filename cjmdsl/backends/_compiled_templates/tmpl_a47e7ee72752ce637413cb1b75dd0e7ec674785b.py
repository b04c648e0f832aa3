from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'map.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_language = resolve('language')
    l_0_csp = resolve('csp')
    l_0_has_dark = resolve('has_dark')
    l_0_journey = resolve('journey')
    l_0_css = resolve('css')
    l_0_said = resolve('said')
    l_0_metadata = resolve('metadata')
    l_0_overview = resolve('overview')
    l_0_personas = resolve('personas')
    l_0_gaps = resolve('gaps')
    l_0_improvements = resolve('improvements')
    l_0_pains = resolve('pains')
    l_0_kpis = resolve('kpis')
    l_0_moments = resolve('moments')
    l_0_fails = resolve('fails')
    l_0_timeline = resolve('timeline')
    l_0_stage_notes = resolve('stage_notes')
    l_0_metrics = resolve('metrics')
    l_0_ranked = resolve('ranked')
    l_0_sources = resolve('sources')
    l_0_rows = resolve('rows')
    l_0_maps = resolve('maps')
    l_0_printed = resolve('printed')
    l_0_pain_owners = resolve('pain_owners')
    l_0_matrix = resolve('matrix')
    l_0_teams = resolve('teams')
    l_0_touchpoints = resolve('touchpoints')
    l_0_data = resolve('data')
    l_0_script = resolve('script')
    l_0_fail_mark = l_0_tags = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['lines']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'lines' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['n']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'n' found.")
    try:
        t_7 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_8 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_9 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro():
        t_10 = []
        pass
        t_10.append(
            '<span class="cjm-fail-mark" aria-hidden="true">F</span>',
        )
        return concat(t_10)
    context.exported_vars.add('fail_mark')
    context.vars['fail_mark'] = l_0_fail_mark = Macro(environment, macro, 'fail_mark', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_finding):
        t_11 = []
        l_1_source_label = resolve('source_label')
        l_1_finding_links = resolve('finding_links')
        l_1_addresses = resolve('addresses')
        l_1_addressed_by = resolve('addressed_by')
        if l_1_finding is missing:
            l_1_finding = undefined("parameter 'finding' was not provided", name='finding')
        pass
        if environment.getattr(l_1_finding, 'source'):
            pass
            t_11.extend((
                ' <span class="cjm-tag">',
                escape(environment.finalize(context.call((undefined(name='source_label') if l_1_source_label is missing else l_1_source_label), environment.getattr(l_1_finding, 'source')))),
                '</span>',
            ))
        if environment.getattr(l_1_finding, 'owner'):
            pass
            t_11.extend((
                ' <span class="cjm-tag">',
                escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'owner', owner=environment.getattr(l_1_finding, 'owner')))),
                '</span>',
            ))
        for l_2_link in context.call((undefined(name='finding_links') if l_1_finding_links is missing else l_1_finding_links), l_1_finding):
            _loop_vars = {}
            pass
            t_11.extend((
                ' <span class="cjm-tag">',
                escape(environment.finalize(l_2_link)),
                '</span>',
            ))
        l_2_link = missing
        for (l_2_href, l_2_link) in context.call((undefined(name='addresses') if l_1_addresses is missing else l_1_addresses), l_1_finding):
            _loop_vars = {}
            pass
            t_11.extend((
                ' <a class="cjm-tag" href="',
                escape(environment.finalize(l_2_href)),
                '">',
                escape(environment.finalize(l_2_link)),
                '</a>',
            ))
        l_2_href = l_2_link = missing
        for l_2_link in context.call((undefined(name='addressed_by') if l_1_addressed_by is missing else l_1_addressed_by), l_1_finding):
            _loop_vars = {}
            pass
            t_11.extend((
                ' <span class="cjm-tag">',
                escape(environment.finalize(l_2_link)),
                '</span>',
            ))
        l_2_link = missing
        return concat(t_11)
    context.exported_vars.add('tags')
    context.vars['tags'] = l_0_tags = Macro(environment, macro, 'tags', ('finding',), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize(context.call((undefined(name='language') if l_0_language is missing else l_0_language))))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape(environment.finalize((undefined(name='csp') if l_0_csp is missing else l_0_csp)))
    yield '">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="'
    yield escape(environment.finalize(('light dark' if (undefined(name='has_dark') if l_0_has_dark is missing else l_0_has_dark) else 'normal')))
    yield '">\n<meta name="generator" content="cjmdsl">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'title')))
    yield '</title>\n<style>'
    yield escape(environment.finalize((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n</head>\n<body>\n<a class="cjm-skip" href="#cjm-map">'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_skip')))
    yield '</a>\n<header class="cjm-header">\n<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'title')))
    yield '</h1>\n'
    if environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'description'):
        pass
        yield '<p class="cjm-lead">'
        yield escape(environment.finalize(environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'description')))
        yield '</p>\n'
    if (undefined(name='metadata') if l_0_metadata is missing else l_0_metadata):
        pass
        yield '<p class="cjm-meta cjm-muted">'
        yield escape(environment.finalize((undefined(name='metadata') if l_0_metadata is missing else l_0_metadata)))
        yield '</p>\n'
    for l_1_note in environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'notes'):
        _loop_vars = {}
        pass
        yield '<p class="cjm-note">'
        yield escape(environment.finalize(t_4(environment.getattr(l_1_note, 'text'))))
        yield '</p>\n'
    l_1_note = missing
    yield '<nav aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_sections')))
    yield '">\n<ul>\n'
    if (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        pass
        yield '<li><a href="#cjm-overview">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_nav_overview')))
        yield '</a></li>\n'
    yield '<li><a href="#cjm-map">'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_nav_map')))
    yield '</a></li>\n'
    if (undefined(name='personas') if l_0_personas is missing else l_0_personas):
        pass
        yield '<li><a href="#cjm-personas">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_personas')))
        yield '</a></li>\n'
    if ((undefined(name='gaps') if l_0_gaps is missing else l_0_gaps) or (undefined(name='improvements') if l_0_improvements is missing else l_0_improvements)):
        pass
        yield '<li><a href="#cjm-gaps">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_gaps')))
        yield '</a></li>\n'
    if (undefined(name='pains') if l_0_pains is missing else l_0_pains):
        pass
        yield '<li><a href="#cjm-pains">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'lane_pains')))
        yield '</a></li>\n'
    if (undefined(name='kpis') if l_0_kpis is missing else l_0_kpis):
        pass
        yield '<li><a href="#cjm-kpis">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'row_kpis')))
        yield '</a></li>\n'
    if (undefined(name='moments') if l_0_moments is missing else l_0_moments):
        pass
        yield '<li><a href="#cjm-moments">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_moments')))
        yield '</a></li>\n'
    if (undefined(name='fails') if l_0_fails is missing else l_0_fails):
        pass
        yield '<li><a href="#cjm-fails">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_fail_points')))
        yield '</a></li>\n'
    if (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline):
        pass
        yield '<li><a href="#cjm-time">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_time')))
        yield '</a></li>\n'
    if (undefined(name='stage_notes') if l_0_stage_notes is missing else l_0_stage_notes):
        pass
        yield '<li><a href="#cjm-stage-notes">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_stage_notes')))
        yield '</a></li>\n'
    if (undefined(name='metrics') if l_0_metrics is missing else l_0_metrics):
        pass
        yield '<li><a href="#cjm-metrics">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'lane_metrics')))
        yield '</a></li>\n'
    if (undefined(name='ranked') if l_0_ranked is missing else l_0_ranked):
        pass
        yield '<li><a href="#cjm-priorities">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_priorities')))
        yield '</a></li>\n'
    if (undefined(name='sources') if l_0_sources is missing else l_0_sources):
        pass
        yield '<li><a href="#cjm-sources">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_sources')))
        yield '</a></li>\n'
    if environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'actors'):
        pass
        yield '<li><a href="#cjm-actors">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'actors')))
        yield '</a></li>\n'
    yield '</ul>\n</nav>\n</header>\n<main>\n'
    if (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        pass
        yield '<section id="cjm-overview" class="cjm-overview" aria-labelledby="cjm-overview-title">\n<h2 id="cjm-overview-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_overview')))
        yield '</h2>\n<p class="cjm-hint">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_overview_hint')))
        yield '</p>\n<ol class="cjm-stage-cards">\n'
        l_1_loop = missing
        for l_1_s, l_1_loop in LoopContext(environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'stages'), undefined):
            l_1_stage_names = resolve('stage_names')
            l_1_overview_stages = resolve('overview_stages')
            _loop_vars = {}
            pass
            yield '<li><a href="#cjm-map" data-stage="'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'stage_id')))
            yield '"><svg xmlns="http://www.w3.org/2000/svg" width="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_s, 'box'), 'width'))))
            yield '" height="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_s, 'box'), 'height'))))
            yield '" viewBox="'
            yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_s, 'box'), 'x') - 1))))
            yield ' '
            yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_s, 'box'), 'y') - 1))))
            yield ' '
            yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_s, 'box'), 'width') + 2))))
            yield ' '
            yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_s, 'box'), 'height') + 2))))
            yield '" font-family="'
            yield escape(environment.finalize(environment.getattr((undefined(name='overview') if l_0_overview is missing else l_0_overview), 'font_family')))
            yield '" role="img" aria-label="'
            yield escape(environment.finalize(environment.getitem((undefined(name='stage_names') if l_1_stage_names is missing else l_1_stage_names), environment.getattr(l_1_s, 'stage_id'))))
            yield '">\n'
            yield escape(environment.finalize(environment.getitem((undefined(name='overview_stages') if l_1_overview_stages is missing else l_1_overview_stages), environment.getattr(l_1_loop, 'index0'))))
            yield '\n</svg></a></li>\n'
        l_1_loop = l_1_s = l_1_stage_names = l_1_overview_stages = missing
        yield '</ol>\n</section>\n'
    yield '<section id="cjm-map" class="cjm-map" aria-labelledby="cjm-map-title">\n<h2 id="cjm-map-title">'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_map')))
    yield '</h2>\n<div class="cjm-controls" role="group" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_controls')))
    yield '" hidden>\n'
    if (t_3((undefined(name='personas') if l_0_personas is missing else l_0_personas)) > 1):
        pass
        yield '<fieldset class="cjm-switch">\n<legend>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_highlight')))
        yield '</legend>\n<label><input type="radio" name="cjm-persona" value="" checked> '
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_all_personas')))
        yield '</label>\n'
        for l_1_view in (undefined(name='personas') if l_0_personas is missing else l_0_personas):
            _loop_vars = {}
            pass
            yield '<label class="p'
            yield escape(environment.finalize(environment.getattr(l_1_view, 'index')))
            yield '"><input type="radio" name="cjm-persona" value="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'persona'), 'id')))
            yield '"> '
            yield escape(environment.finalize(environment.getattr(l_1_view, 'marker')))
            yield ' '
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'persona'), 'name')))
            yield '</label>\n'
        l_1_view = missing
        yield '</fieldset>\n'
    if (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        pass
        yield '<fieldset class="cjm-rows">\n<legend>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_lanes')))
        yield '</legend>\n'
        for (l_1_kind, l_1_name) in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
            _loop_vars = {}
            pass
            yield '<label><input type="checkbox" value="'
            yield escape(environment.finalize(l_1_kind))
            yield '" checked> '
            yield escape(environment.finalize(l_1_name))
            yield '</label>\n'
        l_1_kind = l_1_name = missing
        yield '</fieldset>\n'
    yield '<button type="button" id="cjm-fit" class="cjm-fit-toggle" aria-pressed="false">'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_fit')))
    yield '</button>\n'
    if (undefined(name='has_dark') if l_0_has_dark is missing else l_0_has_dark):
        pass
        yield '<button type="button" id="cjm-scheme" class="cjm-scheme" aria-pressed="false">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_dark_mode')))
        yield '</button>\n'
    yield '</div>\n<p id="cjm-map-hint" class="cjm-hint" hidden>'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_map_hint')))
    yield '</p>\n<div class="cjm-scroll" role="region" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_map_region')))
    yield '" tabindex="0">\n<div class="cjm-stack">\n'
    for l_1_map in (undefined(name='maps') if l_0_maps is missing else l_0_maps):
        _loop_vars = {}
        pass
        yield '<div class="cjm-canvas cjm-canvas-'
        yield escape(environment.finalize(environment.getattr(l_1_map, 'scheme')))
        yield '" data-scheme="'
        yield escape(environment.finalize(environment.getattr(l_1_map, 'scheme')))
        yield '">\n'
        yield escape(environment.finalize(environment.getattr(l_1_map, 'svg')))
        yield '</div>\n'
    l_1_map = missing
    yield '</div>\n</div>\n</section>\n<div class="cjm-print" aria-hidden="true"></div>\n<template id="cjm-print-sheets">\n'
    for l_1_sheet in environment.getattr((undefined(name='printed') if l_0_printed is missing else l_0_printed), 'sheets'):
        _loop_vars = {}
        pass
        yield '<div class="cjm-print-page"><svg xmlns="http://www.w3.org/2000/svg" width="'
        yield escape(environment.finalize(t_6(environment.getattr((undefined(name='printed') if l_0_printed is missing else l_0_printed), 'width'))))
        yield '" height="'
        yield escape(environment.finalize(t_6(environment.getattr(l_1_sheet, 'height'))))
        yield '" viewBox="0 0 '
        yield escape(environment.finalize(t_6(environment.getattr((undefined(name='printed') if l_0_printed is missing else l_0_printed), 'width'))))
        yield ' '
        yield escape(environment.finalize(t_6(environment.getattr(l_1_sheet, 'height'))))
        yield '" font-family="'
        yield escape(environment.finalize(environment.getattr((undefined(name='printed') if l_0_printed is missing else l_0_printed), 'font')))
        yield '">'
        for l_2_part in environment.getattr(l_1_sheet, 'parts'):
            _loop_vars = {}
            pass
            yield '<svg x="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'at'), 'x'))))
            yield '" y="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'at'), 'y'))))
            yield '" width="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'at'), 'width'))))
            yield '" height="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'at'), 'height'))))
            yield '" viewBox="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'view'), 'x'))))
            yield ' '
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'view'), 'y'))))
            yield ' '
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'view'), 'width'))))
            yield ' '
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_part, 'view'), 'height'))))
            yield '"><use href="#'
            yield escape(environment.finalize(environment.getattr((undefined(name='printed') if l_0_printed is missing else l_0_printed), 'id')))
            if environment.getattr(l_2_part, 'piece'):
                pass
                yield '-'
                yield escape(environment.finalize(environment.getattr(l_2_part, 'piece')))
            yield '"/></svg>'
        l_2_part = missing
        yield '</svg></div>\n'
    l_1_sheet = missing
    yield '</template>\n'
    if (undefined(name='personas') if l_0_personas is missing else l_0_personas):
        pass
        yield '<section id="cjm-personas" aria-labelledby="cjm-personas-title">\n<h2 id="cjm-personas-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_personas')))
        yield '</h2>\n<div class="cjm-cards">\n'
        for l_1_view in (undefined(name='personas') if l_0_personas is missing else l_0_personas):
            l_1_persona = missing
            _loop_vars = {}
            pass
            l_1_persona = environment.getattr(l_1_view, 'persona')
            _loop_vars['persona'] = l_1_persona
            yield '<article class="cjm-persona p'
            yield escape(environment.finalize(environment.getattr(l_1_view, 'index')))
            yield '" data-persona="'
            yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_1_persona is missing else l_1_persona), 'id')))
            yield '" aria-labelledby="cjm-persona-'
            yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_1_persona is missing else l_1_persona), 'id')))
            yield '">\n<h3 id="cjm-persona-'
            yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_1_persona is missing else l_1_persona), 'id')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_view, 'marker')))
            yield ' '
            yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_1_persona is missing else l_1_persona), 'name')))
            yield '</h3>\n'
            if environment.getattr(l_1_view, 'facts'):
                pass
                yield '<dl>\n'
                for (l_2_label, l_2_items) in environment.getattr(l_1_view, 'facts'):
                    _loop_vars = {}
                    pass
                    yield '<dt>'
                    yield escape(environment.finalize(l_2_label))
                    yield '</dt>\n'
                    for l_3_item in l_2_items:
                        _loop_vars = {}
                        pass
                        yield '<dd>'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'text')))
                        yield '</dd>\n'
                    l_3_item = missing
                l_2_label = l_2_items = missing
                yield '</dl>\n'
            for l_2_quote in environment.getattr((undefined(name='persona') if l_1_persona is missing else l_1_persona), 'quotes'):
                _loop_vars = {}
                pass
                yield '<blockquote>'
                yield escape(environment.finalize(environment.getattr(l_2_quote, 'text')))
                yield '</blockquote>\n'
            l_2_quote = missing
            yield '</article>\n'
        l_1_view = l_1_persona = missing
        yield '</div>\n</section>\n'
    if ((undefined(name='gaps') if l_0_gaps is missing else l_0_gaps) or (undefined(name='improvements') if l_0_improvements is missing else l_0_improvements)):
        pass
        yield '<section id="cjm-gaps" aria-labelledby="cjm-gaps-title">\n<h2 id="cjm-gaps-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_gaps')))
        yield '</h2>\n'
        if (undefined(name='gaps') if l_0_gaps is missing else l_0_gaps):
            pass
            yield '<div class="cjm-table" role="region" aria-labelledby="cjm-gaps-title" tabindex="0">\n<table>\n<caption>'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_gaps_caption')))
            yield '</caption>\n<thead><tr><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_touchpoint')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_persona')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_expected')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_actual')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_gap')))
            yield '</th></tr></thead>\n<tbody>\n'
            for l_1_row in (undefined(name='gaps') if l_0_gaps is missing else l_0_gaps):
                _loop_vars = {}
                pass
                yield '<tr data-persona="'
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'persona'), 'id')))
                yield '" class="p'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'index')))
                yield '"><th scope="row">'
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'touchpoint'), 'name')))
                yield '</th><td>'
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'persona'), 'name')))
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'expected')))
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'actual')))
                if environment.getattr(l_1_row, 'word'):
                    pass
                    yield ' “'
                    yield escape(environment.finalize(environment.getattr(l_1_row, 'word')))
                    yield '”'
                yield '</td><td class="cjm-gap '
                yield escape(environment.finalize(('cjm-worse' if (environment.getattr(l_1_row, 'gap') < 0) else ('cjm-better' if (environment.getattr(l_1_row, 'gap') > 0) else 'cjm-even'))))
                yield '">'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'gap_text')))
                yield ' <span class="cjm-muted">('
                yield escape(environment.finalize(environment.getattr(l_1_row, 'verdict')))
                yield ')</span></td></tr>\n'
            l_1_row = missing
            yield '</tbody>\n</table>\n</div>\n'
        if (undefined(name='improvements') if l_0_improvements is missing else l_0_improvements):
            pass
            yield '<div class="cjm-table" role="region" aria-labelledby="cjm-gaps-title" tabindex="0">\n<table class="cjm-improvements">\n<caption>'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_improvements_caption')))
            yield '</caption>\n<thead><tr><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_touchpoint')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_persona')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_as_is')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_to_be')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_planned_improvement')))
            yield '</th><th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_aimed_by')))
            yield '</th></tr></thead>\n<tbody>\n'
            for l_1_row in (undefined(name='improvements') if l_0_improvements is missing else l_0_improvements):
                _loop_vars = {}
                pass
                yield '<tr data-persona="'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'persona_id')))
                yield '" class="p'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'index')))
                yield '"><th scope="row">'
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'touchpoint'), 'name')))
                yield '</th><td>'
                yield escape(environment.finalize((environment.getattr(environment.getattr(l_1_row, 'persona'), 'name') if environment.getattr(l_1_row, 'persona') else environment.getattr(l_1_row, 'persona_id'))))
                yield '</td><td>'
                yield escape(environment.finalize((environment.getattr(l_1_row, 'as_is') or '–')))
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_1_row, 'to_be')))
                if environment.getattr(l_1_row, 'word'):
                    pass
                    yield ' “'
                    yield escape(environment.finalize(environment.getattr(l_1_row, 'word')))
                    yield '”'
                yield '</td><td class="cjm-gap '
                yield escape(environment.finalize(('cjm-better' if (environment.getattr(l_1_row, 'change') and (environment.getattr(l_1_row, 'change') > 0)) else ('cjm-worse' if (environment.getattr(l_1_row, 'change') and (environment.getattr(l_1_row, 'change') < 0)) else 'cjm-even'))))
                yield '">'
                yield escape(environment.finalize((environment.getattr(l_1_row, 'change_text') or '–')))
                yield '</td><td>'
                yield escape(environment.finalize((t_2(context.eval_ctx, environment.getattr(l_1_row, 'aimed_by'), '; ') or '–')))
                yield '</td></tr>\n'
            l_1_row = missing
            yield '</tbody>\n</table>\n</div>\n'
        yield '</section>\n'
    if (undefined(name='pains') if l_0_pains is missing else l_0_pains):
        pass
        yield '<section id="cjm-pains" aria-labelledby="cjm-pains-title">\n<h2 id="cjm-pains-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'report_pains')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-pains-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_pains_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_touchpoint')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_pain')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_source')))
        yield '</th>'
        if (undefined(name='pain_owners') if l_0_pain_owners is missing else l_0_pain_owners):
            pass
            yield '<th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_owner')))
            yield '</th>'
        yield '</tr></thead>\n'
        for (l_1_stage, l_1_found) in (undefined(name='pains') if l_0_pains is missing else l_0_pains):
            _loop_vars = {}
            pass
            yield '<tbody>\n<tr class="cjm-group"><th scope="rowgroup" colspan="'
            yield escape(environment.finalize((4 if (undefined(name='pain_owners') if l_0_pain_owners is missing else l_0_pain_owners) else 3)))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'name')))
            yield '</th></tr>\n'
            for (l_2_tp, l_2_pain) in l_1_found:
                l_2_pain_anchor = resolve('pain_anchor')
                l_2_addressed_by = resolve('addressed_by')
                l_2_source_label = resolve('source_label')
                _loop_vars = {}
                pass
                yield '<tr'
                if environment.getattr(l_2_pain, 'id'):
                    pass
                    yield ' id="'
                    yield escape(environment.finalize(context.call((undefined(name='pain_anchor') if l_2_pain_anchor is missing else l_2_pain_anchor), environment.getattr(l_2_pain, 'id'), _loop_vars=_loop_vars)))
                    yield '"'
                yield '><td>'
                yield escape(environment.finalize(environment.getattr(l_2_tp, 'name')))
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_2_pain, 'text')))
                for l_3_link in context.call((undefined(name='addressed_by') if l_2_addressed_by is missing else l_2_addressed_by), l_2_pain, _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield ' <span class="cjm-tag">'
                    yield escape(environment.finalize(l_3_link))
                    yield '</span>'
                l_3_link = missing
                yield '</td><td>'
                if environment.getattr(l_2_pain, 'source'):
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='source_label') if l_2_source_label is missing else l_2_source_label), environment.getattr(l_2_pain, 'source'), _loop_vars=_loop_vars)))
                else:
                    pass
                    yield '<span class="cjm-muted">'
                    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_none_given', _loop_vars=_loop_vars)))
                    yield '</span>'
                yield '</td>'
                if (undefined(name='pain_owners') if l_0_pain_owners is missing else l_0_pain_owners):
                    pass
                    yield '<td>'
                    yield escape(environment.finalize((environment.getattr(l_2_pain, 'owner') or '')))
                    yield '</td>'
                yield '</tr>\n'
            l_2_tp = l_2_pain = l_2_pain_anchor = l_2_addressed_by = l_2_source_label = missing
            yield '</tbody>\n'
        l_1_stage = l_1_found = missing
        yield '</table>\n</div>\n</section>\n'
    if (undefined(name='kpis') if l_0_kpis is missing else l_0_kpis):
        pass
        yield '<section id="cjm-kpis" aria-labelledby="cjm-kpis-title">\n<h2 id="cjm-kpis-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'row_kpis')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-kpis-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_kpis_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_kpi')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_actual')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_target')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_status')))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_view in (undefined(name='kpis') if l_0_kpis is missing else l_0_kpis):
            _loop_vars = {}
            pass
            yield '<tr data-kpi="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'kpi'), 'id')))
            yield '"><th scope="row">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'kpi'), 'name')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(l_1_view, 'actual')))
            if environment.getattr(l_1_view, 'detail'):
                pass
                yield '<br><span class="cjm-muted">'
                yield escape(environment.finalize(environment.getattr(l_1_view, 'detail')))
                yield '</span>'
            yield '</td><td>'
            if environment.getattr(l_1_view, 'target'):
                pass
                yield escape(environment.finalize(environment.getattr(l_1_view, 'target')))
            else:
                pass
                yield '<span class="cjm-muted">'
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_no_target', _loop_vars=_loop_vars)))
                yield '</span>'
            yield '</td><td>'
            if (environment.getattr(l_1_view, 'status') == 'met'):
                pass
                yield '<span class="cjm-met">✓ '
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'kpi_met', _loop_vars=_loop_vars)))
                yield '</span>'
            elif (environment.getattr(l_1_view, 'status') == 'missed'):
                pass
                yield '<span class="cjm-missed">✗ '
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'kpi_missed', _loop_vars=_loop_vars)))
                yield '</span>'
            else:
                pass
                yield '<span class="cjm-muted">–</span>'
            yield '</td></tr>\n'
        l_1_view = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    if (undefined(name='moments') if l_0_moments is missing else l_0_moments):
        pass
        yield '<section id="cjm-moments" aria-labelledby="cjm-moments-title">\n<h2 id="cjm-moments-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_moments')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-moments-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_moments_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_touchpoint')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_stage')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_why_it_matters')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'lane_emotions')))
        yield '</th></tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_view, l_1_loop in LoopContext((undefined(name='moments') if l_0_moments is missing else l_0_moments), undefined):
            _loop_vars = {}
            pass
            yield '<tr><th scope="row">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'tp'), 'name')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(l_1_view, 'stage')))
            yield '</td><td>'
            yield escape(environment.finalize((environment.getattr(environment.getattr(environment.getattr(l_1_view, 'tp'), 'moment_of_truth'), 'reason') or '')))
            yield '</td><td>'
            def t_12(fiter):
                for l_2_e in fiter:
                    if environment.getattr(l_2_e, 'actual'):
                        yield l_2_e
            l_2_loop = missing
            for l_2_e, l_2_loop in LoopContext(t_12(environment.getattr(l_1_view, 'emotions')), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'label', label=environment.getattr(environment.getattr(l_2_e, 'persona'), 'name'), _loop_vars=_loop_vars)))
                yield ' '
                yield escape(environment.finalize(environment.getattr(l_2_e, 'actual')))
                if environment.getattr(l_2_e, 'word'):
                    pass
                    yield ' “'
                    yield escape(environment.finalize(environment.getattr(l_2_e, 'word')))
                    yield '”'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '<br>'
            l_2_loop = l_2_e = missing
            yield '</td></tr>\n'
        l_1_loop = l_1_view = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    if (undefined(name='fails') if l_0_fails is missing else l_0_fails):
        pass
        yield '<section id="cjm-fails" aria-labelledby="cjm-fails-title">\n<h2 id="cjm-fails-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_fail_points')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-fails-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_fails_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_touchpoint')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_stage')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_lane')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_item')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_how_it_fails')))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_f in (undefined(name='fails') if l_0_fails is missing else l_0_fails):
            _loop_vars = {}
            pass
            yield '<tr data-touchpoint="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_f, 'touchpoint'), 'id')))
            yield '"><th scope="row">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_f, 'touchpoint'), 'name')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_f, 'stage'), 'name')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_f, 'lane'), 'label')))
            yield '</td><td>'
            yield escape(environment.finalize(t_4(context.call(environment.getattr(environment.getattr(l_1_f, 'lane'), 'text_of'), environment.getattr(l_1_f, 'item'), _loop_vars=_loop_vars))))
            yield '</td><td class="cjm-fail">'
            yield escape(environment.finalize(context.call((undefined(name='fail_mark') if l_0_fail_mark is missing else l_0_fail_mark), _loop_vars=_loop_vars)))
            yield escape(environment.finalize(t_4(environment.getattr(l_1_f, 'reason'))))
            yield '</td></tr>\n'
        l_1_f = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    if (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline):
        pass
        yield '<section id="cjm-time" aria-labelledby="cjm-time-title">\n<h2 id="cjm-time-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_time')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-time-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_time_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_touchpoint')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_stage')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_wait_before')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_time')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_elapsed')))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_step in (undefined(name='timeline') if l_0_timeline is missing else l_0_timeline):
            _loop_vars = {}
            pass
            yield '<tr data-touchpoint="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_step, 'touchpoint'), 'id')))
            yield '"><th scope="row">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_step, 'touchpoint'), 'name')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_step, 'stage'), 'name')))
            yield '</td><td>'
            yield escape(environment.finalize((environment.getattr(environment.getattr(environment.getattr(l_1_step, 'touchpoint'), 'wait'), 'text') if environment.getattr(environment.getattr(l_1_step, 'touchpoint'), 'wait') else '')))
            yield '</td><td>'
            yield escape(environment.finalize((environment.getattr(environment.getattr(environment.getattr(l_1_step, 'touchpoint'), 'time'), 'text') if environment.getattr(environment.getattr(l_1_step, 'touchpoint'), 'time') else '')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_step, 'elapsed_text')))
            yield '</td></tr>\n'
        l_1_step = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    if (undefined(name='metrics') if l_0_metrics is missing else l_0_metrics):
        pass
        yield '<section id="cjm-metrics" aria-labelledby="cjm-metrics-title">\n<h2 id="cjm-metrics-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'lane_metrics')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-metrics-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_metrics_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_where')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_metric')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_actual')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_target')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_status')))
        yield '</th></tr></thead>\n<tbody>\n'
        for (l_1_where, l_1_view) in (undefined(name='metrics') if l_0_metrics is missing else l_0_metrics):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(environment.finalize(l_1_where))
            yield '</td><th scope="row">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'kpi'), 'name')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(l_1_view, 'actual')))
            yield '</td><td>'
            if environment.getattr(l_1_view, 'target'):
                pass
                yield escape(environment.finalize(environment.getattr(l_1_view, 'target')))
            else:
                pass
                yield '<span class="cjm-muted">'
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_no_target', _loop_vars=_loop_vars)))
                yield '</span>'
            yield '</td><td>'
            if (environment.getattr(l_1_view, 'status') == 'met'):
                pass
                yield '<span class="cjm-met">✓ '
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'kpi_met', _loop_vars=_loop_vars)))
                yield '</span>'
            elif (environment.getattr(l_1_view, 'status') == 'missed'):
                pass
                yield '<span class="cjm-missed">✗ '
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'kpi_missed', _loop_vars=_loop_vars)))
                yield '</span>'
            else:
                pass
                yield '<span class="cjm-muted">–</span>'
            yield '</td></tr>\n'
        l_1_where = l_1_view = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    if (undefined(name='ranked') if l_0_ranked is missing else l_0_ranked):
        pass
        yield '<section id="cjm-priorities" aria-labelledby="cjm-priorities-title">\n<h2 id="cjm-priorities-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_priorities')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-priorities-title" tabindex="0">\n<table class="cjm-matrix">\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_priorities_caption')))
        yield '</caption>\n<thead><tr><th scope="col"><span class="cjm-muted">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'matrix_corner')))
        yield '</span></th>'
        for (l_1_effort, l_1__) in environment.getitem(environment.getitem((undefined(name='matrix') if l_0_matrix is missing else l_0_matrix), 0), 1):
            _loop_vars = {}
            pass
            yield '<th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), markup_join(('effort_', l_1_effort, )), _loop_vars=_loop_vars)))
            yield '</th>'
        l_1_effort = l_1__ = missing
        yield '</tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for (l_1_impact, l_1_cells), l_1_loop in LoopContext((undefined(name='matrix') if l_0_matrix is missing else l_0_matrix), undefined):
            _loop_vars = {}
            pass
            yield '<tr><th scope="row">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), markup_join(('impact_', l_1_impact, )), _loop_vars=_loop_vars)))
            yield '</th>'
            l_2_loop = missing
            for (l_2_effort, l_2_items), l_2_loop in LoopContext(l_1_cells, undefined):
                _loop_vars = {}
                pass
                yield '<td class="cjm-cell-'
                yield escape(environment.finalize(l_1_impact))
                yield '-'
                yield escape(environment.finalize(l_2_effort))
                yield '">'
                l_3_loop = missing
                for l_3_p, l_3_loop in LoopContext(l_2_items, undefined):
                    _loop_vars = {}
                    pass
                    yield '<span class="cjm-ranked"><strong>'
                    yield escape(environment.finalize(environment.getattr(l_3_p, 'rank')))
                    yield '.</strong> '
                    yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_p, 'item'), 'text')))
                    yield '</span>'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield '<br>'
                l_3_loop = l_3_p = missing
                yield '</td>'
            l_2_loop = l_2_effort = l_2_items = missing
            yield '</tr>\n'
        l_1_loop = l_1_impact = l_1_cells = missing
        yield '</tbody>\n</table>\n</div>\n<ol class="cjm-ranking">\n'
        for l_1_p in (undefined(name='ranked') if l_0_ranked is missing else l_0_ranked):
            _loop_vars = {}
            pass
            yield '<li><strong>'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_p, 'item'), 'text')))
            yield '</strong> <span class="cjm-tag">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'ranked_impact', level=context.call((undefined(name='said') if l_0_said is missing else l_0_said), markup_join(('level_', environment.getattr(l_1_p, 'impact'), )), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '</span> <span class="cjm-tag">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'ranked_effort', level=context.call((undefined(name='said') if l_0_said is missing else l_0_said), markup_join(('level_', environment.getattr(l_1_p, 'effort'), )), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '</span>'
            if environment.getattr(environment.getattr(l_1_p, 'item'), 'owner'):
                pass
                yield ' <span class="cjm-tag">'
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'owner', owner=environment.getattr(environment.getattr(l_1_p, 'item'), 'owner'), _loop_vars=_loop_vars)))
                yield '</span>'
            yield ' <span class="cjm-muted">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), markup_join(('ranked_', t_7(context.eval_ctx, environment.getattr(l_1_p, 'kind'), ' ', '_'), )), where=environment.getattr(l_1_p, 'where'), _loop_vars=_loop_vars)))
            yield '</span></li>\n'
        l_1_p = missing
        yield '</ol>\n</section>\n'
    if (undefined(name='sources') if l_0_sources is missing else l_0_sources):
        pass
        yield '<section id="cjm-sources" aria-labelledby="cjm-sources-title">\n<h2 id="cjm-sources-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_sources')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-sources-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_sources_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_source')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_kind')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_sample')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_collected')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_cited_by')))
        yield '</th></tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_view, l_1_loop in LoopContext((undefined(name='sources') if l_0_sources is missing else l_0_sources), undefined):
            l_1_source = missing
            _loop_vars = {}
            pass
            l_1_source = environment.getattr(l_1_view, 'source')
            _loop_vars['source'] = l_1_source
            yield '<tr data-source="'
            yield escape(environment.finalize(environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'id')))
            yield '"><th scope="row">'
            if environment.getattr(l_1_view, 'link'):
                pass
                yield '<a href="'
                yield escape(environment.finalize(environment.getattr(l_1_view, 'link')))
                yield '" rel="noopener noreferrer">'
                yield escape(environment.finalize(environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'title')))
                yield '</a>'
            else:
                pass
                yield escape(environment.finalize(environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'title')))
                if environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'url'):
                    pass
                    yield '<br><span class="cjm-muted">'
                    yield escape(environment.finalize(environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'url')))
                    yield '</span>'
            yield ' <code>'
            yield escape(environment.finalize(environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'id')))
            yield '</code></th><td>'
            yield escape(environment.finalize(t_1(environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'kind'))))
            yield '</td><td>'
            yield escape(environment.finalize((environment.getattr(l_1_view, 'sample') or '')))
            yield '</td><td>'
            yield escape(environment.finalize((environment.getattr((undefined(name='source') if l_1_source is missing else l_1_source), 'collected') or '')))
            yield '</td><td>'
            l_2_loop = missing
            t_13 = 1
            for l_2_line, l_2_loop in LoopContext(environment.getattr(l_1_view, 'cited_by'), undefined):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(l_2_line))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '<br>'
                t_13 = 0
            l_2_loop = l_2_line = missing
            if t_13:
                pass
                yield '<span class="cjm-muted">'
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'not_cited')))
                yield '</span>'
            yield '</td></tr>\n'
        l_1_loop = l_1_view = l_1_source = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    if environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'actors'):
        pass
        l_0_teams = t_5(context.eval_ctx, t_8(context, environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'actors'), 'team'))
        context.vars['teams'] = l_0_teams
        context.exported_vars.add('teams')
        yield '<section id="cjm-actors" aria-labelledby="cjm-actors-title">\n<h2 id="cjm-actors-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'actors')))
        yield '</h2>\n<div class="cjm-table" role="region" aria-labelledby="cjm-actors-title" tabindex="0">\n<table>\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_actors_caption')))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_actor')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_kind')))
        yield '</th>'
        if (undefined(name='teams') if l_0_teams is missing else l_0_teams):
            pass
            yield '<th scope="col">'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'column_team')))
            yield '</th>'
        yield '</tr></thead>\n<tbody>\n'
        for l_1_actor in environment.getattr((undefined(name='journey') if l_0_journey is missing else l_0_journey), 'actors'):
            _loop_vars = {}
            pass
            yield '<tr><th scope="row">'
            yield escape(environment.finalize(environment.getattr(l_1_actor, 'name')))
            yield '</th><td>'
            yield escape(environment.finalize(t_1(environment.getattr(l_1_actor, 'kind'))))
            yield '</td>'
            if (undefined(name='teams') if l_0_teams is missing else l_0_teams):
                pass
                yield '<td>'
                yield escape(environment.finalize((environment.getattr(l_1_actor, 'team') or '')))
                yield '</td>'
            yield '</tr>\n'
        l_1_actor = missing
        yield '</tbody>\n</table>\n</div>\n</section>\n'
    yield '<div id="cjm-touchpoint-details" hidden>\n'
    for l_1_view in (undefined(name='touchpoints') if l_0_touchpoints is missing else l_0_touchpoints):
        l_1_tp = missing
        _loop_vars = {}
        pass
        l_1_tp = environment.getattr(l_1_view, 'tp')
        _loop_vars['tp'] = l_1_tp
        yield '<div id="cjm-tp-'
        yield escape(environment.finalize(environment.getattr((undefined(name='tp') if l_1_tp is missing else l_1_tp), 'id')))
        yield '">\n<h3 class="cjm-tp-name">'
        yield escape(environment.finalize(environment.getattr((undefined(name='tp') if l_1_tp is missing else l_1_tp), 'name')))
        yield '</h3>\n<p class="cjm-muted">'
        yield escape(environment.finalize(environment.getattr(l_1_view, 'stage')))
        if environment.getattr(l_1_view, 'channel'):
            pass
            yield ' · '
            yield escape(environment.finalize(environment.getattr(l_1_view, 'channel')))
        yield '</p>\n'
        if environment.getattr((undefined(name='tp') if l_1_tp is missing else l_1_tp), 'moment_of_truth'):
            pass
            yield '<p class="cjm-moment">★ '
            if environment.getattr(environment.getattr((undefined(name='tp') if l_1_tp is missing else l_1_tp), 'moment_of_truth'), 'reason'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'moment_of_truth_because', reason=environment.getattr(environment.getattr((undefined(name='tp') if l_1_tp is missing else l_1_tp), 'moment_of_truth'), 'reason'), _loop_vars=_loop_vars)))
            else:
                pass
                yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'moment_of_truth', _loop_vars=_loop_vars)))
            yield '</p>\n'
        if environment.getattr(l_1_view, 'timing'):
            pass
            yield '<p class="cjm-timing"><strong>'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'label', label=context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_time', _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
            yield '</strong> '
            yield escape(environment.finalize(environment.getattr(l_1_view, 'timing')))
            yield '</p>\n'
        if environment.getattr(l_1_view, 'details'):
            pass
            yield '<p class="cjm-linked"><strong>'
            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'label', label=environment.getattr(environment.getattr(l_1_view, 'details'), 'heading'), _loop_vars=_loop_vars)))
            yield '</strong> <a href="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'details'), 'href')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'details'), 'title')))
            yield '</a> ('
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_view, 'details'), 'summary')))
            yield ')</p>\n'
        for (l_2_lane, l_2_items) in environment.getattr(l_1_view, 'lanes'):
            _loop_vars = {}
            pass
            if t_9(environment.getattr(l_2_lane, 'cards')):
                pass
                yield '<h4>'
                yield escape(environment.finalize(environment.getattr(l_2_lane, 'label')))
                yield '</h4>\n<ul class="cjm-emotions">\n'
                for l_3_e in environment.getattr(l_1_view, 'emotions'):
                    l_3_name = missing
                    _loop_vars = {}
                    pass
                    yield '<li class="p'
                    yield escape(environment.finalize(environment.getattr(l_3_e, 'index')))
                    yield '">'
                    yield escape(environment.finalize(environment.getattr(environment.getitem((undefined(name='personas') if l_0_personas is missing else l_0_personas), environment.getattr(l_3_e, 'index')), 'marker')))
                    yield ' '
                    t_14 = []
                    pass
                    t_14.extend((
                        '<strong>',
                        escape(environment.finalize(environment.getattr(environment.getattr(l_3_e, 'persona'), 'name'))),
                        '</strong>',
                    ))
                    l_3_name = (Markup if context.eval_ctx.autoescape else identity)(concat(t_14))
                    _loop_vars['name'] = l_3_name
                    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'label', label=(undefined(name='name') if l_3_name is missing else l_3_name), _loop_vars=_loop_vars)))
                    yield ' '
                    if environment.getattr(l_3_e, 'actual'):
                        pass
                        yield escape(environment.finalize(environment.getattr(l_3_e, 'actual')))
                        if environment.getattr(l_3_e, 'word'):
                            pass
                            yield ' “'
                            yield escape(environment.finalize(environment.getattr(l_3_e, 'word')))
                            yield '”'
                    else:
                        pass
                        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'felt_none', _loop_vars=_loop_vars)))
                    if environment.getattr(l_3_e, 'responses'):
                        pass
                        yield ' <span class="cjm-muted">('
                        yield escape(environment.finalize(environment.getattr(l_3_e, 'responses')))
                        yield ')</span>'
                    if environment.getattr(l_3_e, 'expected'):
                        pass
                        yield '; '
                        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'felt_expected', value=environment.getattr(l_3_e, 'expected'), _loop_vars=_loop_vars)))
                    if environment.getattr(l_3_e, 'gap'):
                        pass
                        yield '; '
                        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'felt_gap', value=environment.getattr(l_3_e, 'gap'), _loop_vars=_loop_vars)))
                    if environment.getattr(l_3_e, 'to_be'):
                        pass
                        yield '; '
                        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'felt_to_be', value=environment.getattr(l_3_e, 'to_be'), _loop_vars=_loop_vars)))
                        if environment.getattr(l_3_e, 'improvement'):
                            pass
                            yield ' ('
                            yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'felt_planned', value=environment.getattr(l_3_e, 'improvement'), _loop_vars=_loop_vars)))
                            yield ')'
                    yield '</li>\n'
                l_3_e = l_3_name = missing
                yield '</ul>\n'
            else:
                pass
                yield '<h4>'
                yield escape(environment.finalize(environment.getattr(l_2_lane, 'label')))
                yield '</h4>\n<ul'
                if environment.getattr(environment.getattr(l_2_lane, 'cards'), 'list_class'):
                    pass
                    yield ' class="'
                    yield escape(environment.finalize(environment.getattr(environment.getattr(l_2_lane, 'cards'), 'list_class')))
                    yield '"'
                yield '>'
                for l_3_item in l_2_items:
                    l_3_step_details = resolve('step_details')
                    _loop_vars = {}
                    pass
                    yield '<li'
                    if environment.getattr(l_2_lane, 'findings'):
                        pass
                        yield ' class="cjm-'
                        yield escape(environment.finalize(environment.getattr(l_2_lane, 'card')))
                        yield '"'
                    yield '>'
                    yield escape(environment.finalize(t_4(context.call(environment.getattr(l_2_lane, 'text_of'), l_3_item, _loop_vars=_loop_vars))))
                    if environment.getattr(l_2_lane, 'findings'):
                        pass
                        yield escape(environment.finalize(context.call((undefined(name='tags') if l_0_tags is missing else l_0_tags), l_3_item, _loop_vars=_loop_vars)))
                    for l_4_detail in context.call((undefined(name='step_details') if l_3_step_details is missing else l_3_step_details), l_3_item, _loop_vars=_loop_vars):
                        _loop_vars = {}
                        pass
                        yield ' <span class="cjm-tag">'
                        yield escape(environment.finalize(l_4_detail))
                        yield '</span>'
                    l_4_detail = missing
                    if (not t_9(context.call(environment.getattr(l_2_lane, 'fail_of'), l_3_item, _loop_vars=_loop_vars))):
                        pass
                        yield ' <span class="cjm-fail">'
                        yield escape(environment.finalize(context.call((undefined(name='fail_mark') if l_0_fail_mark is missing else l_0_fail_mark), _loop_vars=_loop_vars)))
                        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'label', label=context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'fail_point', _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                        yield ' '
                        yield escape(environment.finalize(t_4(context.call(environment.getattr(l_2_lane, 'fail_of'), l_3_item, _loop_vars=_loop_vars))))
                        yield '</span>'
                    yield '</li>'
                l_3_item = l_3_step_details = missing
                yield '</ul>\n'
        l_2_lane = l_2_items = missing
        yield '</div>\n'
    l_1_view = l_1_tp = missing
    yield '</div>\n'
    if (undefined(name='stage_notes') if l_0_stage_notes is missing else l_0_stage_notes):
        pass
        yield '<section id="cjm-stage-notes" aria-labelledby="cjm-stage-notes-title">\n<h2 id="cjm-stage-notes-title">'
        yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'heading_stage_notes')))
        yield '</h2>\n<dl>\n'
        for l_1_stage in (undefined(name='stage_notes') if l_0_stage_notes is missing else l_0_stage_notes):
            _loop_vars = {}
            pass
            yield '<dt>'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'name')))
            yield '</dt>\n'
            for l_2_note in environment.getattr(l_1_stage, 'notes'):
                _loop_vars = {}
                pass
                yield '<dd class="cjm-note">'
                yield escape(environment.finalize(t_4(environment.getattr(l_2_note, 'text'))))
                yield '</dd>\n'
            l_2_note = missing
        l_1_stage = missing
        yield '</dl>\n</section>\n'
    yield '</main>\n<aside id="cjm-details" class="cjm-details" aria-labelledby="cjm-details-title" hidden>\n<div class="cjm-details-bar"><h2 id="cjm-details-title">'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_details')))
    yield '</h2><button type="button" class="cjm-close" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_close')))
    yield '">×</button></div>\n<div class="cjm-details-body"></div>\n</aside>\n<div id="cjm-tooltip" class="cjm-tooltip" role="tooltip" hidden></div>\n<footer class="cjm-footer">\n<p>'
    yield escape(environment.finalize(context.call((undefined(name='said') if l_0_said is missing else l_0_said), 'page_footer')))
    yield '</p>\n</footer>\n<script type="application/json" id="cjm-data">'
    yield escape(environment.finalize((undefined(name='data') if l_0_data is missing else l_0_data)))
    yield '</script>\n<script>'
    yield escape(environment.finalize((undefined(name='script') if l_0_script is missing else l_0_script)))
    yield '</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '2=95&5=104&6=113&7=120&8=127&9=136&10=147&13=160&16=162&18=164&20=166&21=168&24=170&26=172&27=174&28=177&30=179&31=182&33=184&34=188&36=192&38=194&39=197&41=200&42=202&43=205&45=207&46=210&48=212&49=215&51=217&52=220&54=222&55=225&57=227&58=230&60=232&61=235&63=237&64=240&66=242&67=245&69=247&70=250&72=252&73=255&75=257&76=260&82=263&84=266&85=268&87=271&88=277&89=295&96=300&97=302&98=304&100=307&101=309&102=311&103=315&107=325&109=328&110=330&111=334&115=341&116=343&117=346&120=349&121=351&123=353&124=357&125=361&132=365&133=369&134=379&138=409&140=412&142=414&143=418&144=421&145=427&146=433&148=436&149=440&150=442&151=446&156=451&157=455&164=461&166=464&167=466&170=469&171=471&173=481&174=485&180=510&183=513&184=515&186=527&187=531&195=557&197=560&200=562&201=564&202=576&204=580&205=584&206=591&214=627&216=630&219=632&220=634&222=642&223=646&230=682&232=685&235=687&236=689&238=698&239=702&246=731&248=734&251=736&252=738&254=748&255=752&262=767&264=770&267=772&268=774&270=784&271=788&278=802&280=805&283=807&284=809&286=819&287=823&294=854&296=857&299=859&300=861&302=872&303=876&309=905&310=909&315=925&317=928&320=930&321=932&323=943&324=947&325=950&332=995&333=997&335=1001&338=1003&339=1005&341=1015&342=1019&350=1032&351=1036&352=1039&353=1041&354=1043&355=1049&356=1052&358=1059&359=1062&361=1066&362=1069&364=1077&365=1080&366=1083&368=1085&369=1090&373=1144&374=1146&380=1189&382=1192&384=1194&385=1198&386=1200&387=1204&395=1210&400=1214&402=1216&403=1218'