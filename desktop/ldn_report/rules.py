"""The content rules of design.md as data: when each fires, and what it means for this patient."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .context import PatientContext
from .evidence import EvidencePack, default_pack
from .medicines.detect import NearMiss, OpioidFinder, OpioidMedicine

NO_DMT = frozenset({"declined", "none_yet"})
DMT_TROUBLE = frozenset({"stopped_intolerance", "contraindicated", "on_dmt_not_tolerating"})
# Taking a DMT now (tolerated or not): "replace your DMT" speaks to them; to no one else.
ON_DMT = frozenset({"on_dmt_tolerating", "on_dmt_not_tolerating"})
DISEASE_GOALS = frozenset({"slow_progression", "fewer_relapses", "replace_dmt"})


@dataclass(frozen=True)
class Rule:
    """One content rule. ``description`` is what the clinician's panel shows when it fires."""

    id: str
    when: str
    description: str
    applies: Callable[[PatientContext], bool]
    severity: str = "info"


_FINDERS: dict[int, OpioidFinder] = {}


def _finder(pack: EvidencePack | None) -> OpioidFinder:
    pack = pack or default_pack()
    if id(pack) not in _FINDERS:
        _FINDERS[id(pack)] = OpioidFinder(pack.opioids)
    return _FINDERS[id(pack)]


def find_opioids(medicines: tuple[str, ...], pack: EvidencePack | None = None
                 ) -> tuple[OpioidMedicine, ...]:
    """The medicines (as typed) that contain an opioid, per the pack's lexicon."""
    return _finder(pack).opioids(medicines)


def find_near_misses(medicines: tuple[str, ...], pack: EvidencePack | None = None
                     ) -> tuple[NearMiss, ...]:
    """Medicines that look like a misspelt opioid ("tramadl"): a "did you mean", never silence."""
    return _finder(pack).near_misses(medicines)


def opioid_medicines(ctx: PatientContext, pack: EvidencePack | None = None
                     ) -> tuple[OpioidMedicine, ...]:
    """The patient's medicines that contain an opioid."""
    return find_opioids(ctx.medications, pack)


def medicine_near_misses(ctx: PatientContext, pack: EvidencePack | None = None
                         ) -> tuple[NearMiss, ...]:
    """The patient's medicines that look like a misspelt opioid."""
    return find_near_misses(ctx.medications, pack)


def takes_opioid(ctx: PatientContext) -> bool:
    """The box is ticked, or an opioid is in the medicine list (whatever the box says)."""
    return ctx.safety_opioid_use or bool(opioid_medicines(ctx))


def rule_description(rule: Rule, ctx: PatientContext, pack: EvidencePack | None = None) -> str:
    """What the clinician's panel shows for a fired rule, naming this patient's medicines."""
    if rule.id == "opioid_use":
        named = "; ".join(f"{m.medicine}, contains {m.contains}"
                          for m in opioid_medicines(ctx, pack))
        if named:
            return rule.description.replace("Takes opioids:", f"Takes opioids ({named}):", 1)
    if rule.id == "medicine_spelling":
        return " ".join(f"Check the medicine list: {m.message}. No opioid warning is added for "
                        "it until it is corrected or the opioid box is ticked."
                        for m in medicine_near_misses(ctx, pack))
    return rule.description


