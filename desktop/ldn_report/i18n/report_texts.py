"""The words a report prints around the evidence pack's statements (headings, labels, table
headers, footer), per language. Clinical sentences are never here: they live in the pack."""

from __future__ import annotations

from ..errors import InputError

LANGUAGES: tuple[str, ...] = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Espa\u00f1ol"}

_EN: dict[str, str] = {
    "title": "Low-dose naltrexone (LDN) for MS: your counseling report",
    "subject": "Counseling report on low-dose naltrexone for multiple sclerosis",
    "keywords": "low-dose naltrexone; multiple sclerosis; counseling report",
    "clinic.placeholder": "Your MS clinic",  # the built-in templates' stand-in clinic name
    # the patient block
    "fact.patient": "Patient",
    "fact.date_of_birth": "Date of birth",
    "fact.mrn": "Record number",
    "fact.appointment": "Appointment",
    "fact.clinician": "Clinician",
    "fact.ms_type": "Type of MS",
    "fact.dmt": "DMT",
    "fact.hopes": "Hopes",
    "fact.date": "Date",
    "deidentified_report": "De-identified report",
    "deidentified": "De-identified",
    "not_given": "Not given",
    # callout titles and subheadings
    "callout.opioid": "Important: you take an opioid",
    "callout.ms_first": "MS medicines come first",
    "callout.your_ms_medicines": "Your MS medicines",
    "callout.other_dmt": "Other DMT options",
    "callout.nutrition": "Food and nutrition",
    "callout.hopes": "About what you hope for",
    "callout.surgery": "Surgery or a procedure ahead",
    "callout.liver": "Your liver",
    "callout.pregnancy": "Pregnancy and breastfeeding",
    "callout.this_patient": "This patient",
    "sub.notes": "Notes from your care team",
    "sub.may_do": "What LDN may do",
    "sub.not_shown": "What the evidence does not show",
    "sub.side_effects": "Side effects in the studies",
    "sub.contact": "Who to contact",
    "sub.choice": "The choice",
    "sub.side_by_side": "Your choices side by side",
    "sub.matters": "What matters most to you?",
    "sub.about_guide": "About this guide",
    "sub.record_choice": "Choice",
    # monitoring
    "mon.when": "When",
    "mon.what": "What",
    "mon.who": "Who",
    "mon.timeline": "Your plan over time (weeks from the start)",
    "mon.weeks": "weeks",
    "mon.week": "Week {week}",
    # the timeline drawing's alternative text (the accessible PDF's figure)
    "mon.timeline_alt": "Timeline drawing of your plan, in weeks from the start: {points}.",
    "mon.timeline_point": "{label} at week {week}",
    # discussion record
    "rec.lead": "We talked about these points (tick each one):",
    "rec.interpreter": "An interpreter was used. Language: ______________________",
    "sign.Patient": "Patient",
    "sign.Clinician": "Clinician",
    "sign.Interpreter": "Interpreter",
    "sign.Witness": "Witness",
    "sign.signature": "Signature",
    "sign.name": "Name (print)",
    "sign.date": "Date",
    # clinician pages
    "audience.clinicians": "FOR CLINICIANS",
    "clinician_pages_note": "",
    # the evidence summary's own words around the pack's statements
    "ev.col.study": "Study",
    "ev.col.design": "Design",
    "ev.col.participants": "Participants",
    "ev.col.findings": "Findings",
    "ev.studies": "Studies",
    "ev.safety": "Safety",
    "ev.place": "Place in care",
    "ev.consider": "When LDN might be considered",
    "ev.mechanisms": "Proposed mechanisms (hypotheses, not established)",
    "ev.monitoring": "Monitoring and conclusion",
    "ev.about": "About this evidence pack",
    "ev.source": "Source summary: \u201c{title}\u201d, {name}, read {read}: {kind}. Evidence pack "
                 "{version} ({produced}); the other studies and sources are listed below with "
                 "their references.",
    "ev.read_unknown": "date not recorded",
    "ev.version": "Version {version}, produced {produced}, review by {review_by}. {policy}",
    "ev.funding": "Funding and conflicts: {text}",
    "ev.field_tested": "Patient decision aid: field-tested with patients.",
    "ev.not_field_tested": "Patient decision aid: not yet field-tested with patients.",
    "ev.changes": "Changes in {version} ({date}): {changes}",
    # callout kinds (HTML)
    "kind.warning": "Warning",
    "kind.caution": "Caution",
    "kind.expectation": "Expectation",
    "kind.info": "Note",
    # footer
    "footer.pack": "Evidence pack {version} ({date})",
    "footer.content": "content {hash}",
    "footer.generated": "generated {date}",
    "footer.page": "Page {number} of {total}",
    # the accessible letterhead (HTML twin and accessible PDF)
    "logo.alt": "Logo of {clinic}",
    "logo.the_clinic": "the clinic",
    "contact.phone": "Phone:",
    "contact.website": "Website:",
    "footer.template": "Template: {name}",
    "footer.customized": "{name} (customized template)",  # a clinic's own template
    "footer.translation": "",
    # clinic text placeholders when the value is unknown
    "fill.you": "you",
    "fill.care_team": "your care team",
}

