"""The content rules' descriptions (the rules panel) and the medicine-list hints, marked for
Qt's translation.

The rules live in the core (ldn_report.rules, no Qt), so their English descriptions are listed
here for pyside6-lupdate; a test checks every rule's description is in this list.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...i18n.fill import fill
from ...medicines.detect import NearMiss
from ...report import RuleHit
from ...rules import RULES_BY_ID, find_near_misses, find_opioids

CONTEXT = "Rule"
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

MARKED = (
    QT_TRANSLATE_NOOP("Rule", "Core messages: not recommended as a main treatment; not a DMT "
                      "replacement; moderate to low quality evidence; modest benefit against a "
                      "dummy pill, after 8 weeks; the larger trial; harms with numbers; the "
                      "decision aid."),
    QT_TRANSLATE_NOOP("Rule", "No DMT: stresses that approved DMTs are the cornerstone of MS "
                      "care and invites a DMT discussion."),
    QT_TRANSLATE_NOOP("Rule", "DMT status not recorded: neutral wording (DMTs are the main "
                      "treatment; tell us about any MS medicine), never the wording for someone "
                      "who declined."),
    QT_TRANSLATE_NOOP("Rule", "DMT not tolerated or not suitable: one situation where LDN might "
                      "be considered, still not as disease modification; LDN does not replace a "
                      "DMT; invites a talk about other DMT options (and the record's tick line)."),
    QT_TRANSLATE_NOOP("Rule", "On a DMT and tolerating it: LDN would be an add-on; keep taking "
                      "the DMT."),
    QT_TRANSLATE_NOOP("Rule", "Hopes LDN will slow MS, cut relapses or replace a DMT: a marked "
                      "expectation, in the patient's own words and DMT situation, that the "
                      "evidence does not show this."),
    QT_TRANSLATE_NOOP("Rule", "Goal mood: matched to the mental health scores (MHI +6, MCS "
                      "+3.3)."),
    QT_TRANSLATE_NOOP("Rule", "Goal pain: matched to the Pain Effects Scale (+1.6)."),
    QT_TRANSLATE_NOOP("Rule", "Goal thinking and memory: matched to the Perceived Deficits "
                      "Questionnaire (+2.4)."),
    QT_TRANSLATE_NOOP("Rule", "Goal fatigue: will be monitored; no claim of benefit."),
    QT_TRANSLATE_NOOP("Rule", "Goal quality of life: what LDN was studied for; changes were "
                      "small."),
    QT_TRANSLATE_NOOP("Rule", "Takes opioids: LDN must not be started; named warning on page 1 "
                      "(naltrexone label)."),
    QT_TRANSLATE_NOOP("Rule", "Check the medicine list: a name looks like a misspelt opioid."),
    QT_TRANSLATE_NOOP("Rule", "Surgery planned: warning to tell the surgical team (opioid pain "
                      "relief)."),
    QT_TRANSLATE_NOOP("Rule", "Liver disease: caution to discuss, with what is and is not "
                      "known."),
    QT_TRANSLATE_NOOP("Rule", "Pregnant, planning or breastfeeding: caution to discuss; safety "
                      "data are limited."),
    QT_TRANSLATE_NOOP("Rule", "Neuroinflammation symptoms: on the clinician pages only, the "
                      "summary's adjunct-therapy suggestion as its own opinion (source not "
                      "identified); never advice to the patient."),
    QT_TRANSLATE_NOOP("Rule", "Nutrition concern: multidisciplinary care and nutrition points "
                      "added."),
    QT_TRANSLATE_NOOP("Rule", "De-identified: no name, date of birth or record number anywhere "
                      "in the report."),
)


def rule_hit_text(hit: RuleHit, medicines: tuple[str, ...] = ()) -> str:
    """What the rules panel shows for ``hit`` in the interface language; ``medicines`` (the
    patient's list, as typed) names the opioids and the look-alikes as the core does."""
    rule = RULES_BY_ID.get(hit.rule)
    if rule is None:
        return hit.description
    if hit.rule == "opioid_use" and (opioids := find_opioids(medicines)):
        named = "; ".join(fill(translate("Rule", "%1, contains %2"), m.medicine, m.contains)
                          for m in opioids)
        return fill(translate("Rule", "Takes opioids (%1): LDN must not be started; named "
                              "warning on page 1 (naltrexone label)."), named)
    if hit.rule == "medicine_spelling" and (misses := find_near_misses(medicines)):
        return " ".join(fill(translate("Rule", "Check the medicine list: %1. No opioid warning "
                                       "is added for it until it is corrected or the opioid "
                                       "box is ticked."), near_miss_text(m)) for m in misses)
    return translate(CONTEXT, rule.description)


def near_miss_text(miss: NearMiss) -> str:
    """"did you mean tramadol? “tramadl” looks like tramadol, an opioid", translated."""
    if miss.suggestion.casefold() == miss.contains.casefold():
        return fill(translate("Rule", "did you mean %1? \u201c%2\u201d looks like %1, an "
                              "opioid"), miss.suggestion, miss.word)
    return fill(translate("Rule", "did you mean %1? \u201c%2\u201d looks like %1, which "
                          "contains %3, an opioid"), miss.suggestion, miss.word, miss.contains)
