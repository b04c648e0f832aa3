"""The built-in touchpoint channels and their icons.

Each icon is a fragment of SVG primitives (``path``, ``circle``, ``rect``,
``line``, ``polyline``) drawn in a 24 x 24 box with about 2 units of margin.
The fragments carry geometry only: no colour, no stroke or fill attributes,
no style, no references.  The renderer wraps one in a group that sets the
look, for example::

    <g fill="none" stroke="#334" stroke-width="1.8" stroke-linecap="round"
       stroke-linejoin="round" transform="translate(x y) scale(s)">ICON</g>

so a single colour applies to the whole icon.  Tiny circles (``r`` of about
0.6) read as solid dots once the round-capped stroke is applied.

Path data uses absolute commands only, so every number in an icon is a
coordinate (or an arc radius or flag) inside the 24 x 24 box.

The icons are original, simple geometry drawn for this project.
"""
from __future__ import annotations

from dataclasses import dataclass

from cjmdsl.words.locales import say

__all__ = ["Channel", "CHANNELS", "ALIASES", "resolve_channel", "channel_id", "channel_label",
           "channel_names"]


@dataclass(frozen=True, slots=True)
class Channel:
    """A touchpoint channel: canonical name, display label and icon fragment."""

    name: str
    label: str
    icon: str


# --- icons -------------------------------------------------------------------
# Each is a 24 x 24, stroke-only drawing; see the module docstring.

_WEB = (  # a globe: outline, meridian ellipse and equator
    '<circle cx="12" cy="12" r="9"/>'
    '<path d="M12 3 A4.5 9 0 0 0 12 21 A4.5 9 0 0 0 12 3 Z"/>'
    '<line x1="3" y1="12" x2="21" y2="12"/>'
)

_MOBILE = (  # a handset outline with speaker slot and home dot
    '<rect x="6.5" y="2.5" width="11" height="19" rx="2.2"/>'
    '<line x1="10.5" y1="5.2" x2="13.5" y2="5.2"/>'
    '<circle cx="12" cy="18.2" r="0.6"/>'
)

_EMAIL = (  # an envelope with its flap
    '<rect x="3" y="5" width="18" height="14" rx="2"/>'
    '<polyline points="3.6 6.6 12 13 20.4 6.6"/>'
)

_SOCIAL = (  # three connected nodes
    '<circle cx="17.5" cy="5.5" r="2.5"/>'
    '<circle cx="6.5" cy="12" r="2.5"/>'
    '<circle cx="17.5" cy="18.5" r="2.5"/>'
    '<path d="M8.7 10.7 L15.3 6.8 M8.7 13.3 L15.3 17.2"/>'
)

_PHONE = (  # a classic handset, earpiece top left, mouthpiece bottom right
    '<path d="M5.2 3 H8.6 L10.4 7.4 L8.1 9.1 A10.5 10.5 0 0 0 14.9 15.9'
    ' L16.6 13.6 L21 15.4 V18.8 A2.2 2.2 0 0 1 18.8 21'
    ' A16.2 16.2 0 0 1 3 5.2 A2.2 2.2 0 0 1 5.2 3 Z"/>'
)

_CHAT = (  # two overlapping speech bubbles
    '<path d="M5 3.5 H14 A2 2 0 0 1 16 5.5 V11 A2 2 0 0 1 14 13 H9'
    ' L5.5 16 V13 H5 A2 2 0 0 1 3 11 V5.5 A2 2 0 0 1 5 3.5 Z"/>'
    '<path d="M16 8 H19 A2 2 0 0 1 21 10 V15.5 A2 2 0 0 1 19 17.5 H18.5'
    ' V20.5 L15 17.5 H11 A2 2 0 0 1 9 15.5 V13"/>'
)

_STORE = (  # a shop front: awning with scallops, walls, door
    '<path d="M3 9 L4.8 3.5 H19.2 L21 9"/>'
    '<path d="M3 9 A3 2.2 0 0 0 9 9 A3 2.2 0 0 0 15 9 A3 2.2 0 0 0 21 9 Z"/>'
    '<path d="M9 9 L9.8 3.5 M15 9 L14.2 3.5"/>'
    '<path d="M4.5 12.5 V20.5 H19.5 V12.5"/>'
    '<path d="M10 20.5 V15.5 H14 V20.5"/>'
)

