"""The child's Core Record: each fact entered once, used everywhere.

A child belongs to one organisation. Other organisations reach a child only through a
`Grant`. Every editable row carries a `version` that increases on each change, so a save
based on an old copy is refused instead of overwriting a colleague's work.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cairn.accounts.models import Organisation, Team


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Ethnicity(models.TextChoices):
    """The 2021 Census categories for England and Wales."""

    ASIAN_BANGLADESHI = "asian_bangladeshi", _("Asian or Asian British: Bangladeshi")
    ASIAN_CHINESE = "asian_chinese", _("Asian or Asian British: Chinese")
    ASIAN_INDIAN = "asian_indian", _("Asian or Asian British: Indian")
    ASIAN_PAKISTANI = "asian_pakistani", _("Asian or Asian British: Pakistani")
    ASIAN_OTHER = "asian_other", _("Asian or Asian British: any other Asian background")
    BLACK_AFRICAN = "black_african", _("Black, Black British, Caribbean or African: African")
    BLACK_CARIBBEAN = "black_caribbean", _("Black, Black British, Caribbean or African: Caribbean")
    BLACK_OTHER = (
        "black_other",
        _("Black, Black British, Caribbean or African: any other background"),
    )
    MIXED_WHITE_ASIAN = "mixed_white_asian", _("Mixed or multiple: White and Asian")
    MIXED_WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or multiple: White and Black African"),
    )
    MIXED_WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or multiple: White and Black Caribbean"),
    )
    MIXED_OTHER = "mixed_other", _("Mixed or multiple: any other background")
    WHITE_BRITISH = "white_british", _("White: English, Welsh, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("White: Irish")
    WHITE_GYPSY = "white_gypsy", _("White: Gypsy or Irish Traveller")
    WHITE_ROMA = "white_roma", _("White: Roma")
    WHITE_OTHER = "white_other", _("White: any other White background")
    OTHER_ARAB = "other_arab", _("Other ethnic group: Arab")
    OTHER = "other", _("Other ethnic group: any other ethnic group")
    NOT_STATED = "not_stated", _("Not stated")


class Religion(models.TextChoices):
    NONE = "none", _("No religion")
    BUDDHIST = "buddhist", _("Buddhist")
    CHRISTIAN = "christian", _("Christian")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Other religion")
    NOT_STATED = "not_stated", _("Not stated")


class Child(Versioned):
    """The child, with the parts of the Core Record kept on this row (see records.parts).

    Each part keeps its own version, so saving one never refuses a colleague's save of another:
    `version` is the personal details' (as the API returns it), and each other part on this row
    has its own column, named by its form's `version_field`.
    """

    class LookedAfter(models.TextChoices):
        NO = "no", _("Not looked after")
        SECTION_20 = "section_20", _("Accommodated by agreement (section 20)")
        CARE_ORDER = "care_order", _("Care order (section 31)")
        REMAND = "remand", _("Looked after because of remand")
        CARE_LEAVER = "care_leaver", _("Care leaver")
        YET_TO_CLARIFY = "yet_to_clarify", _("Yet to clarify")

    class LegalStatus(models.TextChoices):
        NONE = "none", _("No current order or proceedings")
        PRE_COURT = "pre_court", _("Out of court or prevention")
        BAIL = "bail", _("On bail")
        REMAND_LA = "remand_la", _("Remanded to local authority accommodation")
        REMAND_YDA = "remand_yda", _("Remanded to youth detention accommodation")
        COMMUNITY_ORDER = "community_order", _("On a community order")
        CUSTODY = "custody", _("Serving a custodial sentence")
        LICENCE = "licence", _("On licence or notice of supervision")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="children"
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
    )
    local_id = models.CharField(_("local ID"), max_length=30)

    given_name = models.CharField(_("first name"), max_length=100)
    middle_names = models.CharField(_("middle names"), max_length=150, blank=True)
    family_name = models.CharField(_("last name"), max_length=100)
    preferred_name = models.CharField(_("preferred name"), max_length=100, blank=True)
    other_names = models.CharField(_("other names used"), max_length=200, blank=True)
    date_of_birth = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    gender_identity = models.CharField(_("gender identity"), max_length=100, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    ethnicity = models.CharField(
        _("ethnicity"), max_length=40, choices=Ethnicity.choices, blank=True
    )
    religion = models.CharField(
        _("religion or belief"), max_length=20, choices=Religion.choices, blank=True
    )
    first_language = models.CharField(_("first language"), max_length=60, blank=True)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=60, blank=True)
    prefers_welsh = models.BooleanField(_("prefers Welsh for letters and plans"), default=False)
    nationality = models.CharField(_("nationality"), max_length=60, blank=True)

    pnc_number = models.CharField(_("PNC ID"), max_length=13, blank=True)
    nhs_number = models.CharField(_("NHS number"), max_length=12, blank=True)
    upn = models.CharField(_("UPN"), max_length=13, blank=True)

    has_exploitation_concern = models.BooleanField(_("exploitation concern"), default=False)
    exploitation_note = models.CharField(
        _("exploitation concern details"), max_length=300, blank=True
    )
    has_risk_to_staff = models.BooleanField(_("risk to staff"), default=False)
    risk_to_staff_note = models.CharField(_("risk to staff details"), max_length=300, blank=True)

    looked_after = models.CharField(
        _("looked-after status"), max_length=20, choices=LookedAfter.choices, default=LookedAfter.NO
    )
    care_local_authority = models.CharField(
        _("responsible local authority"), max_length=120, blank=True
    )
    care_placement = models.CharField(_("placement"), max_length=200, blank=True)
    social_worker_name = models.CharField(_("social worker"), max_length=120, blank=True)
    social_worker_team = models.CharField(_("social worker's team"), max_length=120, blank=True)
    social_worker_phone = models.CharField(_("social worker's phone"), max_length=30, blank=True)
    social_worker_email = models.EmailField(_("social worker's email"), blank=True)

    legal_status = models.CharField(
        _("legal status"), max_length=20, choices=LegalStatus.choices, default=LegalStatus.NONE
    )
    bail_conditions = models.TextField(_("bail conditions"), blank=True)
    next_court_date = models.DateField(_("next court date"), null=True, blank=True)
    next_court = models.CharField(_("court"), max_length=120, blank=True)
    custody_establishment = models.CharField(_("secure establishment"), max_length=120, blank=True)

    identifiers_version = models.PositiveIntegerField(default=1)
    allocation_version = models.PositiveIntegerField(default=1)
    alerts_version = models.PositiveIntegerField(default=1)
    care_version = models.PositiveIntegerField(default=1)
    legal_status_version = models.PositiveIntegerField(default=1)

    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "local_id"], name="child_local_id_unique_in_org"
            ),
            models.CheckConstraint(
                condition=~Q(needs_interpreter=True) | ~Q(interpreter_language=""),
                name="child_interpreter_needs_language",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation", "family_name", "given_name"], name="child_org_name"
            ),
            models.Index(fields=["organisation", "date_of_birth"], name="child_org_dob"),
            # My caseload and team caseload: equality on both, ordered by name.
            models.Index(
                fields=["organisation", "case_worker", "family_name", "given_name"],
                name="child_org_worker_name",
            ),
            models.Index(
                fields=["organisation", "team", "family_name", "given_name"],
                name="child_org_team_name",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def known_as(self) -> str:
        return self.preferred_name or self.given_name

    def age_on(self, on: date) -> int:
        born = self.date_of_birth
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    @property
    def tenth_birthday(self) -> date:
        born = self.date_of_birth
        try:
            return born.replace(year=born.year + 10)
        except ValueError:  # born on 29 February
            return date(born.year + 10, 3, 1)


class ChildSearchTerm(models.Model):
    """A word a caseload search finds the child by: a word of a name or an identifier,
    normalised (see records.search). Derived from the child's row and rewritten by
    records.operations whenever the names or identifiers change."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="search_terms")
    # db_index: SQLite serves a prefix as a range on it; on PostgreSQL Django adds a
    # pattern-ops index beside it, which serves LIKE 'prefix%' whatever the collation.
    term = models.CharField(max_length=100, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "term"], name="child_search_term_once")
        ]

    def __str__(self) -> str:
        return self.term