RULES: tuple[Rule, ...] = (
    Rule("always_honest_core", "always",
         "Core messages: not recommended as a main treatment; not a DMT replacement; moderate "
         "to low quality evidence; modest benefit against a dummy pill, after 8 weeks; the "
         "larger trial; harms with numbers; the decision aid.",
         lambda c: True),
    Rule("dmt_cornerstone", "dmt.status is declined or none_yet",
         "No DMT: stresses that approved DMTs are the cornerstone of MS care and invites a "
         "DMT discussion.",
         lambda c: c.dmt_status in NO_DMT, "caution"),
    Rule("dmt_unknown", "dmt.status is unknown (not recorded)",
         "DMT status not recorded: neutral wording (DMTs are the main treatment; tell us about "
         "any MS medicine), never the wording for someone who declined.",
         lambda c: c.dmt_status == "unknown", "caution"),
    Rule("dmt_trouble", "dmt.status is stopped_intolerance, contraindicated or "
         "on_dmt_not_tolerating",
         "DMT not tolerated or not suitable: one situation where LDN might be considered, still "
         "not as disease modification; LDN does not replace a DMT; invites a talk about other "
         "DMT options (and the record's tick line).",
         lambda c: c.dmt_status in DMT_TROUBLE),
    Rule("dmt_addon", "dmt.status is on_dmt_tolerating",
         "On a DMT and tolerating it: LDN would be an add-on; keep taking the DMT.",
         lambda c: c.dmt_status == "on_dmt_tolerating"),
    Rule("goal_disease", "goals include slow_progression, fewer_relapses or replace_dmt",
         "Hopes LDN will slow MS, cut relapses or replace a DMT: a marked expectation, in the "
         "patient's own words and DMT situation, that the evidence does not show this.",
         lambda c: bool(DISEASE_GOALS & set(c.goals)), "caution"),
    Rule("goal_mood", "goals include mood",
         "Goal mood: matched to the mental health scores (MHI +6, MCS +3.3).",
         lambda c: "mood" in c.goals),
    Rule("goal_pain", "goals include pain",
         "Goal pain: matched to the Pain Effects Scale (+1.6).",
         lambda c: "pain" in c.goals),
    Rule("goal_cognition", "goals include cognition",
         "Goal thinking and memory: matched to the Perceived Deficits Questionnaire (+2.4).",
         lambda c: "cognition" in c.goals),
    Rule("goal_fatigue", "goals include fatigue",
         "Goal fatigue: will be monitored; no claim of benefit.",
         lambda c: "fatigue" in c.goals),
    Rule("goal_quality_of_life", "goals include quality_of_life",
         "Goal quality of life: what LDN was studied for; changes were small.",
         lambda c: "quality_of_life" in c.goals),
    Rule("opioid_use", "safety.opioid_use, or an opioid in medications",
         "Takes opioids: LDN must not be started; named warning on page 1 (naltrexone label).",
         takes_opioid, "warning"),
    Rule("medicine_spelling", "a medicine looks like a misspelt opioid",
         "Check the medicine list: a name looks like a misspelt opioid.",
         lambda c: bool(medicine_near_misses(c)), "warning"),
    Rule("planned_surgery", "safety.planned_surgery",
         "Surgery planned: warning to tell the surgical team (opioid pain relief).",
         lambda c: c.safety_planned_surgery, "warning"),
    Rule("liver_disease", "safety.liver_disease",
         "Liver disease: caution to discuss, with what is and is not known.",
         lambda c: c.safety_liver_disease, "caution"),
    Rule("pregnancy", "safety.pregnant_or_planning",
         "Pregnant, planning or breastfeeding: caution to discuss; safety data are limited.",
         lambda c: c.safety_pregnant_or_planning, "caution"),
    Rule("neuroinflammation", "neuroinflammation_symptoms",
         "Neuroinflammation symptoms: on the clinician pages only, the summary's adjunct-therapy "
         "suggestion as its own opinion (source not identified); never advice to the patient.",
         lambda c: c.neuroinflammation_symptoms),
    Rule("nutrition", "nutrition_concern",
         "Nutrition concern: multidisciplinary care and nutrition points added.",
         lambda c: c.nutrition_concern, "caution"),
    Rule("deidentified", "patient.deidentified",
         "De-identified: no name, date of birth or record number anywhere in the report.",
         lambda c: c.patient_deidentified),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}


def fired_rules(ctx: PatientContext) -> list[Rule]:
    """The rules that apply to this patient, in table order."""
    return [rule for rule in RULES if rule.applies(ctx)]
