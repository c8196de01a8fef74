"""The fixed wording of the printed child's plan, in English and Welsh.

The child reads this page, so its words are chosen for the child rather than taken from the
service's catalogue of messages: short sentences, "I" and "you" ("ti" in Welsh, as a worker
speaks to a child). The child's own words are printed as written, in whatever language they
were written. Reviewed by hand: change both languages together.
"""

from __future__ import annotations

import datetime as dt

WORDING: dict[str, dict[str, str]] = {
    "title": {"en": "My plan", "cy": "Fy nghynllun"},
    "name": {"en": "My name", "cy": "Fy enw"},
    "date": {"en": "Date", "cy": "Dyddiad"},
    "worker": {"en": "My youth justice worker", "cy": "Fy ngweithiwr cyfiawnder ieuenctid"},
    "what_i_want": {"en": "What I want", "cy": "Beth rydw i eisiau"},
    "what_im_good_at": {"en": "What I'm good at", "cy": "Beth rydw i'n dda am ei wneud"},
    "what_ill_do": {"en": "What I'll do", "cy": "Beth fydda i'n ei wneud"},
    "who_will_help": {"en": "Who will help me", "cy": "Pwy fydd yn fy helpu"},
    "how_well_know": {
        "en": "How we'll know it's working",
        "cy": "Sut byddwn ni'n gwybod ei fod yn gweithio",
    },
    "draft": {"en": "DRAFT", "cy": "DRAFFT"},
    "draft_note": {
        "en": "This plan is not agreed yet.",
        "cy": "Dydy'r cynllun hwn ddim wedi'i gytuno eto.",
    },
    "changed_note": {
        "en": "This plan has changed since you agreed to it. Read it again together.",
        "cy": "Mae'r cynllun hwn wedi newid ers i ti gytuno iddo. Darllenwch e eto gyda'ch gilydd.",
    },
    "agreed": {
        "en": "I agreed to this plan on %(date)s.",
        "cy": "Cytunais â'r cynllun hwn ar %(date)s.",
    },
    "disagreed": {
        "en": "I did not agree to this plan on %(date)s.",
        "cy": "Doeddwn i ddim yn cytuno â'r cynllun hwn ar %(date)s.",
    },
    "could_not_answer": {
        "en": "I could not answer on %(date)s.",
        "cy": "Doeddwn i ddim yn gallu ateb ar %(date)s.",
    },
    "what_i_said": {"en": "What I said", "cy": "Beth ddywedais i"},
    "empty": {
        "en": "We will write this together.",
        "cy": "Byddwn ni'n ysgrifennu hyn gyda'n gilydd.",
    },
    "version": {"en": "Version %(version)s", "cy": "Fersiwn %(version)s"},
    "marking": {"en": "OFFICIAL-SENSITIVE", "cy": "SWYDDOGOL-SENSITIF"},
}

MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    "cy": [
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
        "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
    ],
}  # fmt: skip


def words_for(language: str) -> dict[str, str]:
    """Every fixed phrase in this language ("cy" or "en"; anything else is English)."""
    chosen = "cy" if language == "cy" else "en"
    return {key: phrases[chosen] for key, phrases in WORDING.items()}


def date_in(language: str, day: dt.date) -> str:
    """A date in words: 4 March 2026, or 4 Mawrth 2026."""
    months = MONTHS["cy" if language == "cy" else "en"]
    return f"{day.day} {months[day.month - 1]} {day.year}"