class Address(Versioned):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField(_("address line 1"), max_length=120)
    line_2 = models.CharField(_("address line 2"), max_length=120, blank=True)
    town = models.CharField(_("town or city"), max_length=80)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    living_with = models.CharField(_("living with"), max_length=150, blank=True)
    from_date = models.DateField(_("from"))
    to_date = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(to_date__isnull=True) | Q(to_date__gte=models.F("from_date")),
                name="address_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return ", ".join(part for part in [self.line_1, self.town, self.postcode] if part)

    @property
    def is_current(self) -> bool:
        return self.to_date is None or self.to_date >= timezone.localdate()


class Contact(Versioned):
    class Relationship(models.TextChoices):
        MOTHER = "mother", _("Mother")
        FATHER = "father", _("Father")
        STEP_PARENT = "step_parent", _("Step-parent")
        GRANDPARENT = "grandparent", _("Grandparent")
        AUNT_UNCLE = "aunt_uncle", _("Aunt or uncle")
        SIBLING = "sibling", _("Brother or sister")
        FOSTER_CARER = "foster_carer", _("Foster carer")
        RESIDENTIAL_KEY_WORKER = "residential_key_worker", _("Residential key worker")
        SPECIAL_GUARDIAN = "special_guardian", _("Special guardian")
        FRIEND = "friend", _("Friend or mentor")
        PROFESSIONAL = "professional", _("Professional")
        OTHER = "other", _("Other")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    relationship = models.CharField(_("relationship"), max_length=30, choices=Relationship.choices)
    relationship_detail = models.CharField(_("relationship details"), max_length=120, blank=True)
    has_parental_responsibility = models.BooleanField(
        _("has parental responsibility"), default=False
    )
    lives_with_child = models.BooleanField(_("lives with the child"), default=False)
    is_emergency_contact = models.BooleanField(_("emergency contact"), default=False)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    language = models.CharField(_("preferred language"), max_length=60, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    def __str__(self) -> str:
        return self.name


class Education(Versioned):
    class Status(models.TextChoices):
        FULL_TIME = "full_time", _("In full-time education")
        PART_TIME_TIMETABLE = "part_time", _("On a reduced or part-time timetable")
        ALTERNATIVE_PROVISION = "alternative", _("In alternative provision")
        ELECTIVE_HOME = "home", _("Electively home educated")
        COLLEGE = "college", _("At college")
        TRAINING = "training", _("In training or an apprenticeship")
        EMPLOYED = "employed", _("Employed")
        NOT_IN_EDUCATION = "neet", _("Not in education, employment or training")
        YET_TO_CLARIFY = "yet_to_clarify", _("Yet to clarify")

    class Sen(models.TextChoices):
        NONE = "none", _("No special educational needs")
        SEN_SUPPORT = "sen_support", _("SEN support")
        EHCP = "ehcp", _("Education, health and care plan (EHCP)")
        ASSESSMENT = "assessment", _("Being assessed for an EHCP")
        YET_TO_CLARIFY = "yet_to_clarify", _("Yet to clarify")

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="education")
    setting = models.CharField(_("school, college or employer"), max_length=150, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.YET_TO_CLARIFY
    )
    year_group = models.CharField(_("year group"), max_length=20, blank=True)
    attendance_percent = models.PositiveSmallIntegerField(
        _("attendance (%)"), null=True, blank=True
    )
    sen = models.CharField(
        _("special educational needs"),
        max_length=20,
        choices=Sen.choices,
        default=Sen.YET_TO_CLARIFY,
    )
    sen_details = models.TextField(_("special educational needs details"), blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(attendance_percent__isnull=True) | Q(attendance_percent__lte=100),
                name="education_attendance_is_a_percentage",
            )
        ]

    def __str__(self) -> str:
        return self.setting or str(self.get_status_display())