_SEARCH = (  # a magnifying glass
    '<circle cx="10.2" cy="10.2" r="6.5"/>'
    '<line x1="14.8" y1="14.8" x2="20.2" y2="20.2"/>'
)

_AD = (  # a megaphone with handle and sound wave
    '<path d="M3 10.2 A1.2 1.2 0 0 1 4.2 9 H8 L16.5 4.5 V19.5 L8 15 H4.2'
    ' A1.2 1.2 0 0 1 3 13.8 Z"/>'
    '<path d="M5.5 15 L7 20 H9.5 L8.5 15.5"/>'
    '<path d="M19.5 9 A4 4 0 0 1 19.5 15"/>'
)

_REFERRAL = (  # two people, an arrow passing from one to the other
    '<circle cx="6.5" cy="5.5" r="2.5"/>'
    '<path d="M2.5 14.5 A4 4 0 0 1 10.5 14.5"/>'
    '<circle cx="17.5" cy="5.5" r="2.5"/>'
    '<path d="M13.5 14.5 A4 4 0 0 1 21.5 14.5"/>'
    '<line x1="5" y1="18.5" x2="19" y2="18.5"/>'
    '<polyline points="16.5 16 19 18.5 16.5 21"/>'
)

_REVIEW = (  # a five-pointed star
    '<path d="M12 3.4 L14.41 9.58 L21.04 9.96 L15.9 14.17 L17.58 20.59'
    ' L12 17 L6.42 20.59 L8.1 14.17 L2.96 9.96 L9.59 9.58 Z"/>'
)

_SUPPORT = (  # a headset: band, ear cups, microphone boom
    '<path d="M4.5 12.5 V11 A7.5 7.5 0 0 1 19.5 11 V12.5"/>'
    '<rect x="3" y="11.5" width="4" height="6" rx="1.5"/>'
    '<rect x="17" y="11.5" width="4" height="6" rx="1.5"/>'
    '<path d="M19 17.5 V18 A2.5 2.5 0 0 1 16.5 20.5 H13.5"/>'
    '<line x1="11.5" y1="20.5" x2="12.5" y2="20.5"/>'
)

_SMS = (  # a speech bubble with three dots
    '<path d="M5 4 H19 A2 2 0 0 1 21 6 V15 A2 2 0 0 1 19 17 H10.5'
    ' L6.5 20.5 V17 H5 A2 2 0 0 1 3 15 V6 A2 2 0 0 1 5 4 Z"/>'
    '<circle cx="8" cy="10.5" r="0.6"/>'
    '<circle cx="12" cy="10.5" r="0.6"/>'
    '<circle cx="16" cy="10.5" r="0.6"/>'
)

_VIDEO = (  # a play button in a screen
    '<rect x="2.5" y="5" width="19" height="14" rx="2.5"/>'
    '<path d="M10 9 L15.5 12 L10 15 Z"/>'
)

_EVENT = (  # a calendar page with rings and one marked day
    '<rect x="3" y="5" width="18" height="16" rx="2"/>'
    '<line x1="3" y1="10" x2="21" y2="10"/>'
    '<path d="M8 3 V7 M16 3 V7"/>'
    '<rect x="13" y="13.5" width="4" height="4" rx="0.6"/>'
)

_MAIL = (  # a posted letter: stamp in the corner, address lines
    '<rect x="2.5" y="5" width="19" height="14" rx="1.5"/>'
    '<rect x="15" y="7.5" width="4" height="4.5" rx="0.5"/>'
    '<path d="M5.5 12.5 H11 M5.5 15.5 H13"/>'
)

_PARTNER = (  # two overlapping rings
    '<circle cx="8.8" cy="12" r="6"/>'
    '<circle cx="15.2" cy="12" r="6"/>'
)

