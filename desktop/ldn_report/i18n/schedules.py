"""The default monitoring plan in each report language (same times as templates.model's)."""

from __future__ import annotations

from ..templates.model import DEFAULT_SCHEDULE, ScheduleRow

_ES_WORDS: tuple[tuple[str, str, str], ...] = (
    ("Antes de empezar", "Revisar todos sus medicamentos por si hay opioides. Llenar "
     "cuestionarios cortos de \u00e1nimo, dolor y cansancio.", "Quien receta"),
    ("Semana 4", "Llamada: efectos secundarios, sue\u00f1o y sue\u00f1os, cualquier pregunta.",
     "Enfermera de EM"),
    ("Semana 8", "Repetir los cuestionarios de \u00e1nimo, dolor y cansancio. Decidir juntos "
     "si seguir.", "Neur\u00f3logo o enfermera de EM"),
    ("Cada visita", "Control neurol\u00f3gico de siempre. Su atenci\u00f3n de la EM y sus "
     "controles siguen igual.", "Equipo de EM"),
)


def default_schedule(language: str) -> tuple[ScheduleRow, ...]:
    """The built-in plan in ``language``: the same weeks, the words translated."""
    if language != "es":
        return DEFAULT_SCHEDULE
    return tuple(ScheduleRow(when, what, who, row.week)
                 for row, (when, what, who) in zip(DEFAULT_SCHEDULE, _ES_WORDS, strict=True))
