from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'stages.svg.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_stylesheet = resolve('stylesheet')
    l_0_uid = resolve('uid')
    l_0_language = resolve('language')
    l_0_title = resolve('title')
    l_0_summary = resolve('summary')
    l_0_paint = resolve('paint')
    l_0_text = resolve('text')
    l_0_marker = l_0_badge = l_0_stage = missing
    try:
        t_1 = environment.filters['n']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'n' found.")
    try:
        t_2 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    def macro(l_1_m, l_1_width):
        t_3 = []
        if l_1_m is missing:
            l_1_m = undefined("parameter 'm' was not provided", name='m')
        if l_1_width is missing:
            l_1_width = 1.5
        pass
        if (environment.getattr(l_1_m, 'shape') == 'circle'):
            pass
            t_3.extend((
                '<circle cx="',
                escape(environment.finalize(t_1(environment.getattr(l_1_m, 'x')))),
                '" cy="',
                escape(environment.finalize(t_1(environment.getattr(l_1_m, 'y')))),
                '" r="',
                escape(environment.finalize(t_1(environment.getattr(l_1_m, 'radius')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_m, 'fill'), stroke=environment.getattr(l_1_m, 'stroke')))),
                ' stroke-width="',
                escape(environment.finalize(l_1_width)),
                '"/>',
            ))
        elif (environment.getattr(l_1_m, 'shape') == 'square'):
            pass
            t_3.extend((
                '<rect x="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'x') - (environment.getattr(l_1_m, 'radius') * 0.9))))),
                '" y="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'y') - (environment.getattr(l_1_m, 'radius') * 0.9))))),
                '" width="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'radius') * 1.8)))),
                '" height="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'radius') * 1.8)))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_m, 'fill'), stroke=environment.getattr(l_1_m, 'stroke')))),
                ' stroke-width="',
                escape(environment.finalize(l_1_width)),
                '"/>',
            ))
        else:
            pass
            t_3.extend((
                '<polygon points="',
                escape(environment.finalize(context.call(environment.getattr(l_1_m, 'polygon')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_m, 'fill'), stroke=environment.getattr(l_1_m, 'stroke')))),
                ' stroke-width="',
                escape(environment.finalize(l_1_width)),
                '" stroke-linejoin="round"/>',
            ))
        return concat(t_3)
    context.exported_vars.add('marker')
    context.vars['marker'] = l_0_marker = Macro(environment, macro, 'marker', ('m', 'width'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_b):
        t_4 = []
        if l_1_b is missing:
            l_1_b = undefined("parameter 'b' was not provided", name='b')
        pass
        t_4.extend((
            '<g class="cjm-badge cjm-badge-',
            escape(environment.finalize(environment.getattr(l_1_b, 'kind'))),
            '"><circle cx="',
            escape(environment.finalize(t_1(environment.getattr(l_1_b, 'x')))),
            '" cy="',
            escape(environment.finalize(t_1(environment.getattr(l_1_b, 'y')))),
            '" r="',
            escape(environment.finalize(t_1(environment.getattr(l_1_b, 'radius')))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_b, 'fill'), stroke=environment.getattr(l_1_b, 'color')))),
            ' stroke-width="1.4"',
        ))
        if (environment.getattr(l_1_b, 'kind') == 'fail'):
            pass
            t_4.append(
                ' stroke-dasharray="3.2 1.2"',
            )
        t_4.extend((
            '/><path d="',
            escape(environment.finalize(environment.getattr(l_1_b, 'figure'))),
            '" fill="none"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_b, 'color')))),
            ' stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></g>',
        ))
        return concat(t_4)
    context.exported_vars.add('badge')
    context.vars['badge'] = l_0_badge = Macro(environment, macro, 'badge', ('b',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_s, l_1_v, l_1_radius, l_1_band_opacity):
        t_5 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        if l_1_radius is missing:
            l_1_radius = undefined("parameter 'radius' was not provided", name='radius')
        if l_1_band_opacity is missing:
            l_1_band_opacity = undefined("parameter 'band_opacity' was not provided", name='band_opacity')
        pass
        t_5.extend((
            '<g class="cjm-stage-summary" data-stage="',
            escape(environment.finalize(environment.getattr(l_1_s, 'stage_id'))),
            '">\n<rect x="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'box'), 'x')))),
            '" y="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'box'), 'y')))),
            '" width="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'box'), 'width')))),
            '" height="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'box'), 'height')))),
            '" rx="',
            escape(environment.finalize(t_1(l_1_radius))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr(l_1_v, 'colors'), 'panel'), stroke=environment.getattr(environment.getattr(l_1_v, 'colors'), 'border')))),
            '/>\n<rect x="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'x')))),
            '" y="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'y')))),
            '" width="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'width')))),
            '" height="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'height')))),
            '" rx="',
            escape(environment.finalize(t_1(l_1_radius))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr(l_1_s, 'header'), 'fill')))),
            '/>\n',
            escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(environment.getattr(l_1_s, 'header'), 'label')))),
            '\n',
        ))
        for l_2_level in environment.getattr(l_1_s, 'levels'):
            _loop_vars = {}
            pass
            t_5.extend((
                '<rect x="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'x')))),
                '" y="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'y')))),
                '" width="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'width')))),
                '" height="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'height')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_level, 'band_color'), fill_opacity=l_1_band_opacity, _loop_vars=_loop_vars))),
                '/>\n',
            ))
        l_2_level = missing
        for l_2_level in environment.getattr(l_1_s, 'levels'):
            _loop_vars = {}
            pass
            t_5.extend((
                '<line x1="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'plot'), 'x')))),
                '" y1="',
                escape(environment.finalize(t_1(environment.getattr(l_2_level, 'y')))),
                '" x2="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'plot'), 'right')))),
                '" y2="',
                escape(environment.finalize(t_1(environment.getattr(l_2_level, 'y')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_v, 'grid_color'), _loop_vars=_loop_vars))),
            ))
            if (environment.getattr(l_2_level, 'value') != 0):
                pass
                t_5.append(
                    ' stroke-dasharray="2 4"',
                )
            t_5.append(
                '/>\n',
            )
        l_2_level = missing
        for l_2_curve in environment.getattr(l_1_s, 'to_be'):
            _loop_vars = {}
            pass
            t_5.extend((
                '<g class="cjm-to-be" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id'))),
                '">\n',
            ))
            for l_3_segment in environment.getattr(l_2_curve, 'segments'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), _loop_vars=_loop_vars))),
                    ' stroke-width="1.2" stroke-linecap="round"/>\n',
                ))
            l_3_segment = missing
            for l_3_point in environment.getattr(l_2_curve, 'points'):
                _loop_vars = {}
                pass
                t_5.extend((
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), 1.2, _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_3_point = missing
            t_5.append(
                '</g>\n',
            )
        l_2_curve = missing
        for l_2_curve in environment.getattr(l_1_s, 'curves'):
            _loop_vars = {}
            pass
            t_5.extend((
                '<g class="cjm-curve" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id'))),
                '">\n',
            ))
            for l_3_segment in environment.getattr(l_2_curve, 'skipped'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), _loop_vars=_loop_vars))),
                    ' stroke-width="1.6" stroke-dasharray="0.1 4" stroke-linecap="round" stroke-opacity="0.8"/>\n',
                ))
            l_3_segment = missing
            for l_3_segment in environment.getattr(l_2_curve, 'segments'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), _loop_vars=_loop_vars))),
                    ' stroke-width="2"',
                ))
                if environment.getattr(l_2_curve, 'dash'):
                    pass
                    t_5.extend((
                        ' stroke-dasharray="',
                        escape(environment.finalize(environment.getattr(l_2_curve, 'dash'))),
                        '"',
                    ))
                else:
                    pass
                    t_5.append(
                        ' stroke-linecap="round"',
                    )
                t_5.append(
                    '/>\n',
                )
            l_3_segment = missing
            for l_3_point in environment.getattr(l_2_curve, 'points'):
                _loop_vars = {}
                pass
                t_5.extend((
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), 1.2, _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_3_point = missing
            t_5.append(
                '</g>\n',
            )
        l_2_curve = missing
        for l_2_fact in environment.getattr(l_1_s, 'facts'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_fact, 'marker'):
                pass
                t_5.extend((
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_2_fact, 'marker'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            if environment.getattr(l_2_fact, 'badge'):
                pass
                t_5.extend((
                    escape(environment.finalize(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), environment.getattr(l_2_fact, 'badge'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            t_5.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_fact, 'text'), _loop_vars=_loop_vars))),
                '\n',
            ))
            if environment.getattr(l_2_fact, 'value'):
                pass
                t_5.extend((
                    escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_fact, 'value'), _loop_vars=_loop_vars))),
                    '\n',
                ))
        l_2_fact = missing
        for l_2_rule in environment.getattr(l_1_s, 'rules'):
            _loop_vars = {}
            pass
            t_5.extend((
                '<line x1="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'x1')))),
                '" y1="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'y1')))),
                '" x2="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'x2')))),
                '" y2="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'y2')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr(l_1_v, 'colors'), 'muted'), classes=markup_join(('cjm-line-', environment.getattr(l_2_rule, 'kind'), )), _loop_vars=_loop_vars))),
                ' stroke-width="1.2"',
            ))
            if (environment.getattr(l_2_rule, 'kind') == 'visibility'):
                pass
                t_5.append(
                    ' stroke-dasharray="8 4"',
                )
            elif (environment.getattr(l_2_rule, 'kind') == 'internal'):
                pass
                t_5.append(
                    ' stroke-dasharray="2 3"',
                )
            t_5.append(
                '/>\n',
            )
        l_2_rule = missing
        t_5.append(
            '</g>',
        )
        return concat(t_5)
    context.exported_vars.add('stage')
    context.vars['stage'] = l_0_stage = Macro(environment, macro, 'stage', ('s', 'v', 'radius', 'band_opacity'), False, False, False, context.eval_ctx.autoescape)
    if t_2((undefined(name='v') if l_0_v is missing else l_0_v)):
        pass
        yield '<svg xmlns="http://www.w3.org/2000/svg" width="'
        yield escape(environment.finalize(t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'width'))))
        yield '" height="'
        yield escape(environment.finalize(t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'height'))))
        yield '" viewBox="0 0 '
        yield escape(environment.finalize(t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'width'))))
        yield ' '
        yield escape(environment.finalize(t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'height'))))
        yield '" role="img"'
        if (undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet):
            pass
            yield ' id="'
            yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
            yield '"'
        if (context.call((undefined(name='language') if l_0_language is missing else l_0_language)) != 'en'):
            pass
            yield ' lang="'
            yield escape(environment.finalize(context.call((undefined(name='language') if l_0_language is missing else l_0_language))))
            yield '"'
        yield ' aria-labelledby="'
        yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
        yield '-title '
        yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
        yield '-desc" font-family="'
        yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'font_family')))
        yield '">\n<title id="'
        yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
        yield '-title">'
        yield escape(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))
        yield '</title>\n<desc id="'
        yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
        yield '-desc">'
        yield escape(environment.finalize((undefined(name='summary') if l_0_summary is missing else l_0_summary)))
        yield '</desc>\n<rect width="100%" height="100%"'
        yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'background'), classes='cjm-background')))
        yield '/>\n<g class="cjm-title">\n'
        yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'title'))))
        yield '\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'description'):
            pass
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'description'))))
            yield '\n'
        for l_1_detail in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'details'):
            _loop_vars = {}
            pass
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_1_detail, _loop_vars=_loop_vars)))
            yield '\n'
        l_1_detail = missing
        yield '</g>\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'legend'):
            pass
            yield '<g class="cjm-legend">\n'
            for l_1_entry in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'legend'):
                _loop_vars = {}
                pass
                yield '<g data-persona="'
                yield escape(environment.finalize(environment.getattr(l_1_entry, 'persona_id')))
                yield '">\n<line x1="'
                yield escape(environment.finalize(t_1(environment.getattr(l_1_entry, 'line_from'))))
                yield '" y1="'
                yield escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_entry, 'marker'), 'y'))))
                yield '" x2="'
                yield escape(environment.finalize(t_1(environment.getattr(l_1_entry, 'line_to'))))
                yield '" y2="'
                yield escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_entry, 'marker'), 'y'))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_entry, 'color'), _loop_vars=_loop_vars)))
                yield ' stroke-width="2.5"'
                if environment.getattr(l_1_entry, 'dash'):
                    pass
                    yield ' stroke-dasharray="'
                    yield escape(environment.finalize(environment.getattr(l_1_entry, 'dash')))
                    yield '"'
                yield '/>\n'
                yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_1_entry, 'marker'), 2, _loop_vars=_loop_vars)))
                yield '\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_entry, 'label'), _loop_vars=_loop_vars)))
                yield '\n</g>\n'
            l_1_entry = missing
            yield '</g>\n'
        yield '<g class="cjm-stages-view">\n'
        for l_1_s in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'stages'):
            l_1_radius = resolve('radius')
            l_1_band_opacity = resolve('band_opacity')
            _loop_vars = {}
            pass
            yield escape(environment.finalize(context.call((undefined(name='stage') if l_0_stage is missing else l_0_stage), l_1_s, (undefined(name='v') if l_0_v is missing else l_0_v), (undefined(name='radius') if l_1_radius is missing else l_1_radius), (undefined(name='band_opacity') if l_1_band_opacity is missing else l_1_band_opacity), _loop_vars=_loop_vars)))
            yield '\n'
        l_1_s = l_1_radius = l_1_band_opacity = missing
        yield '</g>\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'kpi_label'):
            pass
            yield '<g class="cjm-row-labels">\n'
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'kpi_label'))))
            yield '\n</g>\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'kpis'):
            pass
            yield '<g class="cjm-kpis">\n'
            for l_1_kpi in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'kpis'):
                l_1_radius = resolve('radius')
                _loop_vars = {}
                pass
                yield '<g data-kpi="'
                yield escape(environment.finalize(environment.getattr(l_1_kpi, 'kpi_id')))
                yield '">\n<rect x="'
                yield escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'x'))))
                yield '" y="'
                yield escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'y'))))
                yield '" width="'
                yield escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'width'))))
                yield '" height="'
                yield escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'height'))))
                yield '" rx="'
                yield escape(environment.finalize(t_1((undefined(name='radius') if l_1_radius is missing else l_1_radius))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'colors'), 'panel'), stroke=environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'colors'), 'border'), _loop_vars=_loop_vars)))
                yield '/>\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_kpi, 'name'), _loop_vars=_loop_vars)))
                yield '\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_kpi, 'value'), _loop_vars=_loop_vars)))
                yield '\n'
                if environment.getattr(l_1_kpi, 'detail'):
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_kpi, 'detail'), _loop_vars=_loop_vars)))
                    yield '\n'
                if environment.getattr(l_1_kpi, 'target'):
                    pass
                    if environment.getattr(l_1_kpi, 'status_mark'):
                        pass
                        yield '<path d="'
                        yield escape(environment.finalize(environment.getattr(l_1_kpi, 'status_mark')))
                        yield '" fill="none"'
                        yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr(l_1_kpi, 'target'), 'color'), _loop_vars=_loop_vars)))
                        yield ' stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>\n'
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_kpi, 'target'), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '</g>\n'
            l_1_kpi = l_1_radius = missing
            yield '</g>\n'
        if (undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet):
            pass
            yield '<style>'
            yield escape(environment.finalize(context.call((undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet))))
            yield '</style>\n'
        yield '</svg>\n'

blocks = {}
debug_info = '4=32&5=39&6=43&7=54&8=58&10=75&13=85&14=92&16=118&17=131&18=133&19=145&20=157&21=160&22=165&24=177&25=182&27=201&28=206&29=209&30=214&32=220&33=224&37=232&38=237&39=240&40=245&42=251&43=256&45=277&46=281&50=289&51=292&52=295&54=298&55=301&57=305&58=308&59=311&62=315&63=320&67=351&68=354&69=379&70=383&71=387&73=389&74=391&75=393&77=395&78=398&81=402&83=405&84=409&85=411&86=427&87=429&93=434&94=439&97=443&99=446&102=448&104=451&105=456&106=458&107=470&108=472&109=474&110=476&112=478&113=480&114=483&116=487&122=492&123=495'