_BLOG = (  # a page with a folded corner, a heading and lines of text
    '<path d="M5 2.5 H14.5 L19 7 V21.5 H5 Z"/>'
    '<path d="M14.5 2.5 V7 H19"/>'
    '<path d="M8 10.5 H16 M8 14 H16 M8 17.5 H13"/>'
)

_COMMUNITY = (  # three people, the middle one in front
    '<circle cx="12" cy="7" r="2.8"/>'
    '<path d="M6.5 19.5 A5.5 5.5 0 0 1 17.5 19.5"/>'
    '<circle cx="5" cy="9" r="2"/>'
    '<path d="M1.8 16 A3.4 3.4 0 0 1 6 13"/>'
    '<circle cx="19" cy="9" r="2"/>'
    '<path d="M22.2 16 A3.4 3.4 0 0 0 18 13"/>'
)

_SURVEY = (  # a clipboard with two ticked lines
    '<rect x="4.5" y="4" width="15" height="17.5" rx="1.5"/>'
    '<rect x="9" y="2.5" width="6" height="3" rx="0.8"/>'
    '<polyline points="7.5 10.5 8.8 11.8 11 9.5"/>'
    '<line x1="13" y1="10.8" x2="16.5" y2="10.8"/>'
    '<polyline points="7.5 16 8.8 17.3 11 15"/>'
    '<line x1="13" y1="16.3" x2="16.5" y2="16.3"/>'
)

_LOYALTY = (  # a membership card with a heart
    '<rect x="2.5" y="5" width="19" height="14" rx="2"/>'
    '<path d="M12 16 L8.6 12.6 A2 2 0 0 1 12 9.8 A2 2 0 0 1 15.4 12.6 Z"/>'
)

_IN_PRODUCT = (  # an app window with a pointer on a highlighted element
    '<rect x="2.5" y="3.5" width="19" height="15" rx="2"/>'
    '<line x1="2.5" y1="7.5" x2="21.5" y2="7.5"/>'
    '<rect x="6" y="10.5" width="7" height="4" rx="0.8"/>'
    '<path d="M14.5 13 L20 18.5 L17.3 18.9 L18.8 21.6 L17.4 22.3 L15.9 19.6 L14 21.4 Z"/>'
)

_OTHER = (  # three dots in a circle
    '<circle cx="12" cy="12" r="9"/>'
    '<circle cx="8" cy="12" r="0.6"/>'
    '<circle cx="12" cy="12" r="0.6"/>'
    '<circle cx="16" cy="12" r="0.6"/>'
)


# --- the registry ------------------------------------------------------------

CHANNELS: dict[str, Channel] = {
    c.name: c
    for c in (
        Channel("web", "Web", _WEB),
        Channel("mobile", "Mobile app", _MOBILE),
        Channel("email", "Email", _EMAIL),
        Channel("social", "Social media", _SOCIAL),
        Channel("phone", "Phone", _PHONE),
        Channel("chat", "Chat", _CHAT),
        Channel("store", "Store", _STORE),
        Channel("search", "Search", _SEARCH),
        Channel("ad", "Advertising", _AD),
        Channel("referral", "Referral", _REFERRAL),
        Channel("review", "Review site", _REVIEW),
        Channel("support", "Support desk", _SUPPORT),
        Channel("sms", "SMS", _SMS),
        Channel("video", "Video", _VIDEO),
        Channel("event", "Event", _EVENT),
        Channel("mail", "Post", _MAIL),
        Channel("partner", "Partner", _PARTNER),
        Channel("blog", "Blog", _BLOG),
        Channel("community", "Community", _COMMUNITY),
        Channel("survey", "Survey", _SURVEY),
        Channel("loyalty", "Loyalty programme", _LOYALTY),
        Channel("in_product", "In-product", _IN_PRODUCT),
        Channel("other", "Other", _OTHER),
    )
}
"""Canonical channels in a stable order (the order of the legend)."""