class Exclusion(Versioned):
    class Kind(models.TextChoices):
        SUSPENSION = "suspension", _("Suspension (fixed-term exclusion)")
        PERMANENT = "permanent", _("Permanent exclusion")
        MANAGED_MOVE = "managed_move", _("Managed move")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="exclusions")
    start_date = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    days = models.PositiveSmallIntegerField(_("school days"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=250, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {formats.date_format(self.start_date, 'j F Y')}"


class Health(Versioned):
    class Slcn(models.TextChoices):
        NONE = "none", _("No known needs")
        SUSPECTED = "suspected", _("Suspected, not assessed")
        ASSESSED = "assessed", _("Assessed or diagnosed")
        YET_TO_CLARIFY = "yet_to_clarify", _("Yet to clarify")

    class Neurodiversity(models.TextChoices):
        AUTISM = "autism", _("Autism")
        ADHD = "adhd", _("ADHD")
        DYSLEXIA = "dyslexia", _("Dyslexia or dyspraxia")
        LEARNING_DISABILITY = "learning_disability", _("Learning disability")
        FASD = "fasd", _("Foetal alcohol spectrum disorder")
        BRAIN_INJURY = "brain_injury", _("Acquired brain injury")
        TIC = "tic", _("Tourette's or tic disorder")
        OTHER = "other", _("Other")

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="health")
    gp_name = models.CharField(_("GP"), max_length=120, blank=True)
    gp_practice = models.CharField(_("GP practice"), max_length=150, blank=True)
    gp_phone = models.CharField(_("GP practice phone"), max_length=30, blank=True)
    conditions = models.TextField(_("health conditions"), blank=True)
    medication = models.TextField(_("medication"), blank=True)
    slcn = models.CharField(
        _("speech, language and communication needs"),
        max_length=20,
        choices=Slcn.choices,
        default=Slcn.YET_TO_CLARIFY,
    )
    slcn_details = models.TextField(_("speech, language and communication details"), blank=True)
    neurodiversity = models.JSONField(_("neurodiversity"), default=list, blank=True)
    neurodiversity_details = models.TextField(_("neurodiversity details"), blank=True)

    def __str__(self) -> str:
        return f"Health of {self.child_id}"


class Safeguarding(Versioned):
    """Child protection, modern slavery and public protection facts about the child, each dated.

    Kept apart from the rest of the record because fewer people may see them: the child's own
    service and organisations with a full grant read them; a partner with a summary grant sees
    only whether there is a child protection or child in need plan (reports.summary). The words
    for the plans differ in Wales (records.terms)."""

    class Protection(models.TextChoices):
        NONE = "none", _("No child protection or child in need plan")
        CHILD_IN_NEED = "child_in_need", _("Child in need plan (section 17, Children Act 1989)")
        CHILD_PROTECTION = "child_protection", _("Child protection plan")
        YET_TO_CLARIFY = "yet_to_clarify", _("Yet to clarify")

    class NrmDecision(models.TextChoices):
        AWAITED = "awaited", _("Awaited")
        POSITIVE = "positive", _("Positive")
        NEGATIVE = "negative", _("Negative")

    class MappaCategory(models.TextChoices):
        CATEGORY_1 = "1", _("Category 1: registered sexual offender")
        CATEGORY_2 = "2", _("Category 2: violent offender or other sexual offender")
        CATEGORY_3 = "3", _("Category 3: other dangerous offender")

    class MappaLevel(models.TextChoices):
        LEVEL_1 = "1", _("Level 1: ordinary agency management")
        LEVEL_2 = "2", _("Level 2: multi-agency meetings")
        LEVEL_3 = "3", _("Level 3: senior multi-agency management")

    PLANS = frozenset({Protection.CHILD_IN_NEED, Protection.CHILD_PROTECTION})
    DECIDED = frozenset({NrmDecision.POSITIVE, NrmDecision.NEGATIVE})

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="safeguarding")
    protection = models.CharField(
        _("child protection or child in need"),
        max_length=20,
        choices=Protection.choices,
        default=Protection.YET_TO_CLARIFY,
    )
    protection_from = models.DateField(_("plan since"), null=True, blank=True)
    nrm_referred_on = models.DateField(
        _("National Referral Mechanism referral"), null=True, blank=True
    )
    nrm_reasonable_grounds = models.CharField(
        _("reasonable grounds decision"), max_length=10, choices=NrmDecision.choices, blank=True
    )
    nrm_reasonable_grounds_on = models.DateField(
        _("reasonable grounds decision date"), null=True, blank=True
    )
    nrm_conclusive_grounds = models.CharField(
        _("conclusive grounds decision"), max_length=10, choices=NrmDecision.choices, blank=True
    )
    nrm_conclusive_grounds_on = models.DateField(
        _("conclusive grounds decision date"), null=True, blank=True
    )
    mappa_category = models.CharField(
        _("MAPPA category"), max_length=2, choices=MappaCategory.choices, blank=True
    )
    mappa_level = models.CharField(
        _("MAPPA level"), max_length=2, choices=MappaLevel.choices, blank=True
    )
    mappa_from = models.DateField(_("MAPPA since"), null=True, blank=True)

    def __str__(self) -> str:
        return f"Safeguarding of {self.child_id}"

    @property
    def has_plan(self) -> bool:
        return self.protection in self.PLANS


