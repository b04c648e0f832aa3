from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'site/persona.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_csp = resolve('csp')
    l_0_persona = resolve('persona')
    l_0_css = resolve('css')
    l_0_up = resolve('up')
    l_0_say = resolve('say')
    l_0_say_counted = resolve('say_counted')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['n']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'n' found.")
    try:
        t_3 = environment.filters['urlencode']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'urlencode' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize((undefined(name='lang') if l_0_lang is missing else l_0_lang)))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape(environment.finalize((undefined(name='csp') if l_0_csp is missing else l_0_csp)))
    yield '">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'name')))
    yield '</title>\n<style>'
    yield escape(environment.finalize((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n</head>\n<body>\n<header class="site-header">\n<p><a href="'
    yield escape(environment.finalize(('../' * (undefined(name='up') if l_0_up is missing else l_0_up))))
    yield 'index.html">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_back')))
    yield '</a></p>\n<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'name')))
    yield '</h1>\n'
    if environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'role'):
        pass
        yield '<p class="site-line">'
        yield escape(environment.finalize(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'role')))
        yield '</p>'
    yield '<p class="site-line">'
    yield escape(environment.finalize(context.call((undefined(name='say_counted') if l_0_say_counted is missing else l_0_say_counted), 'site_journeys', t_1(environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'charts')))))
    yield '</p>\n</header>\n<main>\n<ul class="site-charts">\n'
    for l_1_chart in environment.getattr((undefined(name='persona') if l_0_persona is missing else l_0_persona), 'charts'):
        l_1_page = missing
        _loop_vars = {}
        pass
        l_1_page = markup_join((('../' * (undefined(name='up') if l_0_up is missing else l_0_up)), t_3(environment.getattr(environment.getattr(l_1_chart, 'summary'), 'page')), ))
        _loop_vars['page'] = l_1_page
        yield '<li class="site-chart">\n<h2><a href="'
        yield escape(environment.finalize((undefined(name='page') if l_1_page is missing else l_1_page)))
        yield '">'
        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_chart, 'summary'), 'title')))
        yield '</a></h2>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 '
        yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'width'))))
        yield ' '
        yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'height'))))
        yield '" width="'
        yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'width'))))
        yield '" height="'
        yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'height'))))
        yield '" role="img" aria-label="'
        yield escape(environment.finalize(environment.getattr(l_1_chart, 'label')))
        yield '">\n'
        for l_2_band in environment.getattr(l_1_chart, 'bands'):
            _loop_vars = {}
            pass
            yield '<g class="chart-stage">\n<title>'
            yield escape(environment.finalize(environment.getattr(l_2_band, 'title')))
            yield '</title>\n'
            if environment.getattr(l_2_band, 'shaded'):
                pass
                yield '<rect class="chart-band" x="'
                yield escape(environment.finalize(t_2(environment.getattr(l_2_band, 'x'))))
                yield '" y="'
                yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'top'))))
                yield '" width="'
                yield escape(environment.finalize(t_2(environment.getattr(l_2_band, 'width'))))
                yield '" height="'
                yield escape(environment.finalize(t_2((environment.getattr(l_1_chart, 'plot_bottom') - environment.getattr(l_1_chart, 'top')))))
                yield '"/>'
            for l_3_line in environment.getattr(l_2_band, 'lines'):
                _loop_vars = {}
                pass
                yield '<text class="chart-stage-name" x="'
                yield escape(environment.finalize(t_2(environment.getattr(l_2_band, 'middle'))))
                yield '" y="'
                yield escape(environment.finalize(t_2(environment.getattr(l_3_line, 'y'))))
                yield '" text-anchor="middle">'
                yield escape(environment.finalize(environment.getattr(l_3_line, 'text')))
                yield '</text>'
            l_3_line = missing
            yield '</g>\n'
        l_2_band = missing
        if (not t_4(environment.getattr(l_1_chart, 'zero'))):
            pass
            yield '<line class="chart-zero" x1="'
            yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'left'))))
            yield '" x2="'
            yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'right'))))
            yield '" y1="'
            yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'zero'))))
            yield '" y2="'
            yield escape(environment.finalize(t_2(environment.getattr(l_1_chart, 'zero'))))
            yield '"/>'
        for l_2_tick in environment.getattr(l_1_chart, 'axis'):
            _loop_vars = {}
            pass
            yield '<text class="chart-axis" x="'
            yield escape(environment.finalize(t_2((environment.getattr(l_1_chart, 'left') - 6))))
            yield '" y="'
            yield escape(environment.finalize(t_2((environment.getattr(l_2_tick, 'y') + 4))))
            yield '" text-anchor="end">'
            yield escape(environment.finalize(environment.getattr(l_2_tick, 'text')))
            yield '</text>'
        l_2_tick = missing
        yield '<polyline class="chart-curve" points="'
        yield escape(environment.finalize(environment.getattr(l_1_chart, 'curve')))
        yield '"/>\n'
        for l_2_dot in environment.getattr(l_1_chart, 'dots'):
            _loop_vars = {}
            pass
            yield '<circle class="chart-dot" cx="'
            yield escape(environment.finalize(t_2(environment.getattr(l_2_dot, 'x'))))
            yield '" cy="'
            yield escape(environment.finalize(t_2(environment.getattr(l_2_dot, 'y'))))
            yield '" r="3.5"><title>'
            yield escape(environment.finalize(environment.getattr(l_2_dot, 'title')))
            yield '</title></circle>'
        l_2_dot = missing
        yield '<circle class="chart-lowest" cx="'
        yield escape(environment.finalize(t_2(environment.getattr(environment.getattr(l_1_chart, 'lowest'), 'x'))))
        yield '" cy="'
        yield escape(environment.finalize(t_2(environment.getattr(environment.getattr(l_1_chart, 'lowest'), 'y'))))
        yield '" r="7"/>\n</svg>\n<p class="site-caption"><a href="'
        yield escape(environment.finalize((undefined(name='page') if l_1_page is missing else l_1_page)))
        yield '#'
        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_chart, 'lowest'), 'anchor')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_chart, 'lowest'), 'caption')))
        yield '</a>'
        if environment.getattr(environment.getattr(l_1_chart, 'lowest'), 'word'):
            pass
            yield ' “'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_chart, 'lowest'), 'word')))
            yield '”'
        yield '</p>\n</li>\n'
    l_1_chart = l_1_page = missing
    yield '</ul>\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '3=43&7=45&8=47&9=49&13=51&14=55&15=57&16=63&20=65&21=69&23=72&24=76&25=86&27=90&28=92&29=103&32=116&33=127&34=139&35=141&36=153&38=157'