ALIASES: dict[str, str] = {
    # web
    "website": "web",
    "web_site": "web",
    "online": "web",
    "browser": "web",
    "internet": "web",
    # mobile
    "app": "mobile",
    "mobile_app": "mobile",
    "mobile-app": "mobile",
    "smartphone": "mobile",
    # email
    "e-mail": "email",
    "e_mail": "email",
    "newsletter": "email",
    # social
    "social_media": "social",
    "social-media": "social",
    "socialmedia": "social",
    # phone
    "call": "phone",
    "telephone": "phone",
    "call_center": "phone",
    "call-center": "phone",
    "call_centre": "phone",
    "callcenter": "phone",
    "hotline": "phone",
    # chat
    "live_chat": "chat",
    "live-chat": "chat",
    "livechat": "chat",
    "chatbot": "chat",
    "messenger": "chat",
    # store
    "in_store": "store",
    "in-store": "store",
    "instore": "store",
    "shop": "store",
    "retail": "store",
    "branch": "store",
    # search
    "search_engine": "search",
    "seo": "search",
    "sem": "search",
    # ad
    "advertising": "ad",
    "ads": "ad",
    "advert": "ad",
    "advertisement": "ad",
    "campaign": "ad",
    # referral
    "word_of_mouth": "referral",
    "word-of-mouth": "referral",
    "recommendation": "referral",
    "referrals": "referral",
    # review
    "review_site": "review",
    "review-site": "review",
    "reviews": "review",
    "rating": "review",
    "ratings": "review",
    # support
    "support_desk": "support",
    "support-desk": "support",
    "helpdesk": "support",
    "help_desk": "support",
    "help-desk": "support",
    "service_desk": "support",
    "customer_service": "support",
    # sms
    "text": "sms",
    "text_message": "sms",
    "texting": "sms",
    # video
    "webinar": "video",
    "video_call": "video",
    "stream": "video",
    # event
    "events": "event",
    "conference": "event",
    "meetup": "event",
    "trade_show": "event",
    # mail
    "post": "mail",
    "letter": "mail",
    "direct_mail": "mail",
    "postal": "mail",
    # partner
    "partners": "partner",
    "reseller": "partner",
    "affiliate": "partner",
    # blog
    "blogs": "blog",
    "blog_post": "blog",
    "article": "blog",
    # community
    "forum": "community",
    "forums": "community",
    "communities": "community",
    "user_group": "community",
    # survey
    "surveys": "survey",
    "questionnaire": "survey",
    "poll": "survey",
    "nps": "survey",
    # loyalty
    "loyalty_programme": "loyalty",
    "loyalty_program": "loyalty",
    "rewards": "loyalty",
    "membership": "loyalty",
    # in-product
    "inproduct": "in_product",
    "in_app": "in_product",
    "onboarding": "in_product",
    # other
    "misc": "other",
}
"""Alternative spellings (lower case) mapped to canonical channel names."""


def resolve_channel(name: str) -> Channel | None:
    """The channel called ``name`` (case-insensitive, aliases allowed), or None.

    Surrounding whitespace is ignored, and when the exact spelling is unknown
    spaces and hyphens are tried as underscores (``"Live Chat"`` -> ``live_chat``).
    """
    key = name.strip().lower()
    for candidate in (key, "_".join(key.replace("-", " ").split())):
        if candidate in CHANNELS:
            return CHANNELS[candidate]
        if candidate in ALIASES:
            return CHANNELS[ALIASES[candidate]]
    return None


def channel_id(written: str) -> str:
    """The canonical name of the channel written as ``written``; ``other`` when unknown
    (an unknown channel is drawn with the ``other`` icon)."""
    known = resolve_channel(written)
    return known.name if known else "other"


def channel_label(written: str) -> str:
    """What every output shows for the channel written as ``written``: the channel's label
    in the language being written (``Website`` and ``web`` both show ``Web``; the message
    ``channel_<name>``), or an unknown name as it was written."""
    known = resolve_channel(written)
    return say(f"channel_{known.name}") if known else written.strip()


def channel_names() -> list[str]:
    """The canonical channel names in legend order (for did-you-mean hints)."""
    return list(CHANNELS)