class Offence(Versioned):
    """An offence and how it was dealt with. Categories and outcomes use the OGRS3 codes."""

    class Category(models.TextChoices):
        VIOLENCE = "violence", _("Violence against the person")
        ROBBERY = "robbery", _("Robbery")
        PUBLIC_ORDER = "public_order", _("Public order and harassment")
        SEXUAL_NOT_CHILD = "sexual_not_child", _("Sexual, not against a child")
        SEXUAL_CHILD = "sexual_child", _("Sexual, against a child")
        SOLICITING = "soliciting", _("Soliciting or prostitution")
        BURGLARY_DOMESTIC = "burglary_domestic", _("Burglary (domestic)")
        BURGLARY_OTHER = "burglary_other", _("Burglary (other)")
        THEFT = "theft", _("Theft (non-motor)")
        HANDLING = "handling", _("Handling stolen goods")
        FRAUD = "fraud", _("Fraud and forgery")
        ABSCONDING_BAIL = "absconding_bail", _("Absconding or bail offences")
        TAKING_VEHICLE = "taking_vehicle", _("Taking and driving away and related")
        THEFT_FROM_VEHICLE = "theft_from_vehicle", _("Theft from vehicles")
        OTHER_MOTORING = "other_motoring", _("Other motoring")
        DRINK_DRIVING = "drink_driving", _("Drink driving")
        CRIMINAL_DAMAGE = "criminal_damage", _("Criminal damage")
        DRUG_PRODUCTION = "drug_production", _("Drug import, export or production")
        DRUG_POSSESSION_SUPPLY = "drug_possession_supply", _("Drug possession or supply")
        OTHER = "other", _("Other offence")

    class Outcome(models.TextChoices):
        COMMUNITY_RESOLUTION = "community_resolution", _("Community resolution")
        YOUTH_CAUTION = "youth_caution", _("Youth caution")
        YOUTH_CONDITIONAL_CAUTION = "youth_conditional_caution", _("Youth conditional caution")
        DISCHARGE = "discharge", _("Discharge")
        FINE = "fine", _("Fine")
        REFERRAL_ORDER = "referral_order", _("Referral order")
        YOUTH_REHABILITATION_ORDER = "youth_rehabilitation_order", _("Youth rehabilitation order")
        DETENTION_AND_TRAINING_ORDER = (
            "detention_and_training_order",
            _("Detention and training order"),
        )
        OTHER_CUSTODIAL = "other_custodial", _("Other custodial sentence")
        OTHER_COURT = "other_court", _("Other court outcome")
        NO_FURTHER_ACTION = "no_further_action", _("No further action")
        ACQUITTED = "acquitted", _("Acquitted (found not guilty)")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        DISMISSED = "dismissed", _("Dismissed")
        OUTCOME_21 = (
            "outcome_21",
            _("Outcome 21: further investigation not in the public interest"),
        )
        OUTCOME_22 = "outcome_22", _("Outcome 22: deferred prosecution or diversionary activity")

    class Status(models.TextChoices):
        """Whether the offence is proven. Derived from the outcome (see `status_of`), never
        stored. Only a proven offence is offending on the timeline."""

        ALLEGED = "alleged", _("Alleged")  # a charge or allegation awaiting its outcome
        PROVEN = "proven", _("Proven")  # a sanction, or a community resolution (admitted)
        NOT_PROVEN = "not_proven", _("Not proven")  # acquitted, withdrawn, dismissed, NFA
        DIVERTED = "diverted", _("Police diversion")  # outcome 21 or 22: not a conviction

    NOT_PROVEN_OUTCOMES = frozenset(
        {Outcome.ACQUITTED, Outcome.WITHDRAWN, Outcome.DISMISSED, Outcome.NO_FURTHER_ACTION}
    )
    DIVERSION_OUTCOMES = frozenset({Outcome.OUTCOME_21, Outcome.OUTCOME_22})
    # Not sanctions in OGRS3's terms (a caution or a conviction): a community resolution, and
    # every outcome that proves nothing.
    NOT_SANCTIONS = frozenset(
        {Outcome.COMMUNITY_RESOLUTION, *NOT_PROVEN_OUTCOMES, *DIVERSION_OUTCOMES}
    )
    COURT_OUTCOMES = frozenset(
        {
            Outcome.DISCHARGE,
            Outcome.FINE,
            Outcome.REFERRAL_ORDER,
            Outcome.YOUTH_REHABILITATION_ORDER,
            Outcome.DETENTION_AND_TRAINING_ORDER,
            Outcome.OTHER_CUSTODIAL,
            Outcome.OTHER_COURT,
            Outcome.ACQUITTED,
            Outcome.DISMISSED,
        }
    )

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="offences")
    offence_date = models.DateField(_("offence date"))
    description = models.CharField(_("description"), max_length=300)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    is_primary = models.BooleanField(_("primary offence"), default=False)
    outcome_type = models.CharField(
        _("outcome"), max_length=40, choices=Outcome.choices, blank=True
    )
    outcome_date = models.DateField(_("outcome date"), null=True, blank=True)
    court = models.CharField(_("court"), max_length=120, blank=True)
    order_end_date = models.DateField(_("order ends"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome_date__isnull=True)
                | Q(outcome_date__gte=models.F("offence_date")),
                name="offence_outcome_after_offence",
            ),
            models.CheckConstraint(
                condition=Q(outcome_type="") | Q(outcome_date__isnull=False),
                name="offence_outcome_has_date",
            ),
        ]
        indexes = [models.Index(fields=["child", "offence_date"], name="offence_child_date")]

    def __str__(self) -> str:
        return self.description

    @classmethod
    def status_of(cls, outcome_type: str) -> str:
        """alleged (no outcome yet), proven, not_proven or diverted: see `Status`."""
        if not outcome_type:
            return cls.Status.ALLEGED
        if outcome_type in cls.NOT_PROVEN_OUTCOMES:
            return cls.Status.NOT_PROVEN
        if outcome_type in cls.DIVERSION_OUTCOMES:
            return cls.Status.DIVERTED
        return cls.Status.PROVEN

    @classmethod
    def marker_of(cls, outcome_type: str) -> str:
        """The word that marks an unproven offence wherever offences are listed ("Alleged",
        "Acquitted"…); empty for a proven one."""
        status = cls.status_of(outcome_type)
        if status == cls.Status.PROVEN:
            return ""
        if status == cls.Status.ALLEGED:
            return str(_("Alleged"))
        marker = MARKERS.get(outcome_type)
        return str(marker) if marker is not None else ""

    @property
    def is_sanction(self) -> bool:
        return bool(self.outcome_type) and self.outcome_type not in self.NOT_SANCTIONS

    @property
    def status(self) -> str:
        return self.status_of(self.outcome_type)

    @property
    def is_proven(self) -> bool:
        return self.status == self.Status.PROVEN

    @property
    def marker(self) -> str:
        return self.marker_of(self.outcome_type)


