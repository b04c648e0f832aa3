from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'site/index.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_csp = resolve('csp')
    l_0_view = resolve('view')
    l_0_css = resolve('css')
    l_0_say = resolve('say')
    l_0_data = resolve('data')
    l_0_script = resolve('script')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize((undefined(name='lang') if l_0_lang is missing else l_0_lang)))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape(environment.finalize((undefined(name='csp') if l_0_csp is missing else l_0_csp)))
    yield '">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title')))
    yield '</title>\n<style>'
    yield escape(environment.finalize((undefined(name='css') if l_0_css is missing else l_0_css)))
    yield '</style>\n</head>\n<body>\n<header class="site-header">\n<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title')))
    yield '</h1>\n<p class="site-line">'
    yield escape(environment.finalize(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'line')))
    yield '</p>\n<div class="site-search" role="search">\n<label for="site-search">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_search')))
    yield '</label>\n<input id="site-search" type="search" autocomplete="off" spellcheck="false" placeholder="'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_search_hint')))
    yield '">\n<p id="site-search-count" class="site-count" aria-live="polite"></p>\n<ol id="site-results" class="site-results" hidden></ol>\n</div>\n</header>\n<main>\n<section aria-labelledby="site-maps-title">\n<h2 id="site-maps-title">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_maps')))
    yield '</h2>\n<ul class="site-maps">\n'
    l_1_loop = missing
    for l_1_card, l_1_loop in LoopContext(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'maps'), undefined):
        _loop_vars = {}
        pass
        yield '<li class="site-map">\n<a class="site-thumb" href="'
        yield escape(environment.finalize(environment.getattr(l_1_card, 'page')))
        yield '" tabindex="-1" aria-hidden="true"><img src="'
        yield escape(environment.finalize(environment.getattr(l_1_card, 'thumbnail')))
        yield '" alt="" loading="lazy"></a>\n<h3><a href="'
        yield escape(environment.finalize(environment.getattr(l_1_card, 'page')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_card, 'title')))
        yield '</a></h3>\n<p class="site-source">'
        yield escape(environment.finalize(environment.getattr(l_1_card, 'source')))
        yield '</p>\n'
        if environment.getattr(l_1_card, 'description'):
            pass
            yield '<p>'
            yield escape(environment.finalize(environment.getattr(l_1_card, 'description')))
            yield '</p>'
        if environment.getattr(l_1_card, 'personas'):
            pass
            yield '<p class="site-personas">'
            l_2_loop = missing
            for l_2_persona, l_2_loop in LoopContext(environment.getattr(l_1_card, 'personas'), undefined):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_persona, 'page'):
                    pass
                    yield '<a href="'
                    yield escape(environment.finalize(environment.getattr(l_2_persona, 'page')))
                    yield '">'
                    yield escape(environment.finalize(environment.getattr(l_2_persona, 'name')))
                    yield '</a>'
                else:
                    pass
                    yield escape(environment.finalize(environment.getattr(l_2_persona, 'name')))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ' · '
            l_2_loop = l_2_persona = missing
            yield '</p>\n'
        yield '<dl>\n<dt>'
        yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_worst', _loop_vars=_loop_vars)))
        yield '</dt>\n<dd>'
        if environment.getattr(l_1_card, 'worst'):
            pass
            yield '<a class="site-level-'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'worst'), 'level')))
            yield '" href="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'worst'), 'page')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'worst'), 'text')))
            yield '</a>'
            if environment.getattr(environment.getattr(l_1_card, 'worst'), 'word'):
                pass
                yield ' “'
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'worst'), 'word')))
                yield '”'
        else:
            pass
            yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_no_feelings', _loop_vars=_loop_vars)))
        yield '</dd>\n<dt>'
        yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_coverage', _loop_vars=_loop_vars)))
        yield '</dt>\n<dd>'
        if (not t_1(environment.getattr(environment.getattr(l_1_card, 'evidence'), 'share'))):
            pass
            yield '<meter min="0" max="1" value="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'evidence'), 'share')))
            yield '"></meter> '
        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'evidence'), 'text')))
        yield '</dd>\n<dd>'
        if (not t_1(environment.getattr(environment.getattr(l_1_card, 'answered'), 'share'))):
            pass
            yield '<meter min="0" max="1" value="'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'answered'), 'share')))
            yield '"></meter> '
        yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_card, 'answered'), 'text')))
        yield '</dd>\n</dl>\n</li>\n'
    l_1_loop = l_1_card = missing
    yield '</ul>\n</section>\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'personas'):
        pass
        yield '<section aria-labelledby="site-personas-title">\n<h2 id="site-personas-title">'
        yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_personas_heading')))
        yield '</h2>\n<ul class="site-persona-list">\n'
        for l_1_persona in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'personas'):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.finalize(environment.getattr(l_1_persona, 'page')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_persona, 'name')))
            yield '</a>'
            if environment.getattr(l_1_persona, 'role'):
                pass
                yield '<span class="site-role"> — '
                yield escape(environment.finalize(environment.getattr(l_1_persona, 'role')))
                yield '</span>'
            yield ' <span class="site-count">'
            yield escape(environment.finalize(environment.getattr(l_1_persona, 'journeys')))
            yield '</span></li>\n'
        l_1_persona = missing
        yield '</ul>\n</section>\n'
    yield '<section aria-labelledby="site-heat-title">\n<h2 id="site-heat-title">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_heat')))
    yield '</h2>\n<p class="site-hint">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_heat_hint')))
    yield '</p>\n<div class="site-table"><table class="site-heat">\n<thead><tr><th scope="col">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'column_map')))
    yield '</th>'
    for l_1_name in environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'heat'), 'columns'):
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield escape(environment.finalize(l_1_name))
        yield '</th>'
    l_1_name = missing
    yield '</tr></thead>\n<tbody>\n'
    for l_1_row in environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'heat'), 'rows'):
        _loop_vars = {}
        pass
        yield '<tr><th scope="row"><a href="'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'page')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_row, 'title')))
        yield '</a></th>'
        for (l_2_count, l_2_shade) in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            if t_1(l_2_count):
                pass
                yield '<td class="heat-none"></td>'
            else:
                pass
                yield '<td class="heat-'
                yield escape(environment.finalize(l_2_shade))
                yield '">'
                yield escape(environment.finalize(l_2_count))
                yield '</td>'
        l_2_count = l_2_shade = missing
        yield '</tr>\n'
    l_1_row = missing
    yield '</tbody>\n<tfoot><tr><th scope="row">'
    yield escape(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), 'site_total')))
    yield '</th>'
    for (l_1_count, l_1_shade) in environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'heat'), 'totals'):
        _loop_vars = {}
        pass
        yield '<td class="heat-'
        yield escape(environment.finalize(l_1_shade))
        yield '">'
        yield escape(environment.finalize(l_1_count))
        yield '</td>'
    l_1_count = l_1_shade = missing
    yield '</tr></tfoot>\n</table></div>\n</section>\n</main>\n<script type="application/json" id="site-data">'
    yield escape(environment.finalize((undefined(name='data') if l_0_data is missing else l_0_data)))
    yield '</script>\n<script>'
    yield escape(environment.finalize((undefined(name='script') if l_0_script is missing else l_0_script)))
    yield '</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '3=25&7=27&8=29&9=31&13=33&14=35&16=37&17=39&24=41&26=44&28=48&29=52&30=56&31=58&32=63&33=67&36=86&37=88&38=106&39=108&40=115&46=124&48=127&50=129&51=133&57=148&58=150&60=152&62=162&63=166&66=187&70=199&71=201'