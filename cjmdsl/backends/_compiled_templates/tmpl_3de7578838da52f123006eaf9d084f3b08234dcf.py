from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'map.svg.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_g = resolve('g')
    l_0_stylesheet = resolve('stylesheet')
    l_0_uid = resolve('uid')
    l_0_language = resolve('language')
    l_0_title = resolve('title')
    l_0_summary = resolve('summary')
    l_0_drawing_id = resolve('drawing_id')
    l_0_paint = resolve('paint')
    l_0_text = resolve('text')
    l_0_overlay = resolve('overlay')
    l_0_skipped_style = l_0_rule = l_0_marker = l_0_icon = l_0_evidence = l_0_actor_mark = l_0_badge = l_0_marked = l_0_emotion_states = l_0_to_be_words = l_0_diff_ghosts = l_0_diff_marks = l_0_row_labels = l_0_blueprint_line = missing
    try:
        t_1 = environment.filters['first']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'first' found.")
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
        t_4 = environment.filters['linked']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'linked' found.")
    try:
        t_5 = environment.filters['max']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'max' found.")
    try:
        t_6 = environment.filters['n']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'n' found.")
    try:
        t_7 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_8 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    l_0_skipped_style = Markup(' stroke-width="2" stroke-dasharray="0.1 5" stroke-linecap="round" stroke-opacity="0.8"')
    context.vars['skipped_style'] = l_0_skipped_style
    context.exported_vars.add('skipped_style')
    def macro(l_1_line):
        t_9 = []
        if l_1_line is missing:
            l_1_line = undefined("parameter 'line' was not provided", name='line')
        pass
        t_9.extend((
            '<line x1="',
            escape(environment.finalize(t_6(environment.getattr(l_1_line, 'x1')))),
            '" y1="',
            escape(environment.finalize(t_6(environment.getattr(l_1_line, 'y1')))),
            '" x2="',
            escape(environment.finalize(t_6(environment.getattr(l_1_line, 'x2')))),
            '" y2="',
            escape(environment.finalize(t_6(environment.getattr(l_1_line, 'y2')))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'grid_color')))),
            '/>',
        ))
        return concat(t_9)
    context.exported_vars.add('rule')
    context.vars['rule'] = l_0_rule = Macro(environment, macro, 'rule', ('line',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_m):
        t_10 = []
        if l_1_m is missing:
            l_1_m = undefined("parameter 'm' was not provided", name='m')
        pass
        if (environment.getattr(l_1_m, 'shape') == 'circle'):
            pass
            t_10.extend((
                '<circle cx="',
                escape(environment.finalize(t_6(environment.getattr(l_1_m, 'x')))),
                '" cy="',
                escape(environment.finalize(t_6(environment.getattr(l_1_m, 'y')))),
                '" r="',
                escape(environment.finalize(t_6(environment.getattr(l_1_m, 'radius')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_m, 'fill'), stroke=environment.getattr(l_1_m, 'stroke')))),
                ' stroke-width="2"/>',
            ))
        elif (environment.getattr(l_1_m, 'shape') == 'square'):
            pass
            t_10.extend((
                '<rect x="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') - (environment.getattr(l_1_m, 'radius') * 0.9))))),
                '" y="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') - (environment.getattr(l_1_m, 'radius') * 0.9))))),
                '" width="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'radius') * 1.8)))),
                '" height="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'radius') * 1.8)))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_m, 'fill'), stroke=environment.getattr(l_1_m, 'stroke')))),
                ' stroke-width="2"/>',
            ))
        else:
            pass
            t_10.extend((
                '<polygon points="',
                escape(environment.finalize(context.call(environment.getattr(l_1_m, 'polygon')))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_m, 'fill'), stroke=environment.getattr(l_1_m, 'stroke')))),
                ' stroke-width="2" stroke-linejoin="round"/>',
            ))
        return concat(t_10)
    context.exported_vars.add('marker')
    context.vars['marker'] = l_0_marker = Macro(environment, macro, 'marker', ('m',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_i):
        t_11 = []
        l_1_icons = resolve('icons')
        if l_1_i is missing:
            l_1_i = undefined("parameter 'i' was not provided", name='i')
        pass
        t_11.extend((
            '<g transform="translate(',
            escape(environment.finalize(t_6(environment.getattr(l_1_i, 'x')))),
            ' ',
            escape(environment.finalize(t_6(environment.getattr(l_1_i, 'y')))),
            ') scale(',
            escape(environment.finalize(t_6((environment.getattr(l_1_i, 'size') / 24)))),
            ')" fill="none"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_i, 'color')))),
            ' stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">',
            escape(environment.finalize(t_7(environment.getitem((undefined(name='icons') if l_1_icons is missing else l_1_icons), environment.getattr(l_1_i, 'channel'))))),
            '</g>',
        ))
        return concat(t_11)
    context.exported_vars.add('icon')
    context.vars['icon'] = l_0_icon = Macro(environment, macro, 'icon', ('i',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_mark):
        t_12 = []
        if l_1_mark is missing:
            l_1_mark = undefined("parameter 'mark' was not provided", name='mark')
        pass
        t_12.extend((
            '<g class="cjm-evidence cjm-evidence-',
            escape(environment.finalize(environment.getattr(l_1_mark, 'level'))),
            '"><title>',
            escape(environment.finalize(environment.getattr(l_1_mark, 'label'))),
            '</title><circle cx="',
            escape(environment.finalize(t_6(environment.getattr(l_1_mark, 'x')))),
            '" cy="',
            escape(environment.finalize(t_6(environment.getattr(l_1_mark, 'y')))),
            '" r="',
            escape(environment.finalize(t_6(environment.getattr(l_1_mark, 'radius')))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_mark, 'fill'), stroke=environment.getattr(l_1_mark, 'color')))),
            ' stroke-width="1.5"',
        ))
        if (environment.getattr(l_1_mark, 'level') == 'none'):
            pass
            t_12.append(
                ' stroke-dasharray="2 2"',
            )
        t_12.append(
            '/>',
        )
        if (environment.getattr(l_1_mark, 'level') == 'one'):
            pass
            t_12.extend((
                '<circle cx="',
                escape(environment.finalize(t_6(environment.getattr(l_1_mark, 'x')))),
                '" cy="',
                escape(environment.finalize(t_6(environment.getattr(l_1_mark, 'y')))),
                '" r="',
                escape(environment.finalize(t_6((environment.getattr(l_1_mark, 'radius') / 2)))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_mark, 'color')))),
                '/>',
            ))
        t_12.append(
            '</g>',
        )
        return concat(t_12)
    context.exported_vars.add('evidence')
    context.vars['evidence'] = l_0_evidence = Macro(environment, macro, 'evidence', ('mark',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_m):
        t_13 = []
        l_1_u = missing
        if l_1_m is missing:
            l_1_m = undefined("parameter 'm' was not provided", name='m')
        pass
        l_1_u = (environment.getattr(l_1_m, 'size') / 10)
        t_13.extend((
            '<g fill="none"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_m, 'color'), classes=markup_join(('cjm-actor-', environment.getattr(l_1_m, 'kind'), ))))),
            ' stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round">',
        ))
        if (environment.getattr(l_1_m, 'kind') == 'system'):
            pass
            t_13.extend((
                '<rect x="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (0.5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" y="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (1 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" width="',
                escape(environment.finalize(t_6((9 * (undefined(name='u') if l_1_u is missing else l_1_u))))),
                '" height="',
                escape(environment.finalize(t_6((6 * (undefined(name='u') if l_1_u is missing else l_1_u))))),
                '" rx="',
                escape(environment.finalize(t_6((undefined(name='u') if l_1_u is missing else l_1_u)))),
                '"/><path d="M',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (3 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (9.5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                'H',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (7 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                'M',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (7 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                'V',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (9.5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '"/>',
            ))
        elif (environment.getattr(l_1_m, 'kind') == 'partner'):
            pass
            t_13.extend((
                '<circle cx="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (3.5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" cy="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" r="',
                escape(environment.finalize(t_6((3 * (undefined(name='u') if l_1_u is missing else l_1_u))))),
                '"/><circle cx="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (6.5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" cy="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" r="',
                escape(environment.finalize(t_6((3 * (undefined(name='u') if l_1_u is missing else l_1_u))))),
                '"/>',
            ))
        else:
            pass
            t_13.extend((
                '<circle cx="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" cy="',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (3 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '" r="',
                escape(environment.finalize(t_6((2.2 * (undefined(name='u') if l_1_u is missing else l_1_u))))),
                '"/><path d="M',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (1 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (10 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                'C',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (1 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (6 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (9 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (6 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (9 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                ' ',
                escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (10 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                '"/>',
            ))
            if (environment.getattr(l_1_m, 'kind') == 'team'):
                pass
                t_13.extend((
                    '<circle cx="',
                    escape(environment.finalize(t_6((environment.getattr(l_1_m, 'x') + (9 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                    '" cy="',
                    escape(environment.finalize(t_6((environment.getattr(l_1_m, 'y') + (2.5 * (undefined(name='u') if l_1_u is missing else l_1_u)))))),
                    '" r="',
                    escape(environment.finalize(t_6((1.5 * (undefined(name='u') if l_1_u is missing else l_1_u))))),
                    '"/>',
                ))
        t_13.append(
            '</g>',
        )
        return concat(t_13)
    context.exported_vars.add('actor_mark')
    context.vars['actor_mark'] = l_0_actor_mark = Macro(environment, macro, 'actor_mark', ('m',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_b):
        t_14 = []
        if l_1_b is missing:
            l_1_b = undefined("parameter 'b' was not provided", name='b')
        pass
        t_14.extend((
            '<g class="cjm-badge cjm-badge-',
            escape(environment.finalize(environment.getattr(l_1_b, 'kind'))),
            '"><circle cx="',
            escape(environment.finalize(t_6(environment.getattr(l_1_b, 'x')))),
            '" cy="',
            escape(environment.finalize(t_6(environment.getattr(l_1_b, 'y')))),
            '" r="',
            escape(environment.finalize(t_6(environment.getattr(l_1_b, 'radius')))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_1_b, 'fill'), stroke=environment.getattr(l_1_b, 'color')))),
            ' stroke-width="1.4"',
        ))
        if (environment.getattr(l_1_b, 'kind') == 'fail'):
            pass
            t_14.append(
                ' stroke-dasharray="3.2 1.2"',
            )
        t_14.extend((
            '/><path d="',
            escape(environment.finalize(environment.getattr(l_1_b, 'figure'))),
            '" fill="none"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_b, 'color')))),
            ' stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></g>',
        ))
        return concat(t_14)
    context.exported_vars.add('badge')
    context.vars['badge'] = l_0_badge = Macro(environment, macro, 'badge', ('b',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_m):
        t_15 = []
        if l_1_m is missing:
            l_1_m = undefined("parameter 'm' was not provided", name='m')
        pass
        t_15.extend((
            escape(environment.finalize(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), environment.getattr(l_1_m, 'badge')))),
            '\n',
            escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_m, 'label')))),
        ))
        return concat(t_15)
    context.exported_vars.add('marked')
    context.vars['marked'] = l_0_marked = Macro(environment, macro, 'marked', ('m',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_lane):
        t_16 = []
        if l_1_lane is missing:
            l_1_lane = undefined("parameter 'lane' was not provided", name='lane')
        pass
        for l_2_bar in environment.getattr(l_1_lane, 'spreads'):
            _loop_vars = {}
            pass
            t_16.extend((
                '<g class="cjm-spread" data-touchpoint="',
                escape(environment.finalize(environment.getattr(l_2_bar, 'touchpoint_id'))),
                '" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_bar, 'persona_id'))),
                '"><title>',
                escape(environment.finalize(environment.getattr(l_2_bar, 'label'))),
                '</title><path d="M',
                escape(environment.finalize(t_6(environment.getattr(l_2_bar, 'x')))),
                ' ',
                escape(environment.finalize(t_6(environment.getattr(l_2_bar, 'top')))),
                'V',
                escape(environment.finalize(t_6(environment.getattr(l_2_bar, 'bottom')))),
                'M',
                escape(environment.finalize(t_6((environment.getattr(l_2_bar, 'x') - environment.getattr(l_2_bar, 'cap'))))),
                ' ',
                escape(environment.finalize(t_6(environment.getattr(l_2_bar, 'top')))),
                'H',
                escape(environment.finalize(t_6((environment.getattr(l_2_bar, 'x') + environment.getattr(l_2_bar, 'cap'))))),
                'M',
                escape(environment.finalize(t_6((environment.getattr(l_2_bar, 'x') - environment.getattr(l_2_bar, 'cap'))))),
                ' ',
                escape(environment.finalize(t_6(environment.getattr(l_2_bar, 'bottom')))),
                'H',
                escape(environment.finalize(t_6((environment.getattr(l_2_bar, 'x') + environment.getattr(l_2_bar, 'cap'))))),
                '" fill="none"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_bar, 'color'), _loop_vars=_loop_vars))),
                ' stroke-width="1.5" stroke-linecap="round"/></g>\n',
            ))
        l_2_bar = missing
        for l_2_curve in environment.getattr(l_1_lane, 'to_be'):
            _loop_vars = {}
            pass
            t_16.extend((
                '<g class="cjm-to-be" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id'))),
                '">\n',
            ))
            for l_3_strokes in environment.getattr(l_2_curve, 'hatch'):
                _loop_vars = {}
                pass
                t_16.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_strokes)),
                    '" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-improvement', _loop_vars=_loop_vars))),
                    ' stroke-width="0.8"/>\n',
                ))
            l_3_strokes = missing
            for l_3_segment in environment.getattr(l_2_curve, 'segments'):
                _loop_vars = {}
                pass
                t_16.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), _loop_vars=_loop_vars))),
                    ' stroke-width="1.4" stroke-linecap="round"/>\n',
                ))
            l_3_segment = missing
            for l_3_point in environment.getattr(l_2_curve, 'points'):
                _loop_vars = {}
                pass
                t_16.extend((
                    '<g data-touchpoint="',
                    escape(environment.finalize(environment.getattr(l_3_point, 'touchpoint_id'))),
                    '">',
                    escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), _loop_vars=_loop_vars))),
                    '</g>\n',
                ))
            l_3_point = missing
            t_16.append(
                '</g>\n',
            )
        l_2_curve = missing
        return concat(t_16)
    context.exported_vars.add('emotion_states')
    context.vars['emotion_states'] = l_0_emotion_states = Macro(environment, macro, 'emotion_states', ('lane',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_lane):
        t_17 = []
        if l_1_lane is missing:
            l_1_lane = undefined("parameter 'lane' was not provided", name='lane')
        pass
        def t_18(fiter):
            for l_2_curve in fiter:
                if (environment.getattr(l_2_curve, 'label') or t_1(environment, t_8(context, environment.getattr(l_2_curve, 'points'), 'word'))):
                    yield l_2_curve
        for l_2_curve in t_18(environment.getattr(l_1_lane, 'to_be')):
            _loop_vars = {}
            pass
            t_17.extend((
                '<g class="cjm-to-be-words" data-persona="',
                escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id'))),
                '">\n',
            ))
            def t_19(fiter):
                for l_3_point in fiter:
                    if environment.getattr(l_3_point, 'word'):
                        yield l_3_point
            for l_3_point in t_19(environment.getattr(l_2_curve, 'points')):
                _loop_vars = {}
                pass
                t_17.extend((
                    '<g data-touchpoint="',
                    escape(environment.finalize(environment.getattr(l_3_point, 'touchpoint_id'))),
                    '">',
                    escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_3_point, 'word'), halo=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), _loop_vars=_loop_vars))),
                    '</g>\n',
                ))
            l_3_point = missing
            if environment.getattr(l_2_curve, 'label'):
                pass
                t_17.extend((
                    escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_curve, 'label'), halo=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            t_17.append(
                '</g>\n',
            )
        l_2_curve = missing
        return concat(t_17)
    context.exported_vars.add('to_be_words')
    context.vars['to_be_words'] = l_0_to_be_words = Macro(environment, macro, 'to_be_words', ('lane',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_curves, l_1_before_label):
        t_20 = []
        if l_1_curves is missing:
            l_1_curves = undefined("parameter 'curves' was not provided", name='curves')
        if l_1_before_label is missing:
            l_1_before_label = undefined("parameter 'before_label' was not provided", name='before_label')
        pass
        t_20.extend((
            '<g class="cjm-diff-before" opacity="0.5">\n<title>',
            escape(environment.finalize(l_1_before_label)),
            '</title>\n',
        ))
        for l_2_curve in l_1_curves:
            _loop_vars = {}
            pass
            for l_3_segment in (environment.getattr(l_2_curve, 'segments') + environment.getattr(l_2_curve, 'skipped')):
                _loop_vars = {}
                pass
                t_20.extend((
                    '<path d="',
                    escape(environment.finalize(l_3_segment)),
                    '" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), _loop_vars=_loop_vars))),
                    ' stroke-width="2.2" stroke-dasharray="6 4"/>\n',
                ))
            l_3_segment = missing
            for l_3_point in environment.getattr(l_2_curve, 'points'):
                _loop_vars = {}
                pass
                t_20.extend((
                    '<circle cx="',
                    escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_point, 'marker'), 'x')))),
                    '" cy="',
                    escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_point, 'marker'), 'y')))),
                    '" r="3.5" fill="none"',
                    escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), _loop_vars=_loop_vars))),
                    ' stroke-width="2"/>\n',
                ))
            l_3_point = missing
        l_2_curve = missing
        t_20.append(
            '</g>',
        )
        return concat(t_20)
    context.exported_vars.add('diff_ghosts')
    context.vars['diff_ghosts'] = l_0_diff_ghosts = Macro(environment, macro, 'diff_ghosts', ('curves', 'before_label'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_marks):
        t_21 = []
        if l_1_marks is missing:
            l_1_marks = undefined("parameter 'marks' was not provided", name='marks')
        pass
        t_21.append(
            '<g class="cjm-diff-marks">\n',
        )
        for l_2_mark in l_1_marks:
            _loop_vars = {}
            pass
            t_21.extend((
                '<g data-touchpoint="',
                escape(environment.finalize(environment.getattr(l_2_mark, 'touchpoint_id'))),
                '" data-change="',
                escape(environment.finalize(environment.getattr(l_2_mark, 'kind'))),
                '">\n<rect x="',
                escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_mark, 'pill'), 'x')))),
                '" y="',
                escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_mark, 'pill'), 'y')))),
                '" width="',
                escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_mark, 'pill'), 'width')))),
                '" height="',
                escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_mark, 'pill'), 'height')))),
                '" rx="',
                escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_2_mark, 'pill'), 'height') / 2)))),
                '"',
                escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_mark, 'color'), _loop_vars=_loop_vars))),
                '/>\n',
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_mark, 'label'), _loop_vars=_loop_vars))),
                '\n</g>\n',
            ))
        l_2_mark = missing
        t_21.append(
            '</g>',
        )
        return concat(t_21)
    context.exported_vars.add('diff_marks')
    context.vars['diff_marks'] = l_0_diff_marks = Macro(environment, macro, 'diff_marks', ('marks',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_row, l_1_last):
        t_22 = []
        if l_1_row is missing:
            l_1_row = undefined("parameter 'row' was not provided", name='row')
        if l_1_last is missing:
            l_1_last = undefined("parameter 'last' was not provided", name='last')
        pass
        t_22.append(
            '<g class="cjm-row-labels">\n',
        )
        for l_2_label in environment.getattr(l_1_row, 'row_labels'):
            _loop_vars = {}
            pass
            t_22.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_2_label, _loop_vars=_loop_vars))),
                '\n',
            ))
        l_2_label = missing
        for l_2_lane in environment.getattr(l_1_row, 'lanes'):
            _loop_vars = {}
            pass
            t_22.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_lane, 'label'), _loop_vars=_loop_vars))),
                '\n',
            ))
        l_2_lane = missing
        if environment.getattr(l_1_row, 'emotion'):
            pass
            t_22.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(environment.getattr(l_1_row, 'emotion'), 'label')))),
                '\n',
            ))
        if environment.getattr(l_1_row, 'goals_label'):
            pass
            t_22.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_row, 'goals_label')))),
                '\n',
            ))
        if environment.getattr(l_1_row, 'footer_label'):
            pass
            t_22.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_row, 'footer_label')))),
                '\n',
            ))
        if (l_1_last and environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'kpi_label')):
            pass
            t_22.extend((
                escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'kpi_label')))),
                '\n',
            ))
        t_22.append(
            '</g>',
        )
        return concat(t_22)
    context.exported_vars.add('row_labels')
    context.vars['row_labels'] = l_0_row_labels = Macro(environment, macro, 'row_labels', ('row', 'last'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_bl):
        t_23 = []
        if l_1_bl is missing:
            l_1_bl = undefined("parameter 'bl' was not provided", name='bl')
        pass
        t_23.extend((
            '<g class="cjm-line-',
            escape(environment.finalize(environment.getattr(l_1_bl, 'kind'))),
            '">\n<line x1="',
            escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_bl, 'line'), 'x1')))),
            '" y1="',
            escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_bl, 'line'), 'y1')))),
            '" x2="',
            escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_bl, 'line'), 'x2')))),
            '" y2="',
            escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_bl, 'line'), 'y2')))),
            '"',
            escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted')))),
            ' stroke-width="1.5"',
        ))
        if (environment.getattr(l_1_bl, 'kind') == 'visibility'):
            pass
            t_23.append(
                ' stroke-dasharray="8 4"',
            )
        elif (environment.getattr(l_1_bl, 'kind') == 'internal'):
            pass
            t_23.append(
                ' stroke-dasharray="2 3"',
            )
        t_23.extend((
            '/>\n',
            escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_bl, 'label')))),
            '\n</g>',
        ))
        return concat(t_23)
    context.exported_vars.add('blueprint_line')
    context.vars['blueprint_line'] = l_0_blueprint_line = Macro(environment, macro, 'blueprint_line', ('bl',), False, False, False, context.eval_ctx.autoescape)
    yield '<svg xmlns="http://www.w3.org/2000/svg" width="'
    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'width'))))
    yield '" height="'
    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'height'))))
    yield '" viewBox="0 0 '
    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'width'))))
    yield ' '
    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'height'))))
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
    yield escape(environment.finalize(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'font_family')))
    yield '">\n<title id="'
    yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
    yield '-title">'
    yield escape(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '</title>\n<desc id="'
    yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
    yield '-desc">'
    yield escape(environment.finalize((undefined(name='summary') if l_0_summary is missing else l_0_summary)))
    yield '</desc>\n'
    if (undefined(name='drawing_id') if l_0_drawing_id is missing else l_0_drawing_id):
        pass
        yield '<g id="'
        yield escape(environment.finalize((undefined(name='drawing_id') if l_0_drawing_id is missing else l_0_drawing_id)))
        yield '">'
    yield '<rect width="100%" height="100%"'
    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), classes='cjm-background')))
    yield '/>\n<g class="cjm-title">\n'
    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'title'))))
    yield '\n'
    if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'description'):
        pass
        yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'description'))))
        yield '\n'
    for l_1_block in environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'details'):
        _loop_vars = {}
        pass
        yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_1_block, _loop_vars=_loop_vars)))
        yield '\n'
    l_1_block = missing
    yield '</g>\n'
    if (environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'legend') or environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'legend_keys')):
        pass
        yield '<g class="cjm-legend"'
        if (undefined(name='drawing_id') if l_0_drawing_id is missing else l_0_drawing_id):
            pass
            yield ' id="'
            yield escape(environment.finalize((undefined(name='drawing_id') if l_0_drawing_id is missing else l_0_drawing_id)))
            yield '-legend"'
        yield '>\n'
        for l_1_entry in environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'legend'):
            l_1_radius = resolve('radius')
            _loop_vars = {}
            pass
            yield '<g data-persona="'
            yield escape(environment.finalize(environment.getattr(l_1_entry, 'persona_id')))
            yield '">\n'
            if environment.getattr(l_1_entry, 'card'):
                pass
                yield '<rect x="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_1_entry, 'card'), 'box'), 'x'))))
                yield '" y="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_1_entry, 'card'), 'box'), 'y'))))
                yield '" width="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_1_entry, 'card'), 'box'), 'width'))))
                yield '" height="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_1_entry, 'card'), 'box'), 'height'))))
                yield '" rx="'
                yield escape(environment.finalize(t_6((undefined(name='radius') if l_1_radius is missing else l_1_radius))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr(l_1_entry, 'card'), 'fill'), stroke=environment.getattr(environment.getattr(l_1_entry, 'card'), 'stroke'), classes='cjm-persona-card', _loop_vars=_loop_vars)))
                yield '/>\n'
                for l_2_block in environment.getattr(environment.getattr(l_1_entry, 'card'), 'texts'):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_2_block, _loop_vars=_loop_vars)))
                    yield '\n'
                l_2_block = missing
            yield '<line x1="'
            yield escape(environment.finalize(t_6(environment.getattr(l_1_entry, 'line_from'))))
            yield '" y1="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_entry, 'marker'), 'y'))))
            yield '" x2="'
            yield escape(environment.finalize(t_6(environment.getattr(l_1_entry, 'line_to'))))
            yield '" y2="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_entry, 'marker'), 'y'))))
            yield '"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_entry, 'color'), _loop_vars=_loop_vars)))
            yield ' stroke-width="2.5"'
            if environment.getattr(l_1_entry, 'dash'):
                pass
                yield ' stroke-dasharray="'
                yield escape(environment.finalize(environment.getattr(l_1_entry, 'dash')))
                yield '"'
            yield '/>\n'
            yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_1_entry, 'marker'), _loop_vars=_loop_vars)))
            yield '\n'
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_entry, 'label'), _loop_vars=_loop_vars)))
            yield '\n</g>\n'
        l_1_entry = l_1_radius = missing
        for l_1_key in environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'legend_keys'):
            l_1_x = resolve('x')
            l_1_middle = missing
            _loop_vars = {}
            pass
            yield '<g class="cjm-key-'
            yield escape(environment.finalize(environment.getattr(l_1_key, 'kind')))
            yield '">\n'
            l_1_middle = (environment.getattr(environment.getattr(l_1_key, 'sample'), 'y') + (environment.getattr(environment.getattr(l_1_key, 'sample'), 'height') / 2))
            _loop_vars['middle'] = l_1_middle
            if (environment.getattr(l_1_key, 'kind') == 'expected'):
                pass
                yield '<line x1="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'x'))))
                yield '" y1="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '" x2="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'right'))))
                yield '" y2="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted'), _loop_vars=_loop_vars)))
                yield ' stroke-width="5.6"/>\n<line x1="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'x'))))
                yield '" y1="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '" x2="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'right'))))
                yield '" y2="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), _loop_vars=_loop_vars)))
                yield ' stroke-width="2.8"/>\n'
            elif (environment.getattr(l_1_key, 'kind') == 'to_be'):
                pass
                yield '<line x1="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'x'))))
                yield '" y1="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '" x2="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'right'))))
                yield '" y2="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted'), _loop_vars=_loop_vars)))
                yield ' stroke-width="1.4" stroke-linecap="round"/>\n'
            elif (environment.getattr(l_1_key, 'kind') == 'improvement'):
                pass
                for l_2_swatch in environment.getattr(l_1_key, 'swatches'):
                    l_2_range = resolve('range')
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    for l_3_k in context.call((undefined(name='range') if l_2_range is missing else l_2_range), 4, _loop_vars=_loop_vars):
                        _loop_vars = {}
                        pass
                        yield 'M'
                        yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_2_swatch, 'box'), 'x') + (((l_3_k + 0.5) * environment.getattr(environment.getattr(l_2_swatch, 'box'), 'width')) / 4)))))
                        yield ' '
                        yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'y'))))
                        yield 'V'
                        yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'bottom'))))
                    l_3_k = missing
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_swatch, 'color'), _loop_vars=_loop_vars)))
                    yield ' stroke-width="0.8"/>\n'
                l_2_swatch = l_2_range = missing
            elif (environment.getattr(l_1_key, 'kind') == 'spread'):
                pass
                l_1_x = (environment.getattr(environment.getattr(l_1_key, 'sample'), 'x') + (environment.getattr(environment.getattr(l_1_key, 'sample'), 'width') / 2))
                _loop_vars['x'] = l_1_x
                yield '<path d="M'
                yield escape(environment.finalize(t_6((undefined(name='x') if l_1_x is missing else l_1_x))))
                yield ' '
                yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_key, 'sample'), 'y') - 2))))
                yield 'V'
                yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_key, 'sample'), 'bottom') + 2))))
                yield 'M'
                yield escape(environment.finalize(t_6(((undefined(name='x') if l_1_x is missing else l_1_x) - 4))))
                yield ' '
                yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_key, 'sample'), 'y') - 2))))
                yield 'H'
                yield escape(environment.finalize(t_6(((undefined(name='x') if l_1_x is missing else l_1_x) + 4))))
                yield 'M'
                yield escape(environment.finalize(t_6(((undefined(name='x') if l_1_x is missing else l_1_x) - 4))))
                yield ' '
                yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(l_1_key, 'sample'), 'bottom') + 2))))
                yield 'H'
                yield escape(environment.finalize(t_6(((undefined(name='x') if l_1_x is missing else l_1_x) + 4))))
                yield '" fill="none"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted'), _loop_vars=_loop_vars)))
                yield ' stroke-width="1.5" stroke-linecap="round"/>\n'
            elif (environment.getattr(l_1_key, 'kind') == 'skipped'):
                pass
                yield '<line x1="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'x'))))
                yield '" y1="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '" x2="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_key, 'sample'), 'right'))))
                yield '" y2="'
                yield escape(environment.finalize(t_6((undefined(name='middle') if l_1_middle is missing else l_1_middle))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted'), _loop_vars=_loop_vars)))
                yield escape(environment.finalize((undefined(name='skipped_style') if l_0_skipped_style is missing else l_0_skipped_style)))
                yield '/>\n'
            elif (environment.getattr(l_1_key, 'kind') == 'gap'):
                pass
                for l_2_swatch in environment.getattr(l_1_key, 'swatches'):
                    _loop_vars = {}
                    pass
                    yield '<rect x="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'x'))))
                    yield '" y="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'y'))))
                    yield '" width="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'width'))))
                    yield '" height="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'height'))))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_swatch, 'color'), _loop_vars=_loop_vars)))
                    yield ' stroke-width="1"/>\n<line x1="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'x'))))
                    yield '" y1="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'bottom'))))
                    yield '" x2="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'right'))))
                    yield '" y2="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_swatch, 'box'), 'y'))))
                    yield '"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_swatch, 'color'), _loop_vars=_loop_vars)))
                    yield ' stroke-width="1"/>\n'
                l_2_swatch = missing
            if environment.getattr(l_1_key, 'marker'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_1_key, 'marker'), _loop_vars=_loop_vars)))
                yield '\n'
            if environment.getattr(l_1_key, 'evidence'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='evidence') if l_0_evidence is missing else l_0_evidence), environment.getattr(l_1_key, 'evidence'), _loop_vars=_loop_vars)))
                yield '\n'
            if environment.getattr(l_1_key, 'badge'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='badge') if l_0_badge is missing else l_0_badge), environment.getattr(l_1_key, 'badge'), _loop_vars=_loop_vars)))
                yield '\n'
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_1_key, 'label'), _loop_vars=_loop_vars)))
            yield '\n</g>\n'
        l_1_key = l_1_middle = l_1_x = missing
        yield '</g>\n'
    if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'legend'):
        pass
        yield '<defs>\n'
        l_1_loop = missing
        for l_1_entry, l_1_loop in LoopContext(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'legend'), undefined):
            l_1_hatch_angles = resolve('hatch_angles')
            l_1_gap_opacity = resolve('gap_opacity')
            _loop_vars = {}
            pass
            yield '<pattern id="'
            yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
            yield '-hatch-'
            yield escape(environment.finalize(environment.getattr(l_1_loop, 'index0')))
            yield '" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate('
            yield escape(environment.finalize(environment.getitem((undefined(name='hatch_angles') if l_1_hatch_angles is missing else l_1_hatch_angles), (environment.getattr(l_1_loop, 'index0') % t_3((undefined(name='hatch_angles') if l_1_hatch_angles is missing else l_1_hatch_angles))))))
            yield ')"><line x1="0" y1="0" x2="0" y2="7"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_1_entry, 'color'), stroke_opacity=(undefined(name='gap_opacity') if l_1_gap_opacity is missing else l_1_gap_opacity), _loop_vars=_loop_vars)))
            yield ' stroke-width="1.2"/></pattern>\n'
        l_1_loop = l_1_entry = l_1_hatch_angles = l_1_gap_opacity = missing
        yield '</defs>\n'
    l_1_loop = missing
    for l_1_row, l_1_loop in LoopContext(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'rows'), undefined):
        l_1_ruler = resolve('ruler')
        l_1_lane = resolve('lane')
        _loop_vars = {}
        pass
        yield '<g class="cjm-row">\n'
        if environment.getattr(l_1_row, 'divider'):
            pass
            yield escape(environment.finalize(context.call((undefined(name='rule') if l_0_rule is missing else l_0_rule), environment.getattr(l_1_row, 'divider'), _loop_vars=_loop_vars)))
            yield '\n'
        for l_2_band in environment.getattr(l_1_row, 'moment_bands'):
            l_2_radius = resolve('radius')
            _loop_vars = {}
            pass
            yield '<rect x="'
            yield escape(environment.finalize(t_6(environment.getattr(l_2_band, 'x'))))
            yield '" y="'
            yield escape(environment.finalize(t_6(environment.getattr(l_2_band, 'y'))))
            yield '" width="'
            yield escape(environment.finalize(t_6(environment.getattr(l_2_band, 'width'))))
            yield '" height="'
            yield escape(environment.finalize(t_6(environment.getattr(l_2_band, 'height'))))
            yield '" rx="'
            yield escape(environment.finalize(t_6((undefined(name='radius') if l_2_radius is missing else l_2_radius))))
            yield '"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'moment_fill'), classes='cjm-moment-band', _loop_vars=_loop_vars)))
            yield ' fill-opacity="0.5"/>\n'
        l_2_band = l_2_radius = missing
        yield '<g class="cjm-stages">\n'
        for l_2_stage in environment.getattr(l_1_row, 'stages'):
            l_2_radius = resolve('radius')
            _loop_vars = {}
            pass
            yield '<g data-stage="'
            yield escape(environment.finalize(environment.getattr(l_2_stage, 'stage_id')))
            yield '">\n<rect x="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_stage, 'box'), 'x'))))
            yield '" y="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_stage, 'box'), 'y'))))
            yield '" width="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_stage, 'box'), 'width'))))
            yield '" height="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_stage, 'box'), 'height'))))
            yield '" rx="'
            yield escape(environment.finalize(t_6((undefined(name='radius') if l_2_radius is missing else l_2_radius))))
            yield '"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_stage, 'fill'), _loop_vars=_loop_vars)))
            yield '/>\n'
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_stage, 'label'), _loop_vars=_loop_vars)))
            yield '\n</g>\n'
        l_2_stage = l_2_radius = missing
        yield '</g>\n'
        if environment.getattr(l_1_row, 'time_ruler'):
            pass
            l_1_ruler = environment.getattr(l_1_row, 'time_ruler')
            _loop_vars['ruler'] = l_1_ruler
            yield '<g class="cjm-time-axis">\n'
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'label'), _loop_vars=_loop_vars)))
            yield '\n<line x1="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'rule'), 'x1'))))
            yield '" y1="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'rule'), 'y1'))))
            yield '" x2="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'rule'), 'x2'))))
            yield '" y2="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'rule'), 'y2'))))
            yield '"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted'), _loop_vars=_loop_vars)))
            yield '/>\n'
            l_2_loop = missing
            for l_2_tick, l_2_loop in LoopContext(environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'ticks'), undefined):
                _loop_vars = {}
                pass
                yield '<line x1="'
                yield escape(environment.finalize(t_6(environment.getattr(l_2_tick, 'x1'))))
                yield '" y1="'
                yield escape(environment.finalize(t_6(environment.getattr(l_2_tick, 'y1'))))
                yield '" x2="'
                yield escape(environment.finalize(t_6(environment.getattr(l_2_tick, 'x2'))))
                yield '" y2="'
                yield escape(environment.finalize(t_6(environment.getattr(l_2_tick, 'y2'))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'muted'), _loop_vars=_loop_vars)))
                yield '/>\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getitem(environment.getattr((undefined(name='ruler') if l_1_ruler is missing else l_1_ruler), 'times'), environment.getattr(l_2_loop, 'index0')), _loop_vars=_loop_vars)))
                yield '\n'
            l_2_loop = l_2_tick = missing
            yield '</g>\n'
        if environment.getattr(l_1_row, 'goals'):
            pass
            yield '<g class="cjm-stage-goals">\n'
            for l_2_goal in environment.getattr(l_1_row, 'goals'):
                l_2_radius = resolve('radius')
                _loop_vars = {}
                pass
                yield '<g data-stage="'
                yield escape(environment.finalize(environment.getattr(l_2_goal, 'stage_id')))
                yield '">\n<rect x="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_goal, 'box'), 'x'))))
                yield '" y="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_goal, 'box'), 'y'))))
                yield '" width="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_goal, 'box'), 'width'))))
                yield '" height="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_goal, 'box'), 'height'))))
                yield '" rx="'
                yield escape(environment.finalize(t_6((undefined(name='radius') if l_2_radius is missing else l_2_radius))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_goal, 'fill'), _loop_vars=_loop_vars)))
                yield '/>\n'
                for l_3_block in environment.getattr(l_2_goal, 'texts'):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_3_block, _loop_vars=_loop_vars)))
                    yield '\n'
                l_3_block = missing
                yield '</g>\n'
            l_2_goal = l_2_radius = missing
            yield '</g>\n'
        yield escape(environment.finalize(context.call((undefined(name='row_labels') if l_0_row_labels is missing else l_0_row_labels), l_1_row, environment.getattr(l_1_loop, 'last'), _loop_vars=_loop_vars)))
        yield '\n<g class="cjm-touchpoints">\n'
        for l_2_tp in environment.getattr(l_1_row, 'touchpoints'):
            l_2_radius = resolve('radius')
            l_2_links = resolve('links')
            _loop_vars = {}
            pass
            yield '<g data-touchpoint="'
            yield escape(environment.finalize(environment.getattr(l_2_tp, 'touchpoint_id')))
            yield '">\n<rect x="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_tp, 'card'), 'x'))))
            yield '" y="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_tp, 'card'), 'y'))))
            yield '" width="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_tp, 'card'), 'width'))))
            yield '" height="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_tp, 'card'), 'height'))))
            yield '" rx="'
            yield escape(environment.finalize(t_6((undefined(name='radius') if l_2_radius is missing else l_2_radius))))
            yield '"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'card'), stroke=(environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'moment') if environment.getattr(l_2_tp, 'moment') else environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'border')), _loop_vars=_loop_vars)))
            if environment.getattr(l_2_tp, 'moment'):
                pass
                yield ' stroke-width="2"'
            yield '/>\n'
            yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_tp, 'name'), _loop_vars=_loop_vars)))
            yield '\n'
            if environment.getattr(l_2_tp, 'timing'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='marked') if l_0_marked is missing else l_0_marked), environment.getattr(l_2_tp, 'timing'), _loop_vars=_loop_vars)))
                yield '\n'
            if environment.getattr(l_2_tp, 'moment'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_2_tp, 'star'), _loop_vars=_loop_vars)))
                yield '\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_tp, 'moment'), _loop_vars=_loop_vars)))
                yield '\n'
            if environment.getattr(l_2_tp, 'fail'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='marked') if l_0_marked is missing else l_0_marked), environment.getattr(l_2_tp, 'fail'), _loop_vars=_loop_vars)))
                yield '\n'
            if environment.getattr(l_2_tp, 'details'):
                pass
                yield '<a href="'
                yield escape(environment.finalize(t_4(environment.getattr(environment.getattr(l_2_tp, 'details'), 'path'), (undefined(name='links') if l_2_links is missing else l_2_links))))
                yield '" class="cjm-details"><title>'
                yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(environment.getattr(environment.getattr(environment.getattr(l_2_tp, 'details'), 'marked'), 'label'), 'lines'), ' ')))
                yield ': '
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_2_tp, 'details'), 'summary')))
                yield '</title>\n'
                yield escape(environment.finalize(context.call((undefined(name='marked') if l_0_marked is missing else l_0_marked), environment.getattr(environment.getattr(l_2_tp, 'details'), 'marked'), _loop_vars=_loop_vars)))
                yield '\n'
                for (l_3_path, l_3_color, l_3_dash) in environment.getattr(environment.getattr(l_2_tp, 'details'), 'spark'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_path))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=l_3_color, _loop_vars=_loop_vars)))
                    yield ' stroke-width="1.5"'
                    if l_3_dash:
                        pass
                        yield ' stroke-dasharray="'
                        yield escape(environment.finalize(l_3_dash))
                        yield '"'
                    yield ' stroke-linejoin="round"/>\n'
                l_3_path = l_3_color = l_3_dash = missing
                yield '</a>\n'
            if environment.getattr(l_2_tp, 'evidence'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='evidence') if l_0_evidence is missing else l_0_evidence), environment.getattr(l_2_tp, 'evidence'), _loop_vars=_loop_vars)))
                yield '\n'
            yield '</g>\n'
        l_2_tp = l_2_radius = l_2_links = missing
        yield '</g>\n'
        for l_2_lane in environment.getattr(l_1_row, 'lanes'):
            _loop_vars = {}
            pass
            yield '<g class="cjm-lane cjm-lane-'
            yield escape(environment.finalize(environment.getattr(l_2_lane, 'kind')))
            yield '">\n'
            yield escape(environment.finalize(context.call((undefined(name='rule') if l_0_rule is missing else l_0_rule), environment.getattr(l_2_lane, 'separator'), _loop_vars=_loop_vars)))
            yield '\n'
            for l_3_card in environment.getattr(l_2_lane, 'cards'):
                l_3_radius = resolve('radius')
                _loop_vars = {}
                pass
                yield '<g data-touchpoint="'
                yield escape(environment.finalize(environment.getattr(l_3_card, 'touchpoint_id')))
                yield '">\n'
                if environment.getattr(l_3_card, 'icons'):
                    pass
                    for l_4_i in environment.getattr(l_3_card, 'icons'):
                        _loop_vars = {}
                        pass
                        yield escape(environment.finalize(context.call((undefined(name='icon') if l_0_icon is missing else l_0_icon), l_4_i, _loop_vars=_loop_vars)))
                        yield '\n'
                    l_4_i = missing
                else:
                    pass
                    yield '<rect x="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_card, 'box'), 'x'))))
                    yield '" y="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_card, 'box'), 'y'))))
                    yield '" width="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_card, 'box'), 'width'))))
                    yield '" height="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_card, 'box'), 'height'))))
                    yield '" rx="'
                    yield escape(environment.finalize(t_6(t_5(environment, [((undefined(name='radius') if l_3_radius is missing else l_3_radius) - 2), 0]))))
                    yield '"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_3_card, 'fill'), stroke=environment.getattr(l_3_card, 'stroke'), _loop_vars=_loop_vars)))
                    yield '/>\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_3_card, 'text'), _loop_vars=_loop_vars)))
                yield '\n'
                for l_4_tag in environment.getattr(l_3_card, 'tags'):
                    _loop_vars = {}
                    pass
                    yield '<rect x="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_4_tag, 'box'), 'x'))))
                    yield '" y="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_4_tag, 'box'), 'y'))))
                    yield '" width="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_4_tag, 'box'), 'width'))))
                    yield '" height="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_4_tag, 'box'), 'height'))))
                    yield '" rx="3"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_4_tag, 'fill'), _loop_vars=_loop_vars)))
                    yield '/>\n'
                    if environment.getattr(l_4_tag, 'mark'):
                        pass
                        yield escape(environment.finalize(context.call((undefined(name='actor_mark') if l_0_actor_mark is missing else l_0_actor_mark), environment.getattr(l_4_tag, 'mark'), _loop_vars=_loop_vars)))
                        yield '\n'
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_4_tag, 'text'), _loop_vars=_loop_vars)))
                    yield '\n'
                l_4_tag = missing
                if environment.getattr(l_3_card, 'fail'):
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='marked') if l_0_marked is missing else l_0_marked), environment.getattr(l_3_card, 'fail'), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '</g>\n'
            l_3_card = l_3_radius = missing
            yield '</g>\n'
        l_2_lane = missing
        if environment.getattr(l_1_row, 'blueprint_lines'):
            pass
            yield '<g class="cjm-blueprint-lines">\n'
            for l_2_bl in environment.getattr(l_1_row, 'blueprint_lines'):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(context.call((undefined(name='blueprint_line') if l_0_blueprint_line is missing else l_0_blueprint_line), l_2_bl, _loop_vars=_loop_vars)))
                yield '\n'
            l_2_bl = missing
            yield '</g>\n'
        if environment.getattr(l_1_row, 'emotion'):
            pass
            l_1_lane = environment.getattr(l_1_row, 'emotion')
            _loop_vars['lane'] = l_1_lane
            yield '<g class="cjm-lane cjm-lane-emotions">\n'
            yield escape(environment.finalize(context.call((undefined(name='rule') if l_0_rule is missing else l_0_rule), environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'separator'), _loop_vars=_loop_vars)))
            yield '\n'
            for l_2_level in environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'levels'):
                l_2_band_opacity = resolve('band_opacity')
                _loop_vars = {}
                pass
                yield '<rect x="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_level, 'band'), 'x'))))
                yield '" y="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_level, 'band'), 'y'))))
                yield '" width="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_level, 'band'), 'width'))))
                yield '" height="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_level, 'band'), 'height'))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_level, 'band_color'), fill_opacity=(undefined(name='band_opacity') if l_2_band_opacity is missing else l_2_band_opacity), _loop_vars=_loop_vars)))
                yield '/>\n<line x1="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'plot'), 'x'))))
                yield '" y1="'
                yield escape(environment.finalize(t_6(environment.getattr(l_2_level, 'y'))))
                yield '" x2="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'plot'), 'right'))))
                yield '" y2="'
                yield escape(environment.finalize(t_6(environment.getattr(l_2_level, 'y'))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'grid_color'), _loop_vars=_loop_vars)))
                if (environment.getattr(l_2_level, 'value') != 0):
                    pass
                    yield ' stroke-dasharray="2 4"'
                yield '/>\n'
                if environment.getattr(l_2_level, 'label'):
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_level, 'label'), _loop_vars=_loop_vars)))
                    yield '\n'
            l_2_level = l_2_band_opacity = missing
            for l_2_title in environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'panel_titles'):
                _loop_vars = {}
                pass
                yield '<g class="cjm-panel-title">'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_2_title, _loop_vars=_loop_vars)))
                yield '</g>\n'
            l_2_title = missing
            if ((undefined(name='overlay') if l_0_overlay is missing else l_0_overlay) and environment.getitem(environment.getattr((undefined(name='overlay') if l_0_overlay is missing else l_0_overlay), 'ghosts'), environment.getattr(l_1_loop, 'index0'))):
                pass
                yield escape(environment.finalize(context.call((undefined(name='diff_ghosts') if l_0_diff_ghosts is missing else l_0_diff_ghosts), environment.getitem(environment.getattr((undefined(name='overlay') if l_0_overlay is missing else l_0_overlay), 'ghosts'), environment.getattr(l_1_loop, 'index0')), environment.getattr((undefined(name='overlay') if l_0_overlay is missing else l_0_overlay), 'before_label'), _loop_vars=_loop_vars)))
            if (environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'spreads') or environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'to_be')):
                pass
                yield escape(environment.finalize(context.call((undefined(name='emotion_states') if l_0_emotion_states is missing else l_0_emotion_states), (undefined(name='lane') if l_1_lane is missing else l_1_lane), _loop_vars=_loop_vars)))
                yield '\n'
            for l_2_curve in environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'curves'):
                _loop_vars = {}
                pass
                yield '<g class="cjm-curve" data-persona="'
                yield escape(environment.finalize(environment.getattr(l_2_curve, 'persona_id')))
                yield '"'
                if environment.getattr(l_2_curve, 'dash'):
                    pass
                    yield ' stroke-dasharray="'
                    yield escape(environment.finalize(environment.getattr(l_2_curve, 'dash')))
                    yield '"'
                yield '>\n'
                for l_3_area in environment.getattr(l_2_curve, 'gap_areas'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_area))
                    yield '" fill="url(#'
                    yield escape(environment.finalize((undefined(name='uid') if l_0_uid is missing else l_0_uid)))
                    yield '-hatch-'
                    yield escape(environment.finalize(environment.getattr(l_2_curve, 'hatch')))
                    yield ')" class="cjm-gap"/>\n'
                l_3_area = missing
                for l_3_segment in environment.getattr(l_2_curve, 'expected_segments'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_segment))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-expected', _loop_vars=_loop_vars)))
                    yield ' stroke-width="5.6"/>\n<path d="'
                    yield escape(environment.finalize(l_3_segment))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), classes='cjm-expected-core', _loop_vars=_loop_vars)))
                    yield ' stroke-width="2.8" stroke-dasharray="none"/>\n'
                l_3_segment = missing
                for l_3_segment in environment.getattr(l_2_curve, 'skipped'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_segment))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-skipped', _loop_vars=_loop_vars)))
                    yield escape(environment.finalize((undefined(name='skipped_style') if l_0_skipped_style is missing else l_0_skipped_style)))
                    yield '/>\n'
                l_3_segment = missing
                for l_3_segment in environment.getattr(l_2_curve, 'continues'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_segment))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-continues', _loop_vars=_loop_vars)))
                    yield escape(environment.finalize((undefined(name='skipped_style') if l_0_skipped_style is missing else l_0_skipped_style)))
                    yield '/>\n'
                l_3_segment = missing
                for l_3_mark in environment.getattr(l_2_curve, 'continue_marks'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_mark))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-continues', _loop_vars=_loop_vars)))
                    yield ' stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" stroke-dasharray="none"/>\n'
                l_3_mark = missing
                for l_3_segment in environment.getattr(l_2_curve, 'segments'):
                    _loop_vars = {}
                    pass
                    yield '<path d="'
                    yield escape(environment.finalize(l_3_segment))
                    yield '" fill="none"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-actual', _loop_vars=_loop_vars)))
                    yield ' stroke-width="2.6"'
                    if (not environment.getattr(l_2_curve, 'dash')):
                        pass
                        yield ' stroke-linecap="round"'
                    yield '/>\n'
                l_3_segment = missing
                for l_3_gap in environment.getattr(l_2_curve, 'gaps'):
                    _loop_vars = {}
                    pass
                    yield '<line x1="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_gap, 'stem'), 'x1'))))
                    yield '" y1="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_gap, 'stem'), 'y1'))))
                    yield '" x2="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_gap, 'stem'), 'x2'))))
                    yield '" y2="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_3_gap, 'stem'), 'y2'))))
                    yield '"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_curve, 'color'), classes='cjm-gap-stem', _loop_vars=_loop_vars)))
                    yield ' stroke-width="'
                    yield escape(environment.finalize((4 if environment.getattr(l_3_gap, 'largest') else 1.6)))
                    yield '" stroke-dasharray="none"/>\n'
                l_3_gap = missing
                yield '<g stroke-dasharray="none">\n'
                for l_3_point in environment.getattr(l_2_curve, 'expected_points'):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), _loop_vars=_loop_vars)))
                    yield '\n'
                l_3_point = missing
                for l_3_point in environment.getattr(l_2_curve, 'points'):
                    _loop_vars = {}
                    pass
                    yield '<g data-touchpoint="'
                    yield escape(environment.finalize(environment.getattr(l_3_point, 'touchpoint_id')))
                    yield '">\n'
                    yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(l_3_point, 'marker'), _loop_vars=_loop_vars)))
                    yield '\n'
                    if environment.getattr(l_3_point, 'badge'):
                        pass
                        yield '<rect x="'
                        yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_3_point, 'badge'), 'box'), 'x'))))
                        yield '" y="'
                        yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_3_point, 'badge'), 'box'), 'y'))))
                        yield '" width="'
                        yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_3_point, 'badge'), 'box'), 'width'))))
                        yield '" height="'
                        yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_3_point, 'badge'), 'box'), 'height'))))
                        yield '" rx="'
                        yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(environment.getattr(l_3_point, 'badge'), 'box'), 'height') / 2))))
                        yield '"'
                        yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), stroke=environment.getattr(l_2_curve, 'color'), classes=markup_join(('cjm-badge cjm-', environment.getattr(environment.getattr(l_3_point, 'badge'), 'kind'), )), _loop_vars=_loop_vars)))
                        yield ' stroke-width="1.5"/>\n'
                        yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(environment.getattr(l_3_point, 'badge'), 'mark'), _loop_vars=_loop_vars)))
                        yield '\n'
                    if environment.getattr(l_3_point, 'word'):
                        pass
                        yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_3_point, 'word'), halo=(None if environment.getattr(l_3_point, 'badge') else environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background')), _loop_vars=_loop_vars)))
                        yield '\n'
                    yield '</g>\n'
                l_3_point = missing
                def t_24(fiter):
                    for l_3_gap in fiter:
                        if environment.getattr(l_3_gap, 'label'):
                            yield l_3_gap
                for l_3_gap in t_24(environment.getattr(l_2_curve, 'gaps')):
                    _loop_vars = {}
                    pass
                    yield '<g class="cjm-gap-label'
                    if environment.getattr(l_3_gap, 'largest'):
                        pass
                        yield ' cjm-largest-gap'
                    yield '" data-touchpoint="'
                    yield escape(environment.finalize(environment.getattr(l_3_gap, 'touchpoint_id')))
                    yield '">'
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_3_gap, 'label'), halo=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), _loop_vars=_loop_vars)))
                    yield '</g>\n'
                l_3_gap = missing
                yield '</g>\n</g>\n'
            l_2_curve = missing
            for l_2_shared in environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'shared_words'):
                _loop_vars = {}
                pass
                yield '<g class="cjm-shared-word" data-touchpoint="'
                yield escape(environment.finalize(environment.getattr(l_2_shared, 'touchpoint_id')))
                yield '" data-personas="'
                yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(l_2_shared, 'persona_ids'), ' ')))
                yield '">\n'
                if environment.getattr(l_2_shared, 'badge'):
                    pass
                    yield '<rect x="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_2_shared, 'badge'), 'box'), 'x'))))
                    yield '" y="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_2_shared, 'badge'), 'box'), 'y'))))
                    yield '" width="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_2_shared, 'badge'), 'box'), 'width'))))
                    yield '" height="'
                    yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(environment.getattr(l_2_shared, 'badge'), 'box'), 'height'))))
                    yield '" rx="'
                    yield escape(environment.finalize(t_6((environment.getattr(environment.getattr(environment.getattr(l_2_shared, 'badge'), 'box'), 'height') / 2))))
                    yield '"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background'), stroke=environment.getattr(environment.getattr(l_2_shared, 'text'), 'color'), classes=markup_join(('cjm-badge cjm-', environment.getattr(environment.getattr(l_2_shared, 'badge'), 'kind'), )), _loop_vars=_loop_vars)))
                    yield ' stroke-width="1.5"/>\n'
                    yield escape(environment.finalize(context.call((undefined(name='marker') if l_0_marker is missing else l_0_marker), environment.getattr(environment.getattr(l_2_shared, 'badge'), 'mark'), _loop_vars=_loop_vars)))
                    yield '\n'
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_shared, 'text'), halo=(None if environment.getattr(l_2_shared, 'badge') else environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'background')), _loop_vars=_loop_vars)))
                yield '\n</g>\n'
            l_2_shared = missing
            if environment.getattr((undefined(name='lane') if l_1_lane is missing else l_1_lane), 'to_be'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='to_be_words') if l_0_to_be_words is missing else l_0_to_be_words), (undefined(name='lane') if l_1_lane is missing else l_1_lane), _loop_vars=_loop_vars)))
                yield '\n'
            yield '</g>\n'
        if environment.getattr(l_1_row, 'handoffs'):
            pass
            yield '<g class="cjm-handoffs">\n'
            l_2_loop = missing
            for l_2_arrow, l_2_loop in LoopContext(environment.getattr(l_1_row, 'handoffs'), undefined):
                l_2_ring = resolve('ring')
                _loop_vars = {}
                pass
                yield '<g data-touchpoint="'
                yield escape(environment.finalize(environment.getattr(l_2_arrow, 'touchpoint_id')))
                yield '"'
                if environment.getattr(l_2_arrow, 'from_id'):
                    pass
                    yield ' data-from="'
                    yield escape(environment.finalize(environment.getattr(l_2_arrow, 'from_id')))
                    yield '"'
                yield ' data-to="'
                yield escape(environment.finalize(environment.getattr(l_2_arrow, 'to_id')))
                yield '">\n<polyline points="'
                l_3_loop = missing
                for (l_3_x, l_3_y), l_3_loop in LoopContext(environment.getattr(l_2_arrow, 'points'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(t_6(l_3_x)))
                    yield ','
                    yield escape(environment.finalize(t_6(l_3_y)))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' '
                l_3_loop = l_3_x = l_3_y = missing
                yield '" fill="none"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_arrow, 'color'), _loop_vars=_loop_vars)))
                yield ' stroke-width="1.4" stroke-linejoin="round"/>\n<polygon points="'
                l_3_loop = missing
                for (l_3_x, l_3_y), l_3_loop in LoopContext(environment.getattr(l_2_arrow, 'head'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(t_6(l_3_x)))
                    yield ','
                    yield escape(environment.finalize(t_6(l_3_y)))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' '
                l_3_loop = l_3_x = l_3_y = missing
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_arrow, 'color'), _loop_vars=_loop_vars)))
                yield '/>\n'
                if environment.getattr(l_2_arrow, 'ring'):
                    pass
                    l_2_ring = environment.getattr(l_2_arrow, 'ring')
                    _loop_vars['ring'] = l_2_ring
                    yield '<g class="cjm-off-row"><title>'
                    yield escape(environment.finalize(environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'title')))
                    yield '</title><circle cx="'
                    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'x'))))
                    yield '" cy="'
                    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'y'))))
                    yield '" r="'
                    yield escape(environment.finalize(t_6(environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'radius'))))
                    yield '"'
                    yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'fill'), stroke=environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'color'), _loop_vars=_loop_vars)))
                    yield ' stroke-width="1.4"/>'
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='ring') if l_2_ring is missing else l_2_ring), 'letter'), _loop_vars=_loop_vars)))
                    yield '</g>\n'
                yield '</g>\n'
            l_2_loop = l_2_arrow = l_2_ring = missing
            yield '</g>\n'
        if environment.getattr(l_1_row, 'address_links'):
            pass
            yield '<g class="cjm-address-links">\n'
            l_2_loop = missing
            for l_2_link, l_2_loop in LoopContext(environment.getattr(l_1_row, 'address_links'), undefined):
                _loop_vars = {}
                pass
                yield '<g data-touchpoint="'
                yield escape(environment.finalize(environment.getattr(l_2_link, 'touchpoint_id')))
                yield '"'
                if environment.getattr(l_2_link, 'from_id'):
                    pass
                    yield ' data-from="'
                    yield escape(environment.finalize(environment.getattr(l_2_link, 'from_id')))
                    yield '"'
                yield ' data-to="'
                yield escape(environment.finalize(environment.getattr(l_2_link, 'to_id')))
                yield '">\n<polyline points="'
                l_3_loop = missing
                for (l_3_x, l_3_y), l_3_loop in LoopContext(environment.getattr(l_2_link, 'points'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(t_6(l_3_x)))
                    yield ','
                    yield escape(environment.finalize(t_6(l_3_y)))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' '
                l_3_loop = l_3_x = l_3_y = missing
                yield '" fill="none"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), stroke=environment.getattr(l_2_link, 'color'), _loop_vars=_loop_vars)))
                yield ' stroke-width="1.4" stroke-dasharray="4 3" stroke-linejoin="round"/>\n<polygon points="'
                l_3_loop = missing
                for (l_3_x, l_3_y), l_3_loop in LoopContext(environment.getattr(l_2_link, 'head'), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(t_6(l_3_x)))
                    yield ','
                    yield escape(environment.finalize(t_6(l_3_y)))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' '
                l_3_loop = l_3_x = l_3_y = missing
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_link, 'color'), _loop_vars=_loop_vars)))
                yield '/>\n</g>\n'
            l_2_loop = l_2_link = missing
            yield '</g>\n'
        if environment.getattr(l_1_row, 'footers'):
            pass
            yield '<g class="cjm-stage-plan">\n'
            for l_2_footer in environment.getattr(l_1_row, 'footers'):
                l_2_radius = resolve('radius')
                _loop_vars = {}
                pass
                yield '<g data-stage="'
                yield escape(environment.finalize(environment.getattr(l_2_footer, 'stage_id')))
                yield '">\n<rect x="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_footer, 'box'), 'x'))))
                yield '" y="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_footer, 'box'), 'y'))))
                yield '" width="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_footer, 'box'), 'width'))))
                yield '" height="'
                yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_2_footer, 'box'), 'height'))))
                yield '" rx="'
                yield escape(environment.finalize(t_6((undefined(name='radius') if l_2_radius is missing else l_2_radius))))
                yield '"'
                yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(l_2_footer, 'fill'), _loop_vars=_loop_vars)))
                yield '/>\n'
                for l_3_block in environment.getattr(l_2_footer, 'texts'):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), l_3_block, _loop_vars=_loop_vars)))
                    yield '\n'
                l_3_block = missing
                yield '</g>\n'
            l_2_footer = l_2_radius = missing
            yield '</g>\n'
        yield '</g>\n'
    l_1_loop = l_1_row = l_1_ruler = l_1_lane = missing
    if (environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'kpi_label') and (not environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'rows'))):
        pass
        yield '<g class="cjm-row-labels">\n'
        yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'kpi_label'))))
        yield '\n</g>\n'
    if environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'kpis'):
        pass
        yield '<g class="cjm-kpis">\n'
        for l_1_kpi in environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'kpis'):
            l_1_radius = resolve('radius')
            _loop_vars = {}
            pass
            yield '<g data-kpi="'
            yield escape(environment.finalize(environment.getattr(l_1_kpi, 'kpi_id')))
            yield '">\n<rect x="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'x'))))
            yield '" y="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'y'))))
            yield '" width="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'width'))))
            yield '" height="'
            yield escape(environment.finalize(t_6(environment.getattr(environment.getattr(l_1_kpi, 'box'), 'height'))))
            yield '" rx="'
            yield escape(environment.finalize(t_6((undefined(name='radius') if l_1_radius is missing else l_1_radius))))
            yield '"'
            yield escape(environment.finalize(context.call((undefined(name='paint') if l_0_paint is missing else l_0_paint), fill=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'panel'), stroke=environment.getattr(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'colors'), 'border'), _loop_vars=_loop_vars)))
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
    if (undefined(name='overlay') if l_0_overlay is missing else l_0_overlay):
        pass
        yield escape(environment.finalize(context.call((undefined(name='diff_marks') if l_0_diff_marks is missing else l_0_diff_marks), environment.getattr((undefined(name='overlay') if l_0_overlay is missing else l_0_overlay), 'marks'))))
    if (undefined(name='drawing_id') if l_0_drawing_id is missing else l_0_drawing_id):
        pass
        yield '</g><defs><g id="'
        yield escape(environment.finalize((undefined(name='drawing_id') if l_0_drawing_id is missing else l_0_drawing_id)))
        yield '-rail">\n'
        l_1_loop = missing
        for l_1_row, l_1_loop in LoopContext(environment.getattr((undefined(name='g') if l_0_g is missing else l_0_g), 'rows'), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.finalize(context.call((undefined(name='row_labels') if l_0_row_labels is missing else l_0_row_labels), l_1_row, environment.getattr(l_1_loop, 'last'), _loop_vars=_loop_vars)))
            yield '\n'
            for l_2_lane in environment.getattr(l_1_row, 'lanes'):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(context.call((undefined(name='rule') if l_0_rule is missing else l_0_rule), environment.getattr(l_2_lane, 'separator'), _loop_vars=_loop_vars)))
                yield '\n'
            l_2_lane = missing
            if environment.getattr(l_1_row, 'emotion'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='rule') if l_0_rule is missing else l_0_rule), environment.getattr(environment.getattr(l_1_row, 'emotion'), 'separator'), _loop_vars=_loop_vars)))
                yield '\n'
                def t_25(fiter):
                    for l_2_level in fiter:
                        if environment.getattr(l_2_level, 'label'):
                            yield l_2_level
                for l_2_level in t_25(environment.getattr(environment.getattr(l_1_row, 'emotion'), 'levels')):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(l_2_level, 'label'), _loop_vars=_loop_vars)))
                    yield '\n'
                l_2_level = missing
            for l_2_bl in environment.getattr(l_1_row, 'blueprint_lines'):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(context.call((undefined(name='blueprint_line') if l_0_blueprint_line is missing else l_0_blueprint_line), l_2_bl, _loop_vars=_loop_vars)))
                yield '\n'
            l_2_bl = missing
            if environment.getattr(l_1_row, 'time_ruler'):
                pass
                yield escape(environment.finalize(context.call((undefined(name='text') if l_0_text is missing else l_0_text), environment.getattr(environment.getattr(l_1_row, 'time_ruler'), 'label'), _loop_vars=_loop_vars)))
                yield '\n'
        l_1_loop = l_1_row = missing
        yield '</g></defs>\n'
    if (undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet):
        pass
        yield '<style>'
        yield escape(environment.finalize(context.call((undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet))))
        yield '</style>\n'
    yield '</svg>\n'