# The short words that mark an offence whose outcome proves nothing.
MARKERS: dict[str, Promise] = {
    Offence.Outcome.ACQUITTED: _("Acquitted"),
    Offence.Outcome.WITHDRAWN: _("Withdrawn"),
    Offence.Outcome.DISMISSED: _("Dismissed"),
    Offence.Outcome.NO_FURTHER_ACTION: _("No further action"),
    Offence.Outcome.OUTCOME_21: _("Outcome 21"),
    Offence.Outcome.OUTCOME_22: _("Outcome 22"),
}


class LifeEvent(Versioned):
    class Kind(models.TextChoices):
        BEREAVEMENT = "bereavement", _("Bereavement")
        PARENTS_SEPARATED = "parents_separated", _("Parents separated")
        MOVED_HOME = "moved_home", _("Moved home")
        ENTERED_CARE = "entered_care", _("Entered care")
        LEFT_CARE = "left_care", _("Left care or returned home")
        CHANGED_SCHOOL = "changed_school", _("Changed school")
        EXCLUDED = "excluded", _("Excluded from school")
        VICTIM = "victim", _("Victim of crime or abuse")
        DOMESTIC_ABUSE = "domestic_abuse", _("Domestic abuse at home")
        PARENT_IMPRISONED = "parent_imprisoned", _("Parent or carer imprisoned")
        HEALTH_EVENT = "health_event", _("Serious illness or hospital stay")
        NEW_SIBLING = "new_sibling", _("New brother or sister")
        BECAME_PARENT = "became_parent", _("Became a parent")
        ACHIEVEMENT = "achievement", _("Achievement or positive change")
        OTHER = "other", _("Other")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="life_events")
    date = models.DateField(_("date"))
    event_type = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"))

    def __str__(self) -> str:
        return f"{self.get_event_type_display()} {formats.date_format(self.date, 'j F Y')}"


