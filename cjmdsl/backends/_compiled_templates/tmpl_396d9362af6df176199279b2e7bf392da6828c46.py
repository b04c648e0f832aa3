from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_page = resolve('page')
    l_0_csp = resolve('csp')
    l_0_css = resolve('css')
    l_0_section = l_0_content = l_0_map_page = missing
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_s, l_1_level):
        t_2 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_level is missing:
            l_1_level = undefined("parameter 'level' was not provided", name='level')
        pass
        t_2.extend((
            '<section>\n<h',
            escape(environment.finalize(l_1_level)),
            '>',
            escape(environment.finalize(environment.getattr(l_1_s, 'heading'))),
            '</h',
            escape(environment.finalize(l_1_level)),
            '>\n',
        ))
        if environment.getattr(l_1_s, 'rows'):
            pass
            t_2.append(
                '<div class="table"><table>\n<thead><tr>',
            )
            l_2_loop = missing
            for l_2_cell, l_2_loop in LoopContext(environment.getattr(l_1_s, 'header'), undefined):
                _loop_vars = {}
                pass
                t_2.append(
                    '<th',
                )
                if (environment.getattr(l_2_loop, 'index0') in environment.getattr(l_1_s, 'numeric')):
                    pass
                    t_2.append(
                        ' class="num"',
                    )
                t_2.extend((
                    '>',
                    escape(environment.finalize(l_2_cell)),
                    '</th>',
                ))
            l_2_loop = l_2_cell = missing
            t_2.append(
                '</tr></thead>\n<tbody>\n',
            )
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_s, 'rows'), undefined):
                _loop_vars = {}
                pass
                t_2.append(
                    '<tr>',
                )
                l_3_loop = missing
                for l_3_cell, l_3_loop in LoopContext(l_2_row, undefined):
                    _loop_vars = {}
                    pass
                    t_2.append(
                        '<td',
                    )
                    if (environment.getattr(l_3_loop, 'index0') in environment.getattr(l_1_s, 'numeric')):
                        pass
                        t_2.append(
                            ' class="num"',
                        )
                    t_2.extend((
                        '>',
                        escape(environment.finalize(context.call((undefined(name='content') if l_0_content is missing else l_0_content), l_3_cell, _loop_vars=_loop_vars))),
                        '</td>',
                    ))
                l_3_loop = l_3_cell = missing
                t_2.append(
                    '</tr>\n',
                )
            l_2_loop = l_2_row = missing
            t_2.append(
                '</tbody>\n</table></div>\n',
            )
        else:
            pass
            t_2.extend((
                '<p class="empty">',
                escape(environment.finalize(environment.getattr(l_1_s, 'empty'))),
                '</p>\n',
            ))
        t_2.append(
            '</section>\n',
        )
        return concat(t_2)
    context.exported_vars.add('section')
    context.vars['section'] = l_0_section = Macro(environment, macro, 'section', ('s', 'level'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_cell):
        t_3 = []
        l_1_is_meter = resolve('is_meter')
        l_1_is_lines = resolve('is_lines')
        if l_1_cell is missing:
            l_1_cell = undefined("parameter 'cell' was not provided", name='cell')
        pass
        if context.call((undefined(name='is_meter') if l_1_is_meter is missing else l_1_is_meter), l_1_cell):
            pass
            if (not t_1(environment.getattr(l_1_cell, 'share'))):
                pass
                t_3.extend((
                    '<meter min="0" max="1" value="',
                    escape(environment.finalize(environment.getattr(l_1_cell, 'share'))),
                    '"></meter>',
                ))
            t_3.append(
                escape(environment.finalize(environment.getattr(l_1_cell, 'text'))),
            )
        elif context.call((undefined(name='is_lines') if l_1_is_lines is missing else l_1_is_lines), l_1_cell):
            pass
            if l_1_cell:
                pass
                t_3.append(
                    '<ul>',
                )
                for l_2_line in l_1_cell:
                    _loop_vars = {}
                    pass
                    t_3.extend((
                        '<li>',
                        escape(environment.finalize(l_2_line)),
                        '</li>',
                    ))
                l_2_line = missing
                t_3.append(
                    '</ul>',
                )
        else:
            pass
            t_3.append(
                escape(environment.finalize(l_1_cell)),
            )
        return concat(t_3)
    context.exported_vars.add('content')
    context.vars['content'] = l_0_content = Macro(environment, macro, 'content', ('cell',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_p, l_1_level):
        t_4 = []
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_level is missing:
            l_1_level = undefined("parameter 'level' was not provided", name='level')
        pass
        t_4.extend((
            '<h',
            escape(environment.finalize(l_1_level)),
            '>',
            escape(environment.finalize(environment.getattr(l_1_p, 'title'))),
            '</h',
            escape(environment.finalize(l_1_level)),
            '>\n',
        ))
        l_2_loop = missing
        for l_2_line, l_2_loop in LoopContext(environment.getattr(l_1_p, 'lines'), undefined):
            _loop_vars = {}
            pass
            t_4.append(
                '<p',
            )
            if environment.getattr(l_2_loop, 'first'):
                pass
                t_4.append(
                    ' class="meta"',
                )
            t_4.extend((
                '>',
                escape(environment.finalize(l_2_line)),
                '</p>\n',
            ))
        l_2_loop = l_2_line = missing
        for l_2_s in environment.getattr(l_1_p, 'sections'):
            _loop_vars = {}
            pass
            t_4.extend((
                escape(environment.finalize(context.call((undefined(name='section') if l_0_section is missing else l_0_section), l_2_s, (l_1_level + 1), _loop_vars=_loop_vars))),
                '\n',
            ))
        l_2_s = missing
        return concat(t_4)
    context.exported_vars.add('map_page')
    context.vars['map_page'] = l_0_map_page = Macro(environment, macro, 'map_page', ('p', 'level'), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize((environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'lang') or 'en')))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape(environment.finalize((undefined(name='csp') if l_0_csp is missing else l_0_csp)))
    yield '">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title')))
    yield '</title>\n<style>'
    yield escape(environment.finalize((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n</head>\n<body>\n<main>\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'maps'):
        pass
        yield '<h1>'
        yield escape(environment.finalize(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title')))
        yield '</h1>\n'
        for l_1_line in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'lines'):
            _loop_vars = {}
            pass
            yield '<p class="meta">'
            yield escape(environment.finalize(l_1_line))
            yield '</p>\n'
        l_1_line = missing
        yield '<h2>'
        yield escape(environment.finalize(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'overview')))
        yield '</h2>\n'
        for l_1_s in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'sections'):
            _loop_vars = {}
            pass
            yield escape(environment.finalize(context.call((undefined(name='section') if l_0_section is missing else l_0_section), l_1_s, 3, _loop_vars=_loop_vars)))
            yield '\n'
        l_1_s = missing
        for l_1_p in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'maps'):
            _loop_vars = {}
            pass
            yield '<article lang="'
            yield escape(environment.finalize((environment.getattr(l_1_p, 'lang') or 'en')))
            yield '">\n'
            yield escape(environment.finalize(context.call((undefined(name='map_page') if l_0_map_page is missing else l_0_map_page), l_1_p, 2, _loop_vars=_loop_vars)))
            yield '\n</article>\n'
        l_1_p = missing
    else:
        pass
        yield escape(environment.finalize(context.call((undefined(name='map_page') if l_0_map_page is missing else l_0_map_page), (undefined(name='page') if l_0_page is missing else l_0_page), 1)))
        yield '\n'
    yield '</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '2=21&4=30&5=37&7=43&9=64&10=71&15=99&19=108&20=115&21=117&22=127&23=129&25=149&28=154&29=163&30=171&31=177&33=188&34=192&38=200&42=202&43=204&44=206&48=208&49=211&50=213&51=217&53=221&54=223&55=226&57=229&58=233&59=235&63=240'