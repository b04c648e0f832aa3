"""One home for words and numbers shown to people: sentences, numbers, KPI sentences,
escaping per target format, and the catalogues of every shipped language.
"""
