"""A realistic 40-touchpoint map with flows: loops, drop-offs, a persona's own path.

The flow view has to stay readable at this size; `tests/test_graphviz.py` renders it to
test-artifacts/flow-40.png for people to look at (docs/flow-40.png is a copy).
"""
from __future__ import annotations

STAGES = [
    ("discover", "Discover", ["Sees a TV spot", "Reads a comparison blog", "Hears from a friend",
                              "Finds us on search", "Watches a YouTube review"]),
    ("compare", "Compare", ["Uses a price comparison site", "Reads Trustpilot reviews",
                            "Checks cover details", "Asks the chat bot about floods",
                            "Downloads the policy wording"]),
    ("quote", "Get a quote", ["Starts the online quote", "Answers 30 property questions",
                              "Gets asked for the rebuild cost", "Sees the first price",
                              "Calls for a cheaper quote"]),
    ("buy", "Buy", ["Chooses the excess", "Adds accidental damage", "Pays by direct debit",
                    "Receives the policy documents", "Creates an online account"]),
    ("settle", "Settle in", ["Gets a welcome email", "Installs the app",
                             "Registers valuables", "Gets a smart-leak sensor offer",
                             "Reads the monthly newsletter"]),
    ("claim", "Make a claim", ["Discovers a burst pipe", "Reports the claim by phone",
                               "Uploads photos in the app", "Waits for the loss adjuster",
                               "Is asked for more evidence"]),
    ("resolve", "Resolution", ["Gets the settlement offer", "Disputes the amount",
                               "Chooses a repair contractor", "Sees the repair finished",
                               "Receives the payment"]),
    ("renew", "Renewal", ["Gets the renewal notice", "Sees the price go up",
                          "Calls to haggle", "Renews for another year", "Refers a neighbour"]),
]
CHANNELS = ["ad", "web", "referral", "search", "video", "web", "review", "web", "chat", "web",
            "web", "web", "web", "web", "phone", "web", "web", "web", "email", "web",
            "email", "mobile", "mobile", "email", "email", "other", "phone", "mobile", "phone",
            "email", "email", "phone", "phone", "other", "email", "mail", "email", "phone",
            "email", "referral"]
PERSONAS = [("ana", "Ana, first-time renter", "#2563eb"),
            ("ben", "Ben, homeowner with a family", None),
            ("carla", "Carla, landlord of three flats", None)]
PAINS = {7: "The rebuild cost question has no help text and most people guess",
         11: "Nobody knows their rebuild cost; the form offers no estimate",
         13: "The call centre quote differs from the web quote for the same house",
         25: "The claims line had a 40-minute wait on a Monday morning",
         29: "The request for more photos came after two weeks of silence",
         31: "The offer letter does not explain how the amount was calculated",
         36: "The renewal price rose 24% with no claim and no explanation"}
MOMENTS = {13, 26, 30, 36}


def _slug(stage: int, index: int) -> str:
    return f"{STAGES[stage][0]}_{index + 1}"


def _emotion(persona: int, n: int) -> int | None:
    """A different, plausible curve per persona; None where the persona is not present."""
    if persona == 0:   # Ana: digital, skips phone calls
        return None if CHANNELS[n] == "phone" else [1, 0, -1, 1, 1, -2, 1, -1][n // 5]
    if persona == 1:   # Ben: every second touchpoint
        return [0, 1, -1, 1, 1, -2, -1, 1][n // 5] if n % 2 == 0 else None
    return [0, -1, -2, 0, 1, -1, -2, -2][n // 5] if n % 3 == 1 else None  # Carla


def forty_touchpoints() -> str:
    """The map's .cjm text: 8 stages of 5 touchpoints, 3 personas, loops and drop-offs."""
    out = ['map "Home insurance — from first ad to renewal" {',
           '  description "A 40-touchpoint journey for the flow view: three personas, two '
           'loops, three drop-offs"']
    for ident, name, color in PERSONAS:
        body = f' {{ color "{color}" }}' if color else ""
        out.append(f'  persona {ident} "{name}"{body}')
    n = 0
    for s, (stage_id, stage_name, names) in enumerate(STAGES):
        out.append(f'  stage {stage_id} "{stage_name}" {{')
        for i, tp_name in enumerate(names):
            out.append(f'    touchpoint {_slug(s, i)} "{tp_name}" {{')
            out.append(f"      channel {CHANNELS[n]}")
            for p, (ident, _, _) in enumerate(PERSONAS):
                value = _emotion(p, n)
                if value is not None and not (p == 0 and n % 4 == 3):
                    out.append(f"      emotion {ident} {value}")
            if n in PAINS:
                out.append(f'      pain "{PAINS[n]}" source survey "Q2 claims survey"')
            if n in MOMENTS:
                out.append("      moment_of_truth")
            out.append("    }")
            n += 1
        out.append("  }")
    out += [
        '  flow quote_2 -> quote_3 -> exit "gives up on the form"',
        '  flow quote_4 -> compare_1 "goes back to compare"',
        '  flow claim_5 -> claim_3 "sends more photos"',
        '  flow resolve_2 -> exit "cancels the policy"',
        '  flow renew_2 -> renew_3 "haggles" -> renew_4 "gets 10% off"',
        '  flow ana: discover_4 -> compare_1 -> compare_4 "asks about floods" -> quote_1',
        '    -> quote_4 -> buy_3 "buys online" -> settle_2 -> claim_1 -> claim_3',
        '    -> claim_5 "more evidence" -> resolve_1 -> resolve_4 -> renew_1',
        '    -> renew_2 -> exit "switches insurer"',
        "}",
    ]
    return "\n".join(out) + "\n"
