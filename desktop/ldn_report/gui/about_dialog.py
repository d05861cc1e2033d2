"""The About dialog: app version, the evidence pack's version, dates, policy and references."""

from __future__ import annotations

import html

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..evidence import EvidencePack, default_pack


def about_html(pack: EvidencePack) -> str:
    """The dialog's text; every pack string is escaped, links are built here."""
    e = html.escape
    refs = []
    for ref in pack.references:
        links = " ".join(f'<a href="{e(url, quote=True)}">{e(label)}</a>'
                         for label, url in ref.links())
        refs.append(f"<li value='{ref.number}'>{e(ref.text)} {links}</li>")
    expired = " <b>(past its review date: the team must review it)</b>" if pack.is_expired() else ""
    return (
        f"<h2>LDN counseling report builder {e(__version__)}</h2>"
        "<p>Printable counseling reports on low-dose naltrexone for people with MS. "
        "No network access; patient data stays on this computer.</p>"
        f"<h3>Evidence pack</h3><p><b>{e(pack.title)}</b><br>"
        f"Version {e(pack.version)}, produced {pack.produced.isoformat()}, "
        f"review by {pack.review_by.isoformat()}{expired}<br>"
        f"Source summary: {e(pack.source_title)}</p>"
        f"<p>{e(pack.update_policy)}</p><p>{e(pack.funding_conflicts)}</p>"
        f"<h3>References</h3><ol>{''.join(refs)}</ol>"
        f"<p style='color:gray'>Qt {e(qVersion())}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, pack: EvidencePack | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About the LDN report builder")
        self.resize(640, 560)
        self.text = QTextBrowser()
        self.text.setAccessibleName("About this app and its evidence")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(pack or default_pack()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None) -> None:
    AboutDialog(parent).exec()
