"""The accessible HTML report: structure, every statement, escaping, privacy and the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ldn_report.build import build_html
from ldn_report.context import context_from_dict
from ldn_report.examples import example_names, load_example
from ldn_report.report import Paragraph, Report
from ldn_report.templates.catalogue import builtin_templates, resolve_template
from robust_checks import context_with

TODAY = dt.date(2025, 3, 14)
INJECTIONS = ("<b>", "</para>", "&amp;", "<font name=x>", '<a href="javascript:x">',
              '<img src="/etc/passwd"/>')


class Page(HTMLParser):
    """Every start tag with its attributes, the h2 texts in order, and all text (entities
    decoded, so a test compares with the model's plain text)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.h2: list[str] = []
        self.chunks: list[str] = []
        self._in_h2 = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        if self._in_h2:
            self.h2[-1] += data

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def attrs(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


def flat(text: str) -> str:
    return " ".join(text.split())


def paragraphs(report: Report) -> list[str]:
    """Every text the model holds: statements, items, cells, callouts, references."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, Paragraph):
            out.append(value.text)
        elif isinstance(value, tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:  # type: ignore[attr-defined]
                if name not in ("cites", "row_cites", "cell_cites", "links", "id", "style", "kind",
                                "key"):
                    walk(getattr(value, name))

    for section in report.sections:
        walk(section.title)
        walk(section.blocks)
    return [s for s in out if s.strip()]


@pytest.fixture(scope="module", params=example_names())
def built(request: pytest.FixtureRequest) -> tuple[str, Report, str]:
    return build_html(load_example(request.param, today=TODAY), generated_on=TODAY)


def test_sections_are_h2_in_order_and_every_text_is_present(built) -> None:
    html, report, digest = built
    page = Page(html)
    assert [flat(h) for h in page.h2] == [flat(s.title) for s in report.sections]
    for section in page.attrs("section"):
        assert section["aria-labelledby"] in page.ids()
    missing = [t for t in paragraphs(report) if flat(t) not in page.text]
    assert not missing, missing[:3]
    assert len(page.attrs("h1")) == 1
    assert page.attrs("html")[0]["lang"] == report.meta.language
    assert digest in page.text
    assert report.meta.pack_version in page.text


def test_every_citation_link_lands_on_a_reference(built) -> None:
    page = Page(built[0])
    hrefs = [a["href"] for a in page.attrs("a")]
    internal = [h for h in hrefs if h and h.startswith("#")]
    assert internal
    assert all(h[1:] in page.ids() for h in internal)


def test_no_script_image_or_outside_resource(built) -> None:
    html, report, _ = built
    page = Page(html)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "input", "form"}
    urls = {url for entry in report.references for _, url in entry.links}
    for a in page.attrs("a"):
        href = a["href"] or ""
        assert href.startswith("#ref-") or (href in urls and href.startswith("https://")), href
        if not href.startswith("#"):
            assert a.get("rel") == "noreferrer"
    assert not any(a.get("src") for _, a in page.tags)


def test_trial_numbers_are_in_the_clinician_summary() -> None:
    html, _, _ = build_html(load_example("on-dmt-mood-pain", today=TODAY), generated_on=TODAY)
    text = Page(html).text
    for number in ("n=60", "4.5 mg", "3.3", "p=0.04", "6 points", "p<0.01", "1.6", "2.4",
                   "p=0.05"):
        assert number in text, number


@pytest.mark.parametrize("injection", INJECTIONS)
def test_markup_in_user_text_is_text(injection: str) -> None:
    ctx = context_from_dict(context_with({"patient.name": f"QA{injection}QZ",
                                          "notes": f"QF{injection}QZ",
                                          "dmt.name": f"QC{injection}QZ"}), today=TODAY)
    html, _, _ = build_html(ctx, generated_on=TODAY)
    page = Page(html)
    for marker in ("QA", "QF", "QC"):
        assert f"{marker}{injection}QZ" in page.text, marker
    assert not {t for t, _ in page.tags} & {"script", "img", "font", "b", "para"}
    assert "javascript:" not in " ".join(a.get("href") or "" for a in page.attrs("a"))


def test_deidentified_leaks_no_identifier() -> None:
    name, dob, mrn = "Philippa Quenneville-Okonkwo", "1971-08-29", "MRN-88412377"
    ctx = context_from_dict(context_with({"patient.name": name, "patient.date_of_birth": dob,
                                          "patient.mrn": mrn, "patient.deidentified": True}),
                            today=TODAY)
    html, _, _ = build_html(ctx, generated_on=TODAY)
    assert "De-identified" in html
    for ident in (name, "Philippa", "Quenneville", "Okonkwo", dob, "88412377", "1971"):
        assert ident.lower() not in html.lower(), ident


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.name)
def test_every_builtin_template_renders_with_working_links(template) -> None:
    html, report, _ = build_html(load_example("everything-flagged", today=TODAY), template,
                                 generated_on=TODAY)
    page = Page(html)
    assert [flat(h) for h in page.h2] == [flat(s.title) for s in report.sections]
    assert all((a["href"] or "")[1:] in page.ids() for a in page.attrs("a")
               if (a["href"] or "").startswith("#"))


CLINIC = {"clinic_name": "Riverside MS Clinic", "department": "Neurology & Rehab",
          "address": "1 River Rd <b>Suite 2</b> & Co", "phone": "+1 (555) 010-0100",
          "website": "https://riverside.example/ms?a=1&b=2"}
FOOTER_TEXT = "Printed for <b>patients</b> & families"


def clinic_template(footer_text: str = FOOTER_TEXT, **branding: object):
    base = resolve_template(None)
    return dataclasses.replace(base, footer_text=footer_text,
                               branding=dataclasses.replace(base.branding,
                                                            **{**CLINIC, **branding}))


def part(html: str, tag: str) -> str:
    """The page's one <tag>...</tag> (the CSS mentions ``header`` but never ``<header>``)."""
    assert html.count(f"<{tag}>") == 1, tag
    return html[html.index(f"<{tag}>"):html.index(f"</{tag}>") + len(f"</{tag}>")]


def test_clinic_letterhead_and_footer_text_are_shown_escaped() -> None:
    html, report, _ = build_html(load_example("on-dmt-mood-pain", today=TODAY),
                                 clinic_template(), generated_on=TODAY)
    assert (report.meta.clinic_address, report.meta.footer_text) == (CLINIC["address"],
                                                                     FOOTER_TEXT)
    header = Page(part(html, "header"))
    for value in CLINIC.values():
        assert value in header.text, value
    assert "b" not in {t for t, _ in header.tags}
    assert "1 River Rd &lt;b&gt;Suite 2&lt;/b&gt; &amp; Co" in html
    links = {a["href"]: a for a in header.attrs("a")}
    assert set(links) == {"tel:+15550100100", CLINIC["website"]}
    assert links[CLINIC["website"]].get("rel") == "noreferrer"
    footer = Page(part(html, "footer"))
    assert FOOTER_TEXT in footer.text
    assert "b" not in {t for t, _ in footer.tags}
    assert "Printed for &lt;b&gt;patients&lt;/b&gt; &amp; families" in html


def test_only_web_addresses_and_phone_numbers_become_links() -> None:
    template = clinic_template(website="javascript:alert(1)", phone="ext. 4 at reception")
    html, _, _ = build_html(load_example("on-dmt-mood-pain", today=TODAY), template,
                            generated_on=TODAY)
    header = Page(part(html, "header"))
    assert "javascript:alert(1)" in header.text
    assert "ext. 4 at reception" in header.text
    assert not header.attrs("a")
    assert "javascript:" not in " ".join(a.get("href") or "" for a in Page(html).attrs("a"))


def test_letterhead_off_shows_none_of_the_letterhead() -> None:
    html, report, _ = build_html(load_example("on-dmt-mood-pain", today=TODAY),
                                 clinic_template(letterhead=False), generated_on=TODAY)
    assert report.meta.letterhead is False
    assert "<header>" not in html
    top = Page(html[html.index("<body>"):html.index("<main>")]).text
    for value in CLINIC.values():
        assert value not in top, value
    assert FOOTER_TEXT in Page(part(html, "footer")).text  # the footer is not letterhead


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ldn_report", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def test_cli_writes_html_and_refuses_other_suffixes(tmp_path: Path) -> None:
    proc = run("build", "--example", "on-dmt-mood-pain", "-o", "x.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<main>" in html
    assert "HTML" in proc.stdout
    proc = run("build", "--example", "on-dmt-mood-pain", "-o", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "-o: x.txt must end in .pdf or .html" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.html"]