class Grant(models.Model):
    """Another organisation's time-bound, audited right to part of a child's record.

    The scope says what the grant allows: a secure establishment while the child is in
    custody, the placements team on remand or sentence, a receiving service on transfer,
    a partner agency for a shared summary.
    """

    class Scope(models.TextChoices):
        CUSTODY = "custody", _("Secure establishment while in custody")
        PLACEMENT = "placement", _("Youth custody placement")
        TRANSFER = "transfer", _("Transfer to another service")
        SUMMARY = "summary", _("Shared summary for a partner agency")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="grants")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="grants")
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    valid_from = models.DateTimeField(_("from"), default=timezone.now)
    valid_until = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
                name="grant_period_in_order",
            )
        ]
        indexes = [models.Index(fields=["organisation", "child"], name="grant_org_child")]

    def __str__(self) -> str:
        return f"{self.get_scope_display()}: {self.organisation} for child {self.child_id}"


class Restriction(models.Model):
    """A child's record kept to named staff of its organisation (records.access).

    Harmful sexual behaviour cases and children of staff, say. A manager restricts the record
    with a reason and names who may open it (they are named too); the organisation's other
    staff see that the child exists, and whom to ask, but nothing of the record. Managers may
    always see and change who is named. Grants to other organisations are not affected."""

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="restriction")
    reason = models.TextField(_("reason"))
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    restricted_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Restriction of child {self.child_id}"


class RestrictedTo(models.Model):
    """A member of the child's organisation named on its restriction: they may open the record."""

    restriction = models.ForeignKey(Restriction, on_delete=models.CASCADE, related_name="named")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["restriction", "user"], name="restricted_to_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"User {self.user_id} on restriction {self.restriction_id}"
