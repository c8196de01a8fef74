"""The child's safeguarding facts in words: child protection or child in need, the National
Referral Mechanism (NRM) and MAPPA, each with its date.

One wording for every place that shows them: the facts an assessment pulls through
(assessment.facts) and the one-page summary (reports.summary). Who may see which is decided by
the caller: the summary keeps the NRM and MAPPA to the child's own service and full grants.
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats
from django.utils.translation import gettext as _

from cairn.records import terms
from cairn.records.models import Child, Safeguarding
from cairn.ui.jinja import display as choice_label


def of(child: Child) -> Safeguarding | None:
    try:
        return child.safeguarding
    except Safeguarding.DoesNotExist:
        return None


def _date(value: dt.date) -> str:
    return formats.date_format(value, "j F Y")


def protection(child: Child) -> str:
    """ "Child protection plan since 3 March 2026"; "" when nothing is recorded."""
    found = of(child)
    if found is None:
        return ""
    words = terms.choice_of(child, found, "protection") or choice_label(found, "protection")
    if found.has_plan and found.protection_from:
        return _("%(plan)s since %(date)s") % {"plan": words, "date": _date(found.protection_from)}
    return str(words)


def _decision(found: Safeguarding, name: str, on: dt.date | None) -> str:
    words = str(choice_label(found, name)).lower()
    return f"{words}, {_date(on)}" if on else words


def nrm(child: Child) -> str:
    """The referral and each decision made, with dates; "" when the child was not referred."""
    found = of(child)
    if found is None or found.nrm_referred_on is None:
        return ""
    parts = [_("Referred %(date)s") % {"date": _date(found.nrm_referred_on)}]
    if found.nrm_reasonable_grounds:
        parts.append(
            _("reasonable grounds: %(decision)s")
            % {
                "decision": _decision(
                    found, "nrm_reasonable_grounds", found.nrm_reasonable_grounds_on
                )
            }
        )
    if found.nrm_conclusive_grounds:
        parts.append(
            _("conclusive grounds: %(decision)s")
            % {
                "decision": _decision(
                    found, "nrm_conclusive_grounds", found.nrm_conclusive_grounds_on
                )
            }
        )
    return "; ".join(parts)


def mappa(child: Child) -> str:
    """ "Category 2, level 2, since 1 May 2026"; "" when the child is not managed under MAPPA."""
    found = of(child)
    if found is None or not found.mappa_category:
        return ""
    text = _("Category %(category)s, level %(level)s") % {
        "category": found.mappa_category,
        "level": found.mappa_level or "–",
    }
    if found.mappa_from:
        text = _("%(mappa)s, since %(date)s") % {"mappa": text, "date": _date(found.mappa_from)}
    return text