_ES: dict[str, str] = {
    "title": "Naltrexona en dosis bajas (LDN) para la EM: su informe de orientaci\u00f3n",
    "subject": "Informe de orientaci\u00f3n sobre la naltrexona en dosis bajas para la "
               "esclerosis m\u00faltiple",
    "keywords": "naltrexona en dosis bajas; esclerosis m\u00faltiple; informe de orientaci\u00f3n",
    "clinic.placeholder": "Su cl\u00ednica de EM",
    "heading.header": "La naltrexona en dosis bajas (LDN) y su EM",
    "heading.key_points": "Puntos clave",
    "heading.why_ldn": "Por qu\u00e9 hablamos con usted de la LDN",
    "heading.what_to_expect": "Qu\u00e9 puede esperar",
    "heading.safety": "Seguridad",
    "heading.opioid_safety": "Los opioides y la LDN",
    "heading.decision_aid": "Sus opciones sobre la LDN",
    "heading.monitoring": "Su plan de controles",
    "heading.questions": "Preguntas que quiz\u00e1 quiera hacer",
    "heading.discussion_record": "Registro de la conversaci\u00f3n",
    "heading.evidence_summary": "Resumen de la evidencia (para el equipo cl\u00ednico)",
    "heading.references": "Referencias",
    "fact.patient": "Paciente",
    "fact.date_of_birth": "Nacimiento",
    "fact.mrn": "N.\u00ba historia",
    "fact.appointment": "Cita",
    "fact.clinician": "Profesional",
    "fact.ms_type": "Tipo de EM",
    "fact.dmt": "Tratamiento (TME)",
    "fact.hopes": "Lo que espera",
    "fact.date": "Fecha",
    "deidentified_report": "Informe sin datos personales",
    "deidentified": "Sin datos personales",
    "not_given": "No consta",
    "callout.opioid": "Importante: usted toma un opioide",
    "callout.ms_first": "Primero, los medicamentos para la EM",
    "callout.your_ms_medicines": "Sus medicamentos para la EM",
    "callout.other_dmt": "Otras opciones de TME",
    "callout.nutrition": "Comida y nutrici\u00f3n",
    "callout.hopes": "Sobre lo que usted espera",
    "callout.surgery": "Tiene una cirug\u00eda o un procedimiento",
    "callout.liver": "Su h\u00edgado",
    "callout.pregnancy": "Embarazo y lactancia",
    "callout.this_patient": "Este paciente",
    "sub.notes": "Notas de su equipo de atenci\u00f3n",
    "sub.may_do": "Lo que la LDN puede hacer",
    "sub.not_shown": "Lo que los estudios no muestran",
    "sub.side_effects": "Efectos secundarios en los estudios",
    "sub.contact": "A qui\u00e9n llamar",
    "sub.choice": "La decisi\u00f3n",
    "sub.side_by_side": "Sus opciones, una al lado de otra",
    "sub.matters": "\u00bfQu\u00e9 es lo m\u00e1s importante para usted?",
    "sub.about_guide": "Sobre esta gu\u00eda",
    "sub.record_choice": "Decisi\u00f3n",
    "mon.when": "Cu\u00e1ndo",
    "mon.what": "Qu\u00e9",
    "mon.who": "Qui\u00e9n",
    "mon.timeline": "Su plan en el tiempo (semanas desde el inicio)",
    "mon.weeks": "semanas",
    "mon.week": "Semana {week}",
    "mon.timeline_alt": "Dibujo de su plan en el tiempo, en semanas desde el inicio: {points}.",
    "mon.timeline_point": "{label} en la semana {week}",
    "rec.lead": "Hablamos de estos puntos (marque cada uno):",
    "rec.interpreter": "Hubo un int\u00e9rprete. Idioma: ______________________",
    "sign.Patient": "Paciente",
    "sign.Clinician": "Profesional",
    "sign.Interpreter": "Int\u00e9rprete",
    "sign.Witness": "Testigo",
    "sign.signature": "Firma",
    "sign.name": "Nombre (en letra clara)",
    "sign.date": "Fecha",
    "audience.clinicians": "PARA EL EQUIPO CL\u00cdNICO",
    # Only when the template keeps the clinician pages in the pack's English.
    "clinician_pages_note": "Esta parte es para el equipo cl\u00ednico. Est\u00e1 en ingl\u00e9s "
                            "porque as\u00ed lo pide la plantilla de la cl\u00ednica.",
    "ev.col.study": "Estudio",
    "ev.col.design": "Dise\u00f1o",
    "ev.col.participants": "Participantes",
    "ev.col.findings": "Resultados",
    "ev.studies": "Estudios",
    "ev.safety": "Seguridad",
    "ev.place": "Lugar en la atenci\u00f3n",
    "ev.consider": "Cu\u00e1ndo podr\u00eda considerarse la LDN",
    "ev.mechanisms": "Mecanismos propuestos (hip\u00f3tesis, no establecidos)",
    "ev.monitoring": "Seguimiento y conclusi\u00f3n",
    "ev.about": "Sobre este paquete de evidencia",
    "ev.source": "Resumen de la fuente: \u00ab{title}\u00bb, {name}, le\u00eddo el {read}: "
                 "{kind}. Paquete de evidencia {version} ({produced}); los dem\u00e1s estudios "
                 "y fuentes se enumeran abajo con sus referencias.",
    "ev.read_unknown": "fecha no registrada",
    "ev.version": "Versi\u00f3n {version}, elaborada el {produced}, revisi\u00f3n antes del "
                  "{review_by}. {policy}",
    "ev.funding": "Financiaci\u00f3n y conflictos de intereses: {text}",
    "ev.field_tested": "Ayuda para decidir: probada con pacientes.",
    "ev.not_field_tested": "Ayuda para decidir: a\u00fan no se ha probado con pacientes.",
    "ev.changes": "Cambios en la versi\u00f3n {version} ({date}): {changes}",
    "kind.warning": "Advertencia",
    "kind.caution": "Precauci\u00f3n",
    "kind.expectation": "Lo que se puede esperar",
    "kind.info": "Nota",
    "footer.pack": "Paquete de evidencia {version} ({date})",
    "footer.content": "contenido {hash}",
    "footer.generated": "generado el {date}",
    "footer.page": "P\u00e1gina {number} de {total}",
    "logo.alt": "Logotipo de {clinic}",
    "logo.the_clinic": "la cl\u00ednica",
    "contact.phone": "Tel\u00e9fono:",
    "contact.website": "Sitio web:",
    "footer.template": "Plantilla: {name}",
    "footer.customized": "{name} (plantilla personalizada)",
    # the built-in templates' names (i18n/template_names.py; the app's .ts says the same)
    "template.standard-letter": "Est\u00e1ndar, carta (EE. UU.)",
    "template.standard-a4": "Est\u00e1ndar, A4",
    "template.large-print": "Letra grande",
    "template.clinician-evidence-brief": "Resumen de la evidencia para el equipo cl\u00ednico",
    "template.discussion-record-only": "Solo el registro de la conversaci\u00f3n",
    "footer.translation": "Traducci\u00f3n a\u00fan no revisada por un traductor m\u00e9dico "
                          "calificado",
    "translation.unreviewed": "Traducci\u00f3n del ingl\u00e9s hecha con ayuda de una "
                              "m\u00e1quina. A\u00fan no la ha revisado un traductor "
                              "m\u00e9dico calificado. Si algo no est\u00e1 claro, pregunte a "
                              "su equipo.",
    "translation.reviewed": "Traducci\u00f3n revisada por {name} el {date}.",
    "fill.you": "usted",
    "fill.care_team": "su equipo de atenci\u00f3n",
}

