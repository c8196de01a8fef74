"""Every demo child's assessment history, one module per child (see plans.py), by local ID."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cairn.demo.cases import (
    amira_haddad,
    bethan_howells,
    callum_reid,
    connor_hughes,
    dawit_tesfaye,
    dylan_fairbrother,
    ellie_marsh,
    jordan_pike,
    kai_brennan,
    marcus_bell,
    mason_tate,
    maya_szymanska,
    priya_nair,
    rhys_pritchard,
    sophie_lang,
    tyler_okafor,
)
from cairn.demo.plans import Case

# Each builds the child's case for a day (the demo's today), so dates in answers fit it.
CASES: dict[str, Callable[[dt.date], Case]] = {
    "NOR-00001": kai_brennan.case,
    "NOR-00002": amira_haddad.case,
    "NOR-00003": jordan_pike.case,
    "NOR-00004": ellie_marsh.case,
    "NOR-00005": tyler_okafor.case,
    "NOR-00006": maya_szymanska.case,
    "NOR-00007": dylan_fairbrother.case,
    "NOR-00008": sophie_lang.case,
    "NOR-00009": marcus_bell.case,
    "NOR-00010": priya_nair.case,
    "NOR-00011": mason_tate.case,
    "NOR-00012": dawit_tesfaye.case,
    "NOR-00013": callum_reid.case,
    "SOU-00001": connor_hughes.case,
    "SOU-00002": rhys_pritchard.case,
    "SOU-00003": bethan_howells.case,
}
