"""Maps for the width tests (issue 14): generated journeys of any number of touchpoints, and a
bank journey with long German labels. Each returns the map's .cjm text."""
from __future__ import annotations

ACTIONS = ["Compares two offers side by side", "Calls the hotline", "Reads the small print",
           "Asks a friend for advice", "Fills in the online form", "Uploads a document"]
THOUGHTS = ["Why is this so hard?", "That was quicker than I thought.",
            "I hope nobody calls me about this.", "Can I trust them with my data?"]
PAINS = ["The form forgets everything after a timeout",
         "Nobody explains what happens next or how long it takes"]
CURVES = ([1, 0, -1, -2, -1, 0, 1, 2, 1, 0], [0, 1, 1, 0, -1, -2, -1, 1, 2, 2],
          [-1, -1, 0, 1, 0, -1, -2, 0, 1, 1])


def generated(touchpoints: int, per_stage: int = 5) -> str:
    """`touchpoints` touchpoints in stages of `per_stage`, three personas who skip some."""
    out = [f'map "Generated journey, {touchpoints} touchpoints" {{',
           '  persona ana "Ana, first-time buyer"', '  persona ben "Ben, returning customer"',
           '  persona cem "Cem, small business owner"']
    for n in range(touchpoints):
        if n % per_stage == 0:
            if n:
                out.append("  }")
            stage = n // per_stage + 1
            out.append(f'  stage s{stage} "Stage {stage}" {{')
            if stage % 3 == 1:
                out.append(f'    goal "Get through stage {stage} without calling anyone"')
        out.append(f'    touchpoint t{n} "Touchpoint {n + 1} of the journey" {{')
        out.append("      channel " + ("web", "phone", "email", "mobile")[n % 4])
        out.append(f'      action "{ACTIONS[n % len(ACTIONS)]}"')
        if n % 2:
            out.append(f'      thought "{THOUGHTS[n % len(THOUGHTS)]}"')
        for index, persona in enumerate(("ana", "ben", "cem")):
            if (n + index) % 4 != 3:  # everyone skips a touchpoint now and then
                value = CURVES[index][n % 10]
                word = ' "torn"' if n % 7 == index else ""
                out.append(f"      emotion {persona} {value:+d}{word}")
        if n % 9 == 4:
            out.append(f'      pain "{PAINS[n % 2]}" source survey "Panel, n=120"')
        if n % 13 == 6:
            out.append("      moment_of_truth")
        out.append("    }")
    out += ["  }", '  kpi conversion "Conversion" start 1000 end 640 target 70%', "}"]
    return "\n".join(out) + "\n"


GERMAN_STAGES = [
    ("orientierung", "Orientierungsphase", ["Vergleichsportal-Bewertungen lesen",
                                            "Filialöffnungszeiten recherchieren",
                                            "Kontoführungsgebührenübersicht öffnen"]),
    ("eroeffnung", "Kontoeröffnungsantragsstellung", [
        "Identitätsüberprüfungsverfahren starten", "Personalausweisfotografie hochladen",
        "Einkommensnachweisdokumentation einreichen", "Datenschutzeinwilligungserklärung",
        "Kreditwürdigkeitsprüfung abwarten"]),
    ("aktivierung", "Kontoaktivierung", ["Zugangsdatenbenachrichtigung erhalten",
                                         "Onlinebanking-Erstanmeldung",
                                         "Zwei-Faktor-Authentifizierungseinrichtung"]),
    ("nutzung", "Alltägliche Kontonutzung", ["Überweisungsvorlagenverwaltung",
                                             "Daueraufträgeeinrichtung", "Kartenzahlungsablehnung",
                                             "Kundenservicehotline-Warteschleife"]),
    ("bindung", "Kundenbindungsmaßnahmen", ["Treueprämienprogrammanmeldung",
                                            "Kontowechselempfehlungsschreiben",
                                            "Jahresabschlusskontoauszug", "Weiterempfehlung"]),
]


def german_bank() -> str:
    """A 19-touchpoint bank journey whose labels are long German compounds."""
    out = ['map "Girokontoeröffnung bei der Sparkassenfiliale — Kundenreise" {',
           '  persona kunde "Kundin, Berufseinsteigerin"', '  persona gewerbe "Gewerbekunde"']
    n = 0
    for ident, name, touchpoints in GERMAN_STAGES:
        out.append(f'  stage {ident} "{name}" {{')
        out.append('    goal "Unkomplizierte Kontoeröffnungsabwicklung ohne Filialbesuch"')
        for tp_name in touchpoints:
            out.append(f'    touchpoint g{n} "{tp_name}" {{')
            out.append("      channel " + ("web", "mobile", "phone")[n % 3])
            out.append('      action "Beantwortet Sicherheitsabfragen und Legitimationsprüfungen"')
            out.append(f"      emotion kunde {(n % 5) - 2:+d}")
            if n % 2:
                out.append(f'      emotion gewerbe {((n + 2) % 5) - 2:+d} "verunsichert"')
            if n % 6 == 2:
                out.append('      pain "Unverständliche Allgemeine Geschäftsbedingungen'
                           'änderungsmitteilung"')
            out.append("    }")
            n += 1
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"