blocks = {}
debug_info = '3=70&4=73&5=80&7=94&8=99&9=103&10=112&11=116&13=131&16=139&17=147&19=161&20=168&21=189&25=208&26=214&27=217&28=220&29=224&30=247&31=251&33=268&34=291&38=308&39=315&41=341&42=347&43=349&47=354&48=359&49=364&51=392&52=397&53=400&54=405&56=411&57=416&59=422&60=427&67=440&68=445&69=454&70=457&71=466&73=472&74=475&80=485&82=494&83=497&84=500&85=505&87=511&88=516&93=531&95=539&96=544&97=548&98=560&104=570&106=580&107=584&109=588&110=592&112=596&113=599&115=602&116=605&118=608&119=611&121=614&122=617&126=626&127=633&128=635&129=658&132=665&133=690&134=694&135=698&136=704&138=706&139=708&140=710&142=712&143=715&146=719&147=722&148=728&149=733&150=735&151=738&152=750&153=753&156=757&157=773&158=775&161=778&162=784&163=786&164=788&165=791&166=801&167=811&168=814&169=824&170=826&171=831&173=845&174=847&175=850&176=870&177=873&178=884&179=886&180=890&181=900&184=911&185=913&187=915&188=917&190=919&191=921&193=923&198=927&200=931&201=937&205=948&207=954&208=956&210=958&211=963&214=977&215=982&216=984&217=996&221=1000&222=1002&224=1005&225=1007&226=1018&227=1022&228=1032&232=1036&234=1039&235=1044&236=1046&237=1058&238=1061&244=1067&246=1069&247=1075&248=1077&249=1092&250=1094&251=1096&253=1098&254=1100&255=1102&257=1104&258=1106&260=1108&261=1111&262=1117&263=1119&264=1123&268=1135&269=1137&274=1142&275=1146&276=1148&277=1150&278=1155&279=1157&280=1159&281=1162&284=1168&286=1180&287=1182&288=1186&289=1196&290=1198&292=1200&294=1203&295=1205&301=1211&303=1214&304=1217&308=1221&309=1223&311=1226&312=1228&313=1233&314=1243&315=1256&316=1258&319=1261&320=1265&322=1268&323=1271&324=1275&325=1279&326=1287&327=1291&329=1298&330=1302&331=1306&333=1311&334=1315&336=1321&337=1325&339=1331&340=1335&342=1340&343=1344&345=1353&346=1357&349=1371&350=1374&352=1377&353=1381&354=1383&355=1385&356=1388&357=1400&359=1402&360=1404&364=1408&365=1416&370=1427&371=1431&372=1435&373=1438&374=1450&376=1452&379=1455&382=1460&384=1464&385=1469&386=1480&387=1494&388=1507&389=1509&390=1512&396=1527&398=1531&399=1535&400=1546&401=1560&406=1575&408=1578&409=1583&410=1585&411=1597&412=1600&420=1608&422=1611&425=1613&427=1616&428=1621&429=1623&430=1635&431=1637&432=1639&433=1641&435=1643&436=1645&437=1648&439=1652&445=1657&446=1660&449=1663&450=1666&451=1669&452=1671&453=1674&455=1677&456=1679&457=1681&458=1688&461=1691&462=1694&464=1697&465=1699&470=1703&471=1706'