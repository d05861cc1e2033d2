"""Bytes per page of every example under every built-in template (issue 17: at most 8 KB per
page for the standard templates, fonts embedded and subset)."""

from __future__ import annotations

from common import Result

STANDARD_KB = 8.0
STANDARD_TEMPLATES = ("Standard Letter", "Standard A4")


def kb_per_page() -> dict[str, list[float]]:
    """Template name -> KB per page of each bundled example, in example order."""
    from ldn_report.build import build_report
    from ldn_report.examples import example_names, load_example
    from ldn_report.templates.catalogue import builtin_templates

    out: dict[str, list[float]] = {}
    for template in builtin_templates():
        for name in example_names():
            result = build_report(load_example(name), template)
            out.setdefault(template.name, []).append(
                len(result.pdf) / 1024 / result.page_count)
    return out


def run() -> list[Result]:
    try:
        sizes = kb_per_page()
    except Exception as exc:  # work in progress: say so, go on with the others
        return [Result.skip("PDF KB per page", "KB", f"{type(exc).__name__}: {exc}",
                            STANDARD_KB)]
    return [Result(f"PDF KB per page, {name} (each example)", "KB", samples,
                   STANDARD_KB if name in STANDARD_TEMPLATES else None,
                   note=f"largest {max(samples):.2f} KB/page over {len(samples)} examples")
            for name, samples in sizes.items()]