# The labels of the context's choices, as the Spanish report prints them.
_ES_CHOICES: dict[str, str] = {
    "phenotype.CIS": "S\u00edndrome cl\u00ednico aislado (CIS)",
    "phenotype.RRMS": "EM remitente-recurrente",
    "phenotype.SPMS": "EM secundaria progresiva",
    "phenotype.PPMS": "EM primaria progresiva",
    "phenotype.unknown": "No consta",
    "dmt.on_dmt_tolerating": "Toma un TME y lo tolera",
    "dmt.on_dmt_not_tolerating": "Toma un TME pero no lo tolera",
    "dmt.stopped_intolerance": "Dej\u00f3 un TME por efectos secundarios",
    "dmt.contraindicated": "Los TME no son adecuados (contraindicados)",
    "dmt.declined": "Ha rechazado los TME",
    "dmt.none_yet": "A\u00fan no toma un TME",
    "dmt.unknown": "No consta",
    "goal.mood": "\u00c1nimo",
    "goal.pain": "Dolor",
    "goal.cognition": "Pensamiento y memoria",
    "goal.fatigue": "Cansancio",
    "goal.quality_of_life": "Calidad de vida",
    "goal.slow_progression": "Frenar el avance de la EM",
    "goal.fewer_relapses": "Menos brotes",
    "goal.replace_dmt": "Reemplazar un TME",
}


