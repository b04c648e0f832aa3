from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'stages.svg.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_language = resolve('language')
    l_0_uid = resolve('uid')
    l_0_title = resolve('title')
    l_0_summary = resolve('summary')
    l_0_text = l_0_marker = l_0_badge = l_0_stage = missing
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
    def macro(l_1_block):
        t_3 = []
        if l_1_block is missing:
            l_1_block = undefined("parameter 'block' was not provided", name='block')
        pass
        t_3.extend((
            '<text x="',
            escape(environment.finalize(t_1(environment.getattr(l_1_block, 'x')))),
            '" font-size="',
            escape(environment.finalize(t_1(environment.getattr(l_1_block, 'size')))),
            '" fill="',
            escape(environment.finalize(environment.getattr(l_1_block, 'color'))),
            '"',
        ))
        if environment.getattr(l_1_block, 'bold'):
            pass
            t_3.append(
                ' font-weight="bold"',
            )
        if environment.getattr(l_1_block, 'italic'):
            pass
            t_3.append(
                ' font-style="italic"',
            )
        if (environment.getattr(l_1_block, 'anchor') != 'start'):
            pass
            t_3.extend((
                ' text-anchor="',
                escape(environment.finalize(environment.getattr(l_1_block, 'anchor'))),
                '"',
            ))
        t_3.append(
            '>',
        )
        l_2_loop = missing
        for l_2_line, l_2_loop in LoopContext(environment.getattr(l_1_block, 'lines'), undefined):
            _loop_vars = {}
            pass
            t_3.extend((
                '<tspan x="',
                escape(environment.finalize(t_1(environment.getattr(l_1_block, 'x')))),
                '" y="',
                escape(environment.finalize(t_1(environment.getitem(environment.getattr(l_1_block, 'baselines'), environment.getattr(l_2_loop, 'index0'))))),
                '">',
                escape(environment.finalize(l_2_line)),
                '</tspan>',
            ))
        l_2_loop = l_2_line = missing
        t_3.append(
            '</text>',
        )
        return concat(t_3)
    context.exported_vars.add('text')
    context.vars['text'] = l_0_text = Macro(environment, macro, 'text', ('block',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_m, l_1_width):
        t_4 = []
        if l_1_m is missing:
            l_1_m = undefined("parameter 'm' was not provided", name='m')
        if l_1_width is missing:
            l_1_width = 1.5
        pass
        if (environment.getattr(l_1_m, 'shape') == 'circle'):
            pass
            t_4.extend((
                '<circle cx="',
                escape(environment.finalize(t_1(environment.getattr(l_1_m, 'x')))),
                '" cy="',
                escape(environment.finalize(t_1(environment.getattr(l_1_m, 'y')))),
                '" r="',
                escape(environment.finalize(t_1(environment.getattr(l_1_m, 'radius')))),
                '" fill="',
                escape(environment.finalize(environment.getattr(l_1_m, 'fill'))),
                '" stroke="',
                escape(environment.finalize(environment.getattr(l_1_m, 'stroke'))),
                '" stroke-width="',
                escape(environment.finalize(l_1_width)),
                '"/>',
            ))
        elif (environment.getattr(l_1_m, 'shape') == 'square'):
            pass
            t_4.extend((
                '<rect x="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'x') - (environment.getattr(l_1_m, 'radius') * 0.9))))),
                '" y="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'y') - (environment.getattr(l_1_m, 'radius') * 0.9))))),
                '" width="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'radius') * 1.8)))),
                '" height="',
                escape(environment.finalize(t_1((environment.getattr(l_1_m, 'radius') * 1.8)))),
                '" fill="',
                escape(environment.finalize(environment.getattr(l_1_m, 'fill'))),
                '" stroke="',
                escape(environment.finalize(environment.getattr(l_1_m, 'stroke'))),
                '" stroke-width="',
                escape(environment.finalize(l_1_width)),
                '"/>',
            ))
        else:
            pass
            t_4.extend((
                '<polygon points="',
                escape(environment.finalize(context.call(environment.getattr(l_1_m, 'polygon')))),
                '" fill="',
                escape(environment.finalize(environment.getattr(l_1_m, 'fill'))),
                '" stroke="',
                escape(environment.finalize(environment.getattr(l_1_m, 'stroke'))),
                '" stroke-width="',
                escape(environment.finalize(l_1_width)),
                '" stroke-linejoin="round"/>',
            ))
        return concat(t_4)
    context.exported_vars.add('marker')
    context.vars['marker'] = l_0_marker = Macro(environment, macro, 'marker', ('m', 'width'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_b):
        t_5 = []
        if l_1_b is missing:
            l_1_b = undefined("parameter 'b' was not provided", name='b')
        pass
        t_5.extend((
            '<g class="cjm-badge cjm-badge-',
            escape(environment.finalize(environment.getattr(l_1_b, 'kind'))),
            '"><circle cx="',
            escape(environment.finalize(t_1(environment.getattr(l_1_b, 'x')))),
            '" cy="',
            escape(environment.finalize(t_1(environment.getattr(l_1_b, 'y')))),
            '" r="',
            escape(environment.finalize(t_1(environment.getattr(l_1_b, 'radius')))),
            '" fill="',
            escape(environment.finalize(environment.getattr(l_1_b, 'fill'))),
            '" stroke="',
            escape(environment.finalize(environment.getattr(l_1_b, 'color'))),
            '" stroke-width="1.4"',
        ))
        if (environment.getattr(l_1_b, 'kind') == 'fail'):
            pass
            t_5.append(
                ' stroke-dasharray="3.2 1.2"',
            )
        t_5.extend((
            '/><path d="',
            escape(environment.finalize(environment.getattr(l_1_b, 'figure'))),
            '" fill="none" stroke="',
            escape(environment.finalize(environment.getattr(l_1_b, 'color'))),
            '" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></g>',
        ))
        return concat(t_5)
    context.exported_vars.add('badge')
    context.vars['badge'] = l_0_badge = Macro(environment, macro, 'badge', ('b',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_s, l_1_v, l_1_radius, l_1_band_opacity):
        t_6 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        if l_1_radius is missing:
            l_1_radius = undefined("parameter 'radius' was not provided", name='radius')
        if l_1_band_opacity is missing:
            l_1_band_opacity = undefined("parameter 'band_opacity' was not provided", name='band_opacity')
        pass
        t_6.extend((
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
            '" fill="',
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_v, 'colors'), 'panel'))),
            '" stroke="',
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_v, 'colors'), 'border'))),
            '"/>\n<rect x="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'x')))),
            '" y="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'y')))),
            '" width="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'width')))),
            '" height="',
            escape(environment.finalize(t_1(environment.getattr(environment.getattr(environment.getattr(l_1_s, 'header'), 'box'), 'height')))),
            '" rx="',
            escape(environment.finalize(t_1(l_1_radius))),
            '" fill="',
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_s, 'header'), 'fill'))),
            '"/>\n',
            escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(environment.getattr(l_1_s, 'header'), 'label')))),
            '\n',
        ))
        for l_2_level in environment.getattr(l_1_s, 'levels'):
            _loop_vars = {}
            pass
            t_6.extend((
                '<rect x="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'x')))),
                '" y="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'y')))),
                '" width="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'width')))),
                '" height="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_level, 'band'), 'height')))),
                '" fill="',
                escape(environment.finalize(environment.getattr(l_2_level, 'band_color'))),
                '" fill-opacity="',
                escape(environment.finalize(l_1_band_opacity)),
                '"/>\n',
            ))
        l_2_level = missing
        for l_2_level in environment.getattr(l_1_s, 'levels'):
            _loop_vars = {}
            pass
            t_6.extend((
                '<line x1="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'plot'), 'x')))),
                '" y1="',
                escape(environment.finalize(t_1(environment.getattr(l_2_level, 'y')))),
                '" x2="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_1_s, 'plot'), 'right')))),
                '" y2="',
                escape(environment.finalize(t_1(environment.getattr(l_2_level, 'y')))),
                '" stroke="',
                escape(environment.finalize(environment.getattr(l_1_v, 'grid_color'))),
                '"',
            ))
            if (environment.getattr(l_2_level, 'value') != 0):
                pass
                t_6.append(
                    ' stroke-dasharray="2 4"',
                )
            t_6.append(
                '/>\n',
            )
        l_2_level = missing
        for l_2_curve in environment.getattr(l_1_s, 'to_be'):
            _loop_vars = {}
            pass
            t_6.extend((
                '<g class="cjm-to-be" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id'))),
                '">\n',
            ))
            for l_3_segment in environment.getattr(l_2_curve, 'segments'):
                _loop_vars = {}
                pass
                t_6.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none" stroke="',
                    escape(environment.finalize(environment.getattr(l_2_curve, 'color'))),
                    '" stroke-width="1.2" stroke-linecap="round"/>\n',
                ))
            l_3_segment = missing
            for l_3_point in environment.getattr(l_2_curve, 'points'):
                _loop_vars = {}
                pass
                t_6.extend((
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), 1.2, _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_3_point = missing
            t_6.append(
                '</g>\n',
            )
        l_2_curve = missing
        for l_2_curve in environment.getattr(l_1_s, 'curves'):
            _loop_vars = {}
            pass
            t_6.extend((
                '<g class="cjm-curve" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id'))),
                '">\n',
            ))
            for l_3_segment in environment.getattr(l_2_curve, 'skipped'):
                _loop_vars = {}
                pass
                t_6.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none" stroke="',
                    escape(environment.finalize(environment.getattr(l_2_curve, 'color'))),
                    '" stroke-width="1.6" stroke-dasharray="0.1 4" stroke-linecap="round" stroke-opacity="0.8"/>\n',
                ))
            l_3_segment = missing
            for l_3_segment in environment.getattr(l_2_curve, 'segments'):
                _loop_vars = {}
                pass
                t_6.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none" stroke="',
                    escape(environment.finalize(environment.getattr(l_2_curve, 'color'))),
                    '" stroke-width="2"',
                ))
                if environment.getattr(l_2_curve, 'dash'):
                    pass
                    t_6.extend((
                        ' stroke-dasharray="',
                        escape(environment.finalize(environment.getattr(l_2_curve, 'dash'))),
                        '"',
                    ))
                else:
                    pass
                    t_6.append(
                        ' stroke-linecap="round"',
                    )
                t_6.append(
                    '/>\n',
                )
            l_3_segment = missing
            for l_3_point in environment.getattr(l_2_curve, 'points'):
                _loop_vars = {}
                pass
                t_6.extend((
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), 1.2, _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_3_point = missing
            t_6.append(
                '</g>\n',
            )
        l_2_curve = missing
        for l_2_fact in environment.getattr(l_1_s, 'facts'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_fact, 'marker'):
                pass
                t_6.extend((
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_2_fact, 'marker'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            if environment.getattr(l_2_fact, 'badge'):
                pass
                t_6.extend((
                    escape(environment.finalize(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), environment.getattr(l_2_fact, 'badge'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            t_6.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_fact, 'text'), _loop_vars=_loop_vars))),
                '\n',
            ))
            if environment.getattr(l_2_fact, 'value'):
                pass
                t_6.extend((
                    escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_fact, 'value'), _loop_vars=_loop_vars))),
                    '\n',
                ))
        l_2_fact = missing
        for l_2_rule in environment.getattr(l_1_s, 'rules'):
            _loop_vars = {}
            pass
            t_6.extend((
                '<line class="cjm-line-',
                escape(environment.finalize(environment.getattr(l_2_rule, 'kind'))),
                '" x1="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'x1')))),
                '" y1="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'y1')))),
                '" x2="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'x2')))),
                '" y2="',
                escape(environment.finalize(t_1(environment.getattr(environment.getattr(l_2_rule, 'line'), 'y2')))),
                '" stroke="',
                escape(environment.finalize(environment.getattr(environment.getattr(l_1_v, 'colors'), 'muted'))),
                '" stroke-width="1.2"',
            ))
            if (environment.getattr(l_2_rule, 'kind') == 'visibility'):
                pass
                t_6.append(
                    ' stroke-dasharray="8 4"',
                )
            elif (environment.getattr(l_2_rule, 'kind') == 'internal'):
                pass
                t_6.append(
                    ' stroke-dasharray="2 3"',
                )
            t_6.append(
                '/>\n',
            )
        l_2_rule = missing
        t_6.append(
            '</g>',
        )
        return concat(t_6)
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
        yield '</desc>\n<rect class="cjm-background" width="100%" height="100%" fill="'
        yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'background')))
        yield '"/>\n<g class="cjm-title">\n'
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
                yield '" stroke="'
                yield escape(environment.finalize(environment.getattr(l_1_entry, 'color')))
                yield '" stroke-width="2.5"'
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
                yield '" fill="'
                yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'colors'), 'panel')))
                yield '" stroke="'
                yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'colors'), 'border')))
                yield '"/>\n'
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
                        yield '" fill="none" stroke="'
                        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_kpi, 'target'), 'color')))
                        yield '" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>\n'
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_kpi, 'target'), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '</g>\n'
            l_1_kpi = l_1_radius = missing
            yield '</g>\n'
        yield '</svg>\n'

blocks = {}
debug_info = '3=29&4=36&5=43&6=48&7=53&8=64&11=83&12=90&13=94&14=107&15=111&17=130&20=142&21=149&23=177&24=190&25=192&26=206&27=218&28=221&29=226&31=240&32=245&34=265&35=270&36=273&37=278&39=284&40=288&44=296&45=301&46=304&47=309&49=315&50=320&52=341&53=345&57=353&58=356&59=359&61=362&62=365&64=369&65=372&66=375&69=379&70=384&74=417&75=420&76=440&77=444&78=448&80=450&81=452&82=454&84=456&85=459&88=463&90=466&91=470&92=472&93=488&94=490&100=495&101=500&104=504&106=507&109=509&111=512&112=517&113=519&114=533&115=535&116=537&117=539&119=541&120=543&121=546&123=550'