def _english_choices() -> dict[str, str]:
    """The form's own labels and the templates' default headings: one English source."""
    from ..context import DMT_STATUS_LABELS, GOAL_LABELS, PHENOTYPE_LABELS
    from ..templates.model import DEFAULT_HEADINGS, slugify
    from .template_names import BUILTIN_NAMES

    return {**{f"heading.{k}": v for k, v in DEFAULT_HEADINGS.items()},
            **{f"template.{slugify(name)}": name for name in BUILTIN_NAMES},
            **{f"phenotype.{k}": v for k, v in PHENOTYPE_LABELS.items()},
            **{f"dmt.{k}": v for k, v in DMT_STATUS_LABELS.items()},
            **{f"goal.{k}": v for k, v in GOAL_LABELS.items()}}


def report_texts(language: str) -> dict[str, str]:
    """Every label the report prints, in ``language`` (a tag of one of LANGUAGES, e.g. es-MX;
    any other gives English)."""
    if language.replace("_", "-").split("-")[0].lower() == "es":
        return {**_ES, **_ES_CHOICES}
    return {**_EN, **_english_choices()}


def report_language(tag: str, field: str = "language") -> str:
    """The report language for a tag such as "es", "es-MX" or "en-GB": its primary subtag,
    which must be one of LANGUAGES; anything else is an error naming ``field``."""
    primary = str(tag).strip().replace("_", "-").split("-")[0].lower()
    if primary not in LANGUAGES:
        raise InputError(field, f"{str(tag)[:40]!r} is not a report language; choose one of: "
                         + ", ".join(LANGUAGES))
    return